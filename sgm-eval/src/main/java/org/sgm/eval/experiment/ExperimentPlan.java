package org.sgm.eval.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.SgmException;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.hyper.InvalidHyperparametersException;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.data.BuiltinDatasets;
import org.sgm.data.Table;
import org.sgm.eval.EvaluationProtocol;
import org.sgm.eval.metrics.UndefinedMetricException;

/**
 * An experiment made ready to run: every dataset read and checked (labels with at least two rows of each class),
 * every detector created from its key and hyperparameters, and the cells listed in a stable order. Building a plan
 * runs nothing; it fails, before any cell, on anything that would make a cell fail for a reason known in advance.
 *
 * <p>A plan is immutable and safe to share between threads; {@link CellRunner#run(ExperimentPlan, CellKey)} runs
 * one of its cells.
 */
public final class ExperimentPlan {
    private final String name;
    private final List<Dataset> datasets;
    private final List<Model> models;
    private final List<Long> seeds;
    private final EvaluationProtocol protocol;
    private final JsonNode protocolJson;
    private final boolean exportSplits;
    private final ObjectNode specJson;

    /**
     * A dataset of the plan.
     *
     * @param name its name in cells and results (file name without extension, or the builtin name)
     * @param source the source as the spec named it
     * @param table the data, read once
     */
    public record Dataset(String name, String source, Table table) {}

    /**
     * A detector of the plan.
     *
     * @param name its name in cells and results
     * @param key its registry key
     * @param detector the unfitted detector
     * @param hyperparameters its effective hyperparameters (defaults with the spec's laid over)
     */
    public record Model(String name, String key, AnomalyDetector detector, JsonNode hyperparameters) {}

    private ExperimentPlan(String name, List<Dataset> datasets, List<Model> models, List<Long> seeds,
            EvaluationProtocol protocol, boolean exportSplits, ObjectNode specJson) {
        this.name = name;
        this.datasets = List.copyOf(datasets);
        this.models = List.copyOf(models);
        this.seeds = List.copyOf(seeds);
        this.protocol = protocol;
        this.protocolJson = HyperparameterJson.mapper().valueToTree(ExperimentSpec.ProtocolSpec.of(protocol));
        this.exportSplits = exportSplits;
        this.specJson = specJson;
    }

    /**
     * Reads every dataset and creates every detector of a spec.
     *
     * @param spec the spec
     * @param specDir the directory relative dataset paths are resolved against (the spec file's), or null for the
     *     working directory
     * @param registry the detectors by key
     * @return the plan
     * @throws SgmException the one problem found, or an {@link InvalidExperimentException} listing all of them
     *     (unknown keys, invalid hyperparameters, unreadable data, a missing class)
     */
    public static ExperimentPlan of(ExperimentSpec spec, Path specDir, DetectorRegistry registry) {
        EvaluationProtocol protocol = spec.evaluationProtocol();
        List<SgmException> problems = new ArrayList<>();
        List<Model> models = models(spec.detectors(), registry, problems);
        List<Dataset> datasets = datasets(spec.datasets(), specDir, protocol, problems);
        throwIfAny(spec.name(), problems);
        return new ExperimentPlan(spec.name(), datasets, models, spec.seeds(), protocol, spec.exportSplits(),
                spec.toJson());
    }

    /**
     * The plan of {@code sgm evaluate}: detectors named by their keys, seeds {@code 0 … protocol.seeds()−1}.
     *
     * @param datasets data sources with labels: paths (relative to the working directory) or {@code builtin:NAME}
     * @param keys registry keys
     * @param overrides per key, JSON laid over its defaults (a missing key: defaults)
     * @param protocol the protocol
     * @param registry the detectors by key
     * @return the plan
     * @throws SgmException the one problem found, or an {@link InvalidExperimentException} listing all of them
     */
    public static ExperimentPlan of(List<String> datasets, List<String> keys, Map<String, JsonNode> overrides,
            EvaluationProtocol protocol, DetectorRegistry registry) {
        List<ExperimentSpec.DetectorSpec> detectors = keys.stream()
                .map(k -> new ExperimentSpec.DetectorSpec(k, k, overrides.get(k))).toList();
        List<SgmException> problems = new ArrayList<>();
        List<Model> models = models(detectors, registry, problems);
        List<Dataset> tables = datasets(datasets, null, protocol, problems);
        throwIfAny("evaluate", problems);
        List<Long> seeds = new ArrayList<>();
        for (long s = 0; s < protocol.seeds(); s++) {
            seeds.add(s);
        }
        return new ExperimentPlan("evaluate", tables, models, seeds, protocol, false, null);
    }

    private static void throwIfAny(String source, List<SgmException> problems) {
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(source, problems.stream().map(Throwable::getMessage).toList());
        }
    }

    private static List<Model> models(List<ExperimentSpec.DetectorSpec> detectors, DetectorRegistry registry,
            List<SgmException> problems) {
        List<Model> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ExperimentSpec.DetectorSpec d : detectors) {
            if (!names.add(CellRecord.idOf("", d.name(), 0))) {
                problems.add(new SgmException("the model '" + d.name() + "' is named twice; each needs its own name"));
                continue;
            }
            try {
                AnomalyDetector detector = registry.create(d.key(), d.hyperparameters());
                out.add(new Model(d.name(), d.key(), detector,
                        HyperparameterJson.toTree(detector.hyperparameters())));
            } catch (InvalidHyperparametersException e) {
                problems.add(new InvalidHyperparametersException(e.violations().stream()
                        .map(v -> d.name() + ": " + v).toList()));
            } catch (SgmException e) {
                problems.add(e);
            }
        }
        return out;
    }

    private static List<Dataset> datasets(List<String> sources, Path specDir, EvaluationProtocol protocol,
            List<SgmException> problems) {
        List<Dataset> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (String source : sources) {
            String before = names.putIfAbsent(CellRecord.idOf(Table.datasetName(source), "", 0), source);
            if (before != null) {
                problems.add(new SgmException(source + " and " + before + " are both named '"
                        + Table.datasetName(source) + "'; results are named after their dataset, so names must be"
                        + " unique (rename a file)"));
                continue;
            }
            String location = specDir == null || BuiltinDatasets.isBuiltin(source) ? source
                    : resolve(specDir, source);
            try {
                Table t = Table.read(location, protocol.read());
                requireBothClasses(t, protocol.labelColumn());
                out.add(new Dataset(Table.datasetName(source), source, t));
            } catch (SgmException e) {
                problems.add(e);
            }
        }
        return out;
    }

    private static String resolve(Path dir, String source) {
        try {
            return dir.resolve(source).toString();
        } catch (InvalidPathException e) {
            return source; // Table.read names it
        }
    }

    /**
     * Every test part must hold both classes, or ROC-AUC and AP are undefined: the stratified split puts at least
     * one row of a class into test only when the class has two or more rows.
     *
     * @throws InvalidDataException if the table has no labels
     * @throws UndefinedMetricException if a class has fewer than two rows
     */
    private static void requireBothClasses(Table table, String labelColumn) {
        boolean[] anomaly = table.anomalies();
        int anomalies = 0;
        for (boolean a : anomaly) {
            anomalies += a ? 1 : 0;
        }
        int normals = anomaly.length - anomalies;
        if (anomalies < 2 || normals < 2) {
            throw new UndefinedMetricException(table.source() + ": label column '" + labelColumn + "' has "
                    + normals + " normal (0) and " + anomalies + " anomalous (1) row(s); ROC-AUC and average"
                    + " precision are undefined unless every test part holds both classes, which needs at least 2"
                    + " rows of each");
        }
    }

    /** @return every cell, in dataset, seed, detector order (the cells of one dataset and seed share a split) */
    public List<CellKey> cells() {
        List<CellKey> out = new ArrayList<>();
        for (Dataset d : datasets) {
            for (long seed : seeds) {
                for (Model m : models) {
                    out.add(new CellKey(d.name(), m.name(), seed));
                }
            }
        }
        return out;
    }

    /**
     * @param name a dataset's name
     * @return the dataset
     * @throws IllegalArgumentException if the plan has no dataset of that name
     */
    public Dataset dataset(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dataset '" + name + "' in the plan"));
    }

    /**
     * @param name a detector's name
     * @return the detector
     * @throws IllegalArgumentException if the plan has no detector of that name
     */
    public Model model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no detector '" + name + "' in the plan"));
    }

    /** @return the experiment's name */
    public String name() {
        return name;
    }

    /** @return the datasets, in spec order */
    public List<Dataset> datasets() {
        return datasets;
    }

    /** @return the detectors, in spec order */
    public List<Model> models() {
        return models;
    }

    /** @return the seeds, in spec order */
    public List<Long> seeds() {
        return seeds;
    }

    /** @return the protocol */
    public EvaluationProtocol protocol() {
        return protocol;
    }

    /** @return the protocol's settings as JSON, as every cell records them */
    public JsonNode protocolJson() {
        return protocolJson;
    }

    /** @return whether each dataset × seed's split is written as CSV */
    public boolean exportSplits() {
        return exportSplits;
    }

    /** @return the normalized spec as JSON, or null for a plan not made from a spec */
    public ObjectNode specJson() {
        return specJson == null ? null : specJson.deepCopy();
    }

}
