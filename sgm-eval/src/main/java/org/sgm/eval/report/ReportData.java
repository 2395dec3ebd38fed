package org.sgm.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sgm.core.SgmException;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.metrics.Metric;
import org.sgm.eval.metrics.UndefinedMetricException;
import org.sgm.eval.stats.Friedman;
import org.sgm.eval.stats.Holm;
import org.sgm.eval.stats.MeanStd;
import org.sgm.eval.stats.Nemenyi;
import org.sgm.eval.stats.PairedWilcoxon;
import org.sgm.eval.stats.Ranks;

/**
 * The experiment's cells, sorted, with every aggregate and statistic the report files show. Built once by
 * {@link #of}; the writers only format it.
 *
 * <p>Order (deterministic for the same cells): datasets alphabetically; models by their plain name with the plain
 * model before its score-guided twin ({@code ae, sg-ae, dagmm, sg-dagmm, …}; pairs from the registry, {@link Twins});
 * cells by seed.
 */
final class ReportData {
    /** The prefix that marks a score-guided model; {@code sg-foo} is paired with {@code foo}. */

    final String name;
    final List<Metric> metrics;
    final List<String> datasets;
    final List<String> models;
    final List<Long> seeds;
    /** {@code cells.get(dataset).get(model)}: the cells of one dataset × model, by seed (may be empty). */
    final Map<String, Map<String, List<CellRecord>>> cells;
    /** {@code values.get(metric).get(dataset).get(model)}: one value per cell, in seed order (NaN if undefined). */
    final Map<Metric, Map<String, Map<String, double[]>>> values;
    /** {@code summary.get(metric).get(dataset).get(model)}: mean ± std over seeds. */
    final Map<Metric, Map<String, Map<String, MeanStd>>> summary;
    /** The statistics of each metric. */
    final Map<Metric, MetricStats> stats;
    /** Dataset × model combinations with fewer seeds than the experiment's seed list (or none), in order. */
    final List<Missing> missing;
    /** Which model is the plain twin of which SG model (through the registry). */
    final Twins twins;

    /**
     * The comparison statistics of one metric over the datasets every model has a value on.
     *
     * @param datasets the complete datasets (every model has a finite mean)
     * @param ranks {@code ranks[dataset][model]} on those datasets, 1 = best, or null if there are none
     * @param averageRanks each model's average rank, or null
     * @param friedman the Friedman test, or null (fewer than 2 models or 2 complete datasets)
     * @param criticalDifference the Nemenyi CD at α = 0.05, or NaN when it cannot be computed
     * @param wilcoxon SG-X vs X comparisons with Holm-adjusted p-values
     */
    record MetricStats(List<String> datasets, double[][] ranks, double[] averageRanks, Friedman friedman,
            double criticalDifference, List<Comparison> wilcoxon) {}

    /**
     * One SG-X vs X Wilcoxon signed-rank test over the datasets where both have a value.
     *
     * @param model the score-guided model, {@code sg-x}
     * @param baseline its plain twin, {@code x}
     * @param test the test (null when no dataset has both)
     * @param pHolm the Holm-adjusted p-value over all pairs of the metric
     */
    record Comparison(String model, String baseline, PairedWilcoxon test, double pHolm) {}

    /**
     * @param dataset the dataset
     * @param model the model
     * @param seeds the seeds that are there
     */
    record Missing(String dataset, String model, List<Long> seeds) {}

    private ReportData(String name, List<Metric> metrics, List<String> datasets, List<String> models, List<Long> seeds,
            Map<String, Map<String, List<CellRecord>>> cells, Map<Metric, Map<String, Map<String, double[]>>> values,
            Map<Metric, Map<String, Map<String, MeanStd>>> summary, Map<Metric, MetricStats> stats,
            List<Missing> missing, Twins twins) {
        this.twins = twins;
        this.name = name;
        this.metrics = metrics;
        this.datasets = datasets;
        this.models = models;
        this.seeds = seeds;
        this.cells = cells;
        this.values = values;
        this.summary = summary;
        this.stats = stats;
        this.missing = missing;
    }

    /**
     * @param spec the experiment spec: {@code name} (default {@code experiment}) and {@code metrics} (default all)
     * @param all the finished cells, any order
     * @return the data
     * @throws SgmException for an unknown metric name, a duplicate cell, or a cell whose scores and labels differ in
     *     length
     */
    static ReportData of(JsonNode spec, List<CellRecord> all) {
        return of(spec, all, DetectorRegistry.discover());
    }

    /**
     * @param spec the experiment spec
     * @param all the finished cells, any order
     * @param registry pairs each SG model with its plain twin ({@link Twins})
     * @return the data
     */
    static ReportData of(JsonNode spec, List<CellRecord> all, DetectorRegistry registry) {
        Twins twins = Twins.of(all, registry);
        String name = spec != null && spec.hasNonNull("name") ? spec.get("name").asText() : "experiment";
        List<Metric> metrics = new ArrayList<>();
        if (spec != null && spec.has("metrics") && spec.get("metrics").isArray() && spec.get("metrics").size() > 0) {
            for (JsonNode m : spec.get("metrics")) {
                Metric metric = Metric.byKey(m.asText());
                if (!metrics.contains(metric)) {
                    metrics.add(metric);
                }
            }
        } else {
            metrics.addAll(List.of(Metric.values()));
        }
        List<String> datasets = new ArrayList<>(new TreeSet<>(all.stream().map(CellRecord::dataset).toList()));
        List<String> models = new ArrayList<>(new TreeSet<>(all.stream().map(CellRecord::model).toList()));
        models.sort(Comparator.comparing(twins::group).thenComparing(m -> twins.guided(m) ? 1 : 0)
                .thenComparing(Comparator.naturalOrder()));
        List<Long> seeds = new ArrayList<>(new TreeSet<>(all.stream().map(CellRecord::seed).toList()));

        Map<String, Map<String, List<CellRecord>>> cells = new LinkedHashMap<>();
        for (String d : datasets) {
            Map<String, List<CellRecord>> byModel = new LinkedHashMap<>();
            models.forEach(m -> byModel.put(m, new ArrayList<>()));
            cells.put(d, byModel);
        }
        for (CellRecord c : all) {
            List<CellRecord> list = cells.get(c.dataset()).get(c.model());
            if (list.stream().anyMatch(o -> o.seed() == c.seed())) {
                throw new SgmException("report: two cells for dataset '" + c.dataset() + "', model '" + c.model()
                        + "', seed " + c.seed());
            }
            list.add(c);
        }
        cells.values().forEach(byModel -> byModel.values().forEach(l -> l.sort(Comparator.comparingLong(
                CellRecord::seed))));

        Map<Metric, Map<String, Map<String, double[]>>> values = new LinkedHashMap<>();
        Map<Metric, Map<String, Map<String, MeanStd>>> summary = new LinkedHashMap<>();
        Map<Metric, MetricStats> stats = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            Map<String, Map<String, double[]>> vm = new LinkedHashMap<>();
            Map<String, Map<String, MeanStd>> sm = new LinkedHashMap<>();
            for (String d : datasets) {
                Map<String, double[]> vd = new LinkedHashMap<>();
                Map<String, MeanStd> sd = new LinkedHashMap<>();
                for (String m : models) {
                    double[] v = cells.get(d).get(m).stream().mapToDouble(c -> value(c, metric)).toArray();
                    vd.put(m, v);
                    sd.put(m, MeanStd.of(v));
                }
                vm.put(d, vd);
                sm.put(d, sd);
            }
            values.put(metric, vm);
            summary.put(metric, sm);
            stats.put(metric, statistics(datasets, models, sm, twins));
        }

        List<Missing> missing = new ArrayList<>();
        for (String d : datasets) {
            for (String m : models) {
                List<CellRecord> l = cells.get(d).get(m);
                if (l.size() < seeds.size()) {
                    missing.add(new Missing(d, m, l.stream().map(CellRecord::seed).toList()));
                }
            }
        }
        return new ReportData(name, List.copyOf(metrics), datasets, models, seeds, cells, values, summary, stats,
                missing, twins);
    }

    /**
     * A cell's metric: the value the runner recorded, or, if it recorded none under that name, computed from the
     * cell's test scores. NaN (or JSON null) means undefined and is left out of means and statistics.
     */
    static double value(CellRecord c, Metric metric) {
        Map<String, Double> m = c.metrics();
        if (m != null && m.containsKey(metric.key())) {
            Double v = m.get(metric.key());
            return v == null ? Double.NaN : v;
        }
        if (c.testScores() == null || c.testLabels() == null) {
            return Double.NaN;
        }
        if (c.testScores().length != c.testLabels().length) {
            throw new SgmException("report: cell " + c.id() + " has " + c.testScores().length + " test scores but "
                    + c.testLabels().length + " test labels");
        }
        try {
            return metric.of(Metric.anomalies(c.testLabels()), c.testScores());
        } catch (UndefinedMetricException e) {
            return Double.NaN;
        } catch (IllegalArgumentException e) {
            throw new SgmException("report: cell " + c.id() + ": " + e.getMessage(), e);
        }
    }

    private static MetricStats statistics(List<String> datasets, List<String> models,
            Map<String, Map<String, MeanStd>> summary, Twins twins) {
        List<String> complete = datasets.stream()
                .filter(d -> models.stream().allMatch(m -> summary.get(d).get(m).n() > 0))
                .toList();
        double[][] ranks = null;
        double[] avg = null;
        Friedman friedman = null;
        double cd = Double.NaN;
        if (!complete.isEmpty()) {
            double[][] table = new double[complete.size()][models.size()];
            for (int i = 0; i < complete.size(); i++) {
                for (int j = 0; j < models.size(); j++) {
                    table[i][j] = summary.get(complete.get(i)).get(models.get(j)).mean();
                }
            }
            ranks = Ranks.perDataset(table);
            avg = Ranks.average(ranks);
            if (models.size() >= 2 && complete.size() >= 2) {
                friedman = Friedman.of(ranks);
            }
            if (models.size() >= 2 && models.size() <= Nemenyi.MAX_MODELS) {
                cd = Nemenyi.criticalDifference(models.size(), complete.size());
            }
        }
        List<String[]> pairs = new ArrayList<>();
        for (String m : models) {
            if (twins.twin(m) != null && models.contains(twins.twin(m))) {
                pairs.add(new String[] {m, twins.twin(m)});
            }
        }
        PairedWilcoxon[] tests = new PairedWilcoxon[pairs.size()];
        double[] p = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            for (String d : datasets) {
                MeanStd x = summary.get(d).get(pairs.get(i)[0]);
                MeanStd y = summary.get(d).get(pairs.get(i)[1]);
                if (x.n() > 0 && y.n() > 0) {
                    a.add(x.mean());
                    b.add(y.mean());
                }
            }
            if (a.isEmpty()) {
                p[i] = Double.NaN;
            } else {
                tests[i] = PairedWilcoxon.test(a.stream().mapToDouble(Double::doubleValue).toArray(),
                        b.stream().mapToDouble(Double::doubleValue).toArray());
                p[i] = tests[i].p();
            }
        }
        double[] adjusted = Holm.adjust(p);
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            comparisons.add(new Comparison(pairs.get(i)[0], pairs.get(i)[1], tests[i], adjusted[i]));
        }
        return new MetricStats(complete, ranks, avg, friedman, cd, comparisons);
    }
}
