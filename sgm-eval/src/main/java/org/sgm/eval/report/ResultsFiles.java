package org.sgm.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sgm.core.io.AtomicFiles;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.metrics.Metric;
import org.sgm.eval.report.ReportData.Comparison;
import org.sgm.eval.report.ReportData.MetricStats;
import org.sgm.eval.stats.MeanStd;
import org.sgm.eval.stats.Nemenyi;

/** Writes {@code results.csv} (one row per cell) and {@code results.json} (cells, aggregates, statistics). */
final class ResultsFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFiles() {}

    /**
     * {@code dataset,model,seed,<metric…>,fit_seconds,score_seconds}; metrics with 6 decimals, an undefined metric
     * empty; fields quoted where RFC 4180 needs it.
     */
    static void writeCsv(ReportData data, Path file) {
        List<String> header = new ArrayList<>(List.of("dataset", "model", "seed"));
        data.metrics.forEach(m -> header.add(m.key()));
        header.add("fit_seconds");
        header.add("score_seconds");
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter csv = new CSVPrinter(w, format)) {
                csv.printRecord(header);
                for (String d : data.datasets) {
                    for (String m : data.models) {
                        List<CellRecord> cells = data.cells.get(d).get(m);
                        for (int i = 0; i < cells.size(); i++) {
                            CellRecord c = cells.get(i);
                            List<String> row = new ArrayList<>(List.of(d, m, Long.toString(c.seed())));
                            for (Metric metric : data.metrics) {
                                double v = data.values.get(metric).get(d).get(m)[i];
                                row.add(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v));
                            }
                            row.add(String.format(Locale.ROOT, "%.3f", c.fitSeconds()));
                            row.add(String.format(Locale.ROOT, "%.3f", c.scoreSeconds()));
                            csv.printRecord(row);
                        }
                    }
                }
            }
        });
    }

    /** The cells' metrics and timings, mean ± std per dataset × model, and the statistics of every metric. */
    static void writeJson(ReportData data, JsonNode spec, Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", data.name);
        ArrayNode metricNames = root.putArray("metrics");
        data.metrics.forEach(m -> metricNames.add(m.key()));
        if (spec != null) {
            root.set("spec", spec);
        }
        ArrayNode cells = root.putArray("cells");
        ArrayNode aggregates = root.putArray("aggregates");
        for (String d : data.datasets) {
            for (String m : data.models) {
                List<CellRecord> list = data.cells.get(d).get(m);
                for (int i = 0; i < list.size(); i++) {
                    CellRecord c = list.get(i);
                    ObjectNode cell = cells.addObject();
                    cell.put("id", c.id());
                    cell.put("dataset", d);
                    cell.put("model", m);
                    cell.put("seed", c.seed());
                    ObjectNode values = cell.putObject("metrics");
                    for (Metric metric : data.metrics) {
                        number(values, metric.key(), data.values.get(metric).get(d).get(m)[i]);
                    }
                    number(cell, "fit_seconds", c.fitSeconds());
                    number(cell, "score_seconds", c.scoreSeconds());
                    cell.put("test_rows", c.testLabels() == null ? 0 : c.testLabels().length);
                    cell.put("epochs", c.history() == null ? 0 : c.history().size());
                }
                if (list.isEmpty()) {
                    continue;
                }
                ObjectNode agg = aggregates.addObject();
                agg.put("dataset", d);
                agg.put("model", m);
                agg.put("seeds", list.size());
                for (Metric metric : data.metrics) {
                    MeanStd s = data.summary.get(metric).get(d).get(m);
                    ObjectNode o = agg.putObject(metric.key());
                    number(o, "mean", s.mean());
                    number(o, "std", s.std());
                    o.put("n", s.n());
                }
                number(agg, "fit_seconds_mean", MeanStd.of(list.stream().mapToDouble(CellRecord::fitSeconds)
                        .toArray()).mean());
            }
        }
        ObjectNode statistics = root.putObject("statistics");
        for (Metric metric : data.metrics) {
            MetricStats s = data.stats.get(metric);
            ObjectNode o = statistics.putObject(metric.key());
            ArrayNode ds = o.putArray("datasets");
            s.datasets().forEach(ds::add);
            if (s.averageRanks() != null) {
                ObjectNode avg = o.putObject("average_ranks");
                for (int j = 0; j < data.models.size(); j++) {
                    number(avg, data.models.get(j), s.averageRanks()[j]);
                }
                ObjectNode ranks = o.putObject("ranks");
                for (int i = 0; i < s.datasets().size(); i++) {
                    ObjectNode r = ranks.putObject(s.datasets().get(i));
                    for (int j = 0; j < data.models.size(); j++) {
                        number(r, data.models.get(j), s.ranks()[i][j]);
                    }
                }
            }
            if (s.friedman() != null) {
                ObjectNode f = o.putObject("friedman");
                f.put("k", s.friedman().k());
                f.put("n", s.friedman().n());
                number(f, "chi_square", s.friedman().chiSquare());
                number(f, "p_chi_square", s.friedman().pChiSquare());
                number(f, "iman_davenport_f", s.friedman().imanDavenportF());
                number(f, "p_iman_davenport", s.friedman().pImanDavenport());
            }
            if (!Double.isNaN(s.criticalDifference())) {
                ObjectNode n = o.putObject("nemenyi");
                number(n, "alpha", Nemenyi.ALPHA);
                number(n, "q_alpha", Nemenyi.q05(data.models.size()));
                number(n, "critical_difference", s.criticalDifference());
            }
            ArrayNode w = o.putArray("wilcoxon_holm");
            for (Comparison c : s.wilcoxon()) {
                ObjectNode x = w.addObject();
                x.put("model", c.model());
                x.put("baseline", c.baseline());
                if (c.test() != null) {
                    x.put("n", c.test().n());
                    x.put("wins", c.test().wins());
                    x.put("ties", c.test().ties());
                    x.put("losses", c.test().losses());
                    number(x, "w_plus", c.test().statistic());
                    number(x, "p", c.test().p());
                    number(x, "p_holm", c.pHolm());
                    x.put("significant", c.pHolm() < Nemenyi.ALPHA);
                }
            }
        }
        ArrayNode missing = root.putArray("incomplete");
        for (ReportData.Missing m : data.missing) {
            ObjectNode o = missing.addObject();
            o.put("dataset", m.dataset());
            o.put("model", m.model());
            ArrayNode seeds = o.putArray("seeds_present");
            m.seeds().forEach(seeds::add);
        }
        AtomicFiles.write(file, out -> {
            try {
                JSON.writeValue(out, root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Puts a number, or null for NaN (JSON has no NaN); +∞ as the string {@code "Infinity"}. */
    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else if (Double.isInfinite(v)) {
            o.put(key, v > 0 ? "Infinity" : "-Infinity");
        } else {
            o.put(key, v);
        }
    }
}
