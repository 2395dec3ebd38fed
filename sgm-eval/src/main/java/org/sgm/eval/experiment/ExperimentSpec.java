package org.sgm.eval.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.sgm.core.SgmException;
import org.sgm.core.hyper.Violations;
import org.sgm.data.Imputation;
import org.sgm.data.LabelValues;
import org.sgm.data.PreprocessingOptions;
import org.sgm.data.ReadOptions;
import org.sgm.data.Scaling;
import org.sgm.data.Table;
import org.sgm.eval.EvaluationProtocol;

/**
 * An experiment: datasets × detectors × seeds under one protocol, as written in a JSON file (see
 * {@code docs/experiments.md}). {@link #read(Path)} binds the file with Jackson and then checks every value,
 * reporting every problem at once in a {@link Violations}, as hyperparameters are: first what binding meets (unknown
 * fields, wrong JSON types), then the values. Whether the datasets can be read and the detectors' keys and
 * hyperparameters are valid is checked by {@link ExperimentPlan#of}.
 *
 * <p>A spec read from a file is normalized: every default is filled in, so {@link #toJson()} of two files that
 * differ only in stating a default are equal (this is what {@code spec.json} holds and what a resumed run is
 * compared with).
 *
 * @param name the experiment's name (shown in the report)
 * @param datasets data sources with labels as written: paths relative to the spec file's directory, or
 *     {@code builtin:NAME}
 * @param detectors the detectors, each a registry key with hyperparameters and a unique name
 * @param seeds the seeds; each seeds the split, the noise and the fit of a cell
 * @param protocol the split, noise and preprocessing
 * @param metrics the metrics the report shows, from {@link #KNOWN_METRICS}
 * @param threads cells run at the same time, or null for the number of cores (a command-line option overrides it;
 *     it does not change any result)
 * @param exportSplits whether to write each dataset × seed's preprocessed training and test parts as CSV under
 *     {@code DIR/splits/}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentSpec(String name, List<String> datasets, List<DetectorSpec> detectors, List<Long> seeds,
        ProtocolSpec protocol, List<String> metrics, Integer threads, boolean exportSplits) {

    /** The metric names a spec may ask for (as in {@link CellRecord#metrics()}). */
    public static final List<String> KNOWN_METRICS =
            List.of("roc_auc", "average_precision", "precision_at_n", "best_f1", "f1_at_contamination");
    /** The metrics of a spec that names none. */
    public static final List<String> DEFAULT_METRICS = List.of("roc_auc", "average_precision");
    /** The number of seeds of a spec that names none. */
    public static final int DEFAULT_SEEDS = 3;

    /** Copies the lists. */
    public ExperimentSpec {
        datasets = List.copyOf(datasets);
        detectors = List.copyOf(detectors);
        seeds = List.copyOf(seeds);
        metrics = List.copyOf(metrics);
    }

    /**
     * One detector of an experiment.
     *
     * @param key the registry key (see {@code sgm models})
     * @param name the name its cells and results carry (unique in the spec; the key by default)
     * @param hyperparameters JSON laid over the detector's defaults (an empty object for none)
     */
    public record DetectorSpec(String key, String name, JsonNode hyperparameters) {
        /** A spec may name a detector by its key alone (binding reads it so; the check fills in the rest). */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        private static DetectorSpec of(String key) {
            return new DetectorSpec(key, null, null);
        }
    }

    /**
     * The protocol of an experiment, mapping one to one onto {@link EvaluationProtocol}.
     *
     * @param kind {@code stratified}, {@code paper}, {@code adbench}, {@code pyod} or {@code clean}
     * @param testFraction the test part of the stratified protocol; null for the others (they fix their split)
     * @param noise the swap-noise rate of the training part, in [0, 1)
     * @param trainAnomalyRate the training part's anomaly rate after subsampling, or null to keep it
     * @param labelColumn the label column (1 = anomaly)
     * @param anomalyValues the label values that mark an anomaly, for labels other than 0/1; null for 0/1
     * @param ignoreColumns columns left out as each dataset is read; null for none
     * @param delimiter the CSV field separator, as {@code --delimiter} takes it
     * @param preprocessing the scaling and imputation fitted on each training part
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProtocolSpec(String kind, Double testFraction, double noise, Double trainAnomalyRate,
            String labelColumn, List<String> anomalyValues, List<String> ignoreColumns, String delimiter,
            PreprocessingSpec preprocessing) {

        /** Copies the lists. */
        public ProtocolSpec {
            anomalyValues = anomalyValues == null ? null : List.copyOf(anomalyValues);
            ignoreColumns = ignoreColumns == null ? null : List.copyOf(ignoreColumns);
        }

        /**
         * @param seeds the number of seeds
         * @return the protocol these settings describe
         */
        public EvaluationProtocol toProtocol(int seeds) {
            EvaluationProtocol.Kind k = EvaluationProtocol.Kind.parse(kind);
            PreprocessingOptions pre = preprocessing.toOptions();
            EvaluationProtocol p = EvaluationProtocol.of(k, seeds)
                    .withRead(new ReadOptions(ReadOptions.parseDelimiter(delimiter), labelColumn,
                            pre.imputation() != Imputation.NONE, anomalyValues == null ? LabelValues.standard()
                            : LabelValues.anomalies(anomalyValues), ignoreColumns == null ? List.of() : ignoreColumns))
                    .withPreprocessing(pre)
                    .withNoise(noise)
                    .withTrainAnomalyRate(trainAnomalyRate == null ? Double.NaN : trainAnomalyRate);
            return testFraction == null ? p : p.withTestFraction(testFraction);
        }

        /**
         * @param p a protocol
         * @return its settings (the test fraction only for the stratified protocol)
         */
        public static ProtocolSpec of(EvaluationProtocol p) {
            char d = p.read().delimiter();
            return new ProtocolSpec(p.kind().key(), p.kind() == EvaluationProtocol.Kind.STRATIFIED ? p.testFraction()
                    : null, p.noiseRate(), Double.isNaN(p.trainAnomalyRate()) ? null : p.trainAnomalyRate(),
                    p.labelColumn(), p.read().labels().anomalyValues().isEmpty() ? null
                    : p.read().labels().anomalyValues(), p.read().ignoreColumns().isEmpty() ? null
                    : p.read().ignoreColumns(), d == '\t' ? "tab" : String.valueOf(d),
                    new PreprocessingSpec(p.preprocessing().scaling().key(), p.preprocessing().imputation().key()));
        }
    }

    /**
     * @param scaling {@code zscore}, {@code minmax}, {@code robust} or {@code none}
     * @param impute {@code none}, {@code mean} or {@code median}
     */
    public record PreprocessingSpec(String scaling, String impute) {
        /** @return the options these names describe */
        public PreprocessingOptions toOptions() {
            return new PreprocessingOptions(Scaling.parse(scaling), Imputation.parse(impute));
        }
    }

    /** @return the seeds as a count for {@link EvaluationProtocol} (the protocol itself uses only the seed given) */
    public EvaluationProtocol evaluationProtocol() {
        return protocol.toProtocol(seeds.size());
    }

    /**
     * @return the ids of the cells this spec plans, in {@link ExperimentPlan#cells()} order (computed from the
     *     names alone, without reading any data)
     */
    public List<String> cellIds() {
        List<String> out = new ArrayList<>();
        for (String d : datasets) {
            for (long seed : seeds) {
                for (DetectorSpec m : detectors) {
                    out.add(CellRecord.idOf(Table.datasetName(d), m.name(), seed));
                }
            }
        }
        return out;
    }

    /** @return the normalized spec as JSON (what {@code spec.json} holds) */
    public ObjectNode toJson() {
        return JsonBinder.MAPPER.valueToTree(this);
    }

    /**
     * Reads and checks a spec file.
     *
     * @param file a JSON file
     * @return the normalized spec
     * @throws InvalidExperimentException naming the file and listing every problem
     * @throws ExperimentException naming the file if it cannot be read or is not JSON
     */
    public static ExperimentSpec read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new ExperimentException(file + ": experiment spec not found");
        } catch (CharacterCodingException e) {
            throw new ExperimentException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ExperimentException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode node;
        try {
            node = JsonBinder.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ExperimentException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        return fromJson(node, file.toString());
    }

    /**
     * Binds and checks a spec given as JSON.
     *
     * @param node the spec
     * @param source where it came from, for messages
     * @return the normalized spec
     * @throws InvalidExperimentException naming {@code source} and listing every problem
     */
    public static ExperimentSpec fromJson(JsonNode node, String source) {
        if (node == null || !node.isObject()) {
            throw new InvalidExperimentException(source, List.of("an experiment spec must be a JSON object (got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)) + ")"));
        }
        JsonBinder b = new JsonBinder();
        Written written = b.bind(node, Written.class);
        ExperimentSpec spec = written == null ? null : written.check(b);
        if (!b.violations.list().isEmpty()) {
            throw new InvalidExperimentException(source, b.violations.list());
        }
        return spec;
    }

    /** A spec as written: null where the file leaves a field out; {@link #check} fills in the defaults. */
    private record Written(String name, List<String> datasets, List<DetectorSpec> detectors,
            JsonNode seeds, // a count or a list: read by the check
            WrittenProtocol protocol, List<String> metrics, Integer threads, Boolean exportSplits) {

        ExperimentSpec check(JsonBinder b) {
            Violations v = b.violations;
            if (name == null) {
                b.addUnlessReported("name", "name is missing (give the experiment a name)");
            }
            v.require(name == null || !name.isBlank(), "name", "must not be empty", json(name));
            List<String> sources = datasets(b);
            List<DetectorSpec> models = detectors(b);
            List<Long> seedList = seeds(v);
            ProtocolSpec p = (protocol == null ? WrittenProtocol.LEFT_OUT : protocol).check(b);
            List<String> shown = metrics(b);
            v.require(threads == null || threads >= 1, "threads", "must be an integer ≥ 1", threads);
            return new ExperimentSpec(name, sources, models, seedList, p, shown, threads,
                    Boolean.TRUE.equals(exportSplits));
        }

        private List<String> datasets(JsonBinder b) {
            List<String> out = new ArrayList<>();
            String shape = " list of data files or builtin:NAME";
            if (datasets == null || datasets.isEmpty()) {
                b.addUnlessReported("datasets", datasets == null ? "datasets is missing (a" + shape + ")"
                        : "datasets must be a non-empty" + shape + " (got [])");
                return out;
            }
            Map<String, String> byName = new HashMap<>();
            for (int i = 0; i < datasets.size(); i++) {
                String at = "datasets[" + i + "]";
                String source = datasets.get(i);
                if (source == null || source.isBlank()) {
                    b.addUnlessReported(at, at + " must be a file path or builtin:NAME (got " + json(source) + ")");
                    continue;
                }
                String name = Table.datasetName(source);
                if (CellRecord.unusableName(name) != null) {
                    b.violations.add(at + " '" + source + "': its name '" + name + "' "
                            + CellRecord.unusableName(name) + " (rename the file)");
                }
                String before = byName.putIfAbsent(CellRecord.idOf(name, "", 0), source);
                if (before != null) {
                    b.violations.add(at + " '" + source + "' has the same name as '" + before + "' ('" + name
                            + "'); cells are named after their dataset, so names must be unique (rename a file)");
                }
                out.add(source);
            }
            return out;
        }

        private List<DetectorSpec> detectors(JsonBinder b) {
            List<DetectorSpec> out = new ArrayList<>();
            String shape = " list of {\"key\": ..., \"hyperparameters\": {...}}";
            if (detectors == null || detectors.isEmpty()) {
                b.addUnlessReported("detectors", detectors == null ? "detectors is missing (a" + shape + ")"
                        : "detectors must be a non-empty" + shape + " (got [])");
                return out;
            }
            Map<String, String> byName = new HashMap<>();
            for (int i = 0; i < detectors.size(); i++) {
                String at = "detectors[" + i + "]";
                DetectorSpec d = detectors.get(i);
                if (d == null) {
                    b.addUnlessReported(at, at + " must be a JSON object with a key (got null)");
                    continue;
                }
                if (d.key() == null) {
                    b.addUnlessReported(at + ".key", at + ".key is missing (a registry key, see sgm models)");
                }
                String name = d.name() != null || b.reported(at + ".name") ? d.name() : d.key();
                JsonNode hp = d.hyperparameters() == null || d.hyperparameters().isNull()
                        ? JsonNodeFactory.instance.objectNode() : d.hyperparameters();
                b.violations.require(hp.isObject(), at + ".hyperparameters", "must be a JSON object", hp);
                if (name != null && name.isBlank()) {
                    b.violations.add(at + ".name must not be empty");
                } else if (name != null && CellRecord.unusableName(name) != null) {
                    b.violations.add(at + ".name '" + name + "' " + CellRecord.unusableName(name));
                }
                String before = name == null ? null : byName.putIfAbsent(CellRecord.idOf("", name, 0), name);
                if (before != null) {
                    b.violations.add(at + ".name '" + name + "' is taken by another detector" + (before.equals(name)
                            ? "" : " ('" + before + "' names the same cells)") + "; give each a unique \"name\"");
                }
                out.add(new DetectorSpec(d.key(), name, hp));
            }
            return out;
        }

        private List<Long> seeds(Violations v) {
            if (seeds == null || seeds.isNull()) {
                return LongStream.range(0, DEFAULT_SEEDS).boxed().toList();
            } else if (seeds.isIntegralNumber()) {
                boolean ok = seeds.canConvertToInt() && seeds.intValue() >= 1 && seeds.intValue() <= 100_000;
                v.require(ok, "seeds", "must be a count in [1, 100000] or a list of seeds", seeds);
                return ok ? LongStream.range(0, seeds.intValue()).boxed().toList() : List.of();
            } else if (!seeds.isArray() || seeds.isEmpty()) {
                v.add("seeds must be a count (seeds 0..n-1) or a non-empty list of integers (got " + seeds + ")");
                return List.of();
            }
            Set<Long> out = new LinkedHashSet<>();
            for (int i = 0; i < seeds.size(); i++) {
                JsonNode s = seeds.get(i);
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    v.add("seeds[" + i + "] must be an integer (got " + s + ")");
                } else if (!out.add(s.longValue())) {
                    v.add("seeds[" + i + "] repeats the seed " + s.longValue());
                }
            }
            return List.copyOf(out);
        }

        private List<String> metrics(JsonBinder b) {
            if (metrics == null) {
                return DEFAULT_METRICS;
            }
            String known = String.join(", ", KNOWN_METRICS);
            b.violations.require(!metrics.isEmpty(), "metrics", "must be a non-empty list of names from " + known,
                    "[]");
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < metrics.size(); i++) {
                String m = metrics.get(i);
                if (m == null || !KNOWN_METRICS.contains(m)) {
                    b.addUnlessReported("metrics[" + i + "]", "metrics[" + i + "]: unknown metric " + json(m)
                            + "; known: " + known);
                } else if (!out.add(m)) {
                    b.violations.add("metrics[" + i + "] repeats " + json(m));
                }
            }
            return List.copyOf(out);
        }
    }

    /** A protocol as written: null where the file leaves a field out. */
    private record WrittenProtocol(String kind, Double testFraction, Double noise, Double trainAnomalyRate,
            String labelColumn, List<String> anomalyValues, List<String> ignoreColumns, String delimiter,
            PreprocessingSpec preprocessing) {
        static final WrittenProtocol LEFT_OUT =
                new WrittenProtocol(null, null, null, null, null, null, null, null, null);

        ProtocolSpec check(JsonBinder b) {
            Violations v = b.violations;
            List<EvaluationProtocol.Kind> kinds = List.of(EvaluationProtocol.Kind.values());
            EvaluationProtocol.Kind k = kind == null ? EvaluationProtocol.Kind.STRATIFIED
                    : kinds.stream().filter(x -> x.key().equals(kind)).findFirst().orElse(null);
            if (k == null) {
                v.add("protocol.kind: unknown protocol '" + kind + "'; known: "
                        + kinds.stream().map(EvaluationProtocol.Kind::key).collect(Collectors.joining(", ")));
            }
            if (testFraction != null && k != null && k != EvaluationProtocol.Kind.STRATIFIED) {
                v.add("protocol.testFraction applies to the stratified protocol only; the " + k.key()
                        + " protocol fixes its split");
            } else {
                v.require(testFraction == null || testFraction > 0 && testFraction < 1, "protocol.testFraction",
                        "must be in (0, 1)", testFraction);
            }
            v.require(noise == null || noise >= 0 && noise < 1, "protocol.noise", "must be in [0, 1)", noise);
            v.require(trainAnomalyRate == null || trainAnomalyRate >= 0 && trainAnomalyRate < 1,
                    "protocol.trainAnomalyRate", "must be in [0, 1)", trainAnomalyRate);
            if (trainAnomalyRate != null && k == EvaluationProtocol.Kind.CLEAN) {
                v.add("protocol.trainAnomalyRate does not apply to the clean protocol (it trains on normals only)");
            }
            String label = labelColumn == null ? "label" : labelColumn;
            v.require(!label.isBlank(), "protocol.labelColumn", "must not be empty", json(label));
            List<String> anomalies = names(anomalyValues, "protocol.anomalyValues", b);
            List<String> ignored = names(ignoreColumns, "protocol.ignoreColumns", b);
            String sep = delimiter == null ? "," : delimiter;
            PreprocessingSpec pre = preprocessing == null ? new PreprocessingSpec(null, null) : preprocessing;
            String scaling = pre.scaling() == null ? Scaling.ZSCORE.key() : pre.scaling();
            String impute = pre.impute() == null ? Imputation.NONE.key() : pre.impute();
            if (anomalies != null) {
                parse(v, "protocol.anomalyValues", () -> LabelValues.anomalies(anomalies));
            }
            if (ignored != null) {
                parse(v, "protocol.ignoreColumns", () -> new ReadOptions(',', label, false).withIgnoreColumns(ignored));
            }
            parse(v, "protocol.delimiter", () -> new ReadOptions(ReadOptions.parseDelimiter(sep), "label", false));
            parse(v, "protocol.preprocessing.scaling", () -> Scaling.parse(scaling));
            parse(v, "protocol.preprocessing.impute", () -> Imputation.parse(impute));
            k = k == null ? EvaluationProtocol.Kind.STRATIFIED : k;
            Double fraction = k != EvaluationProtocol.Kind.STRATIFIED ? null
                    : testFraction != null ? testFraction : EvaluationProtocol.of(k, 1).testFraction();
            return new ProtocolSpec(k.key(), fraction, noise == null ? k.defaultNoise() : noise, trainAnomalyRate,
                    label, anomalies, ignored, sep, new PreprocessingSpec(scaling, impute));
        }

        /** @return the list if it is a non-empty list of non-empty strings; else null (and the problems reported) */
        private static List<String> names(List<String> list, String path, JsonBinder b) {
            if (list == null) {
                return null;
            }
            b.violations.require(!list.isEmpty(), path, "must be a non-empty list of strings", "[]");
            boolean ok = !list.isEmpty();
            for (int i = 0; i < list.size(); i++) {
                String s = list.get(i);
                if (s == null || s.isBlank()) {
                    ok = false;
                    b.addUnlessReported(path + "[" + i + "]", path + "[" + i + "] must be a non-empty string (got "
                            + json(s) + ")");
                }
            }
            return ok ? list : null;
        }

        private static void parse(Violations v, String path, Runnable parse) {
            try {
                parse.run();
            } catch (SgmException e) {
                v.add(path + ": " + e.getMessage());
            }
        }
    }

    private static String json(String s) {
        return s == null ? "null" : TextNode.valueOf(s).toString();
    }
}
