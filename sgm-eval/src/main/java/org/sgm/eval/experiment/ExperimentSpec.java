package org.sgm.eval.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sgm.core.SgmException;
import org.sgm.data.Imputation;
import org.sgm.data.LabelValues;
import org.sgm.data.PreprocessingOptions;
import org.sgm.data.ReadOptions;
import org.sgm.data.Scaling;
import org.sgm.data.Table;
import org.sgm.eval.EvaluationProtocol;

/**
 * An experiment: datasets × detectors × seeds under one protocol, as written in a JSON file (see
 * {@code docs/experiments.md}). {@link #read(Path)} checks the structure and every value, reporting every problem
 * at once; whether the datasets can be read and the detectors' keys and hyperparameters are valid is checked by
 * {@link ExperimentPlan#of}.
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

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final List<String> TOP = List.of("name", "datasets", "detectors", "seeds", "protocol", "metrics",
            "threads", "exportSplits");
    private static final List<String> DETECTOR = List.of("key", "name", "hyperparameters");
    private static final List<String> PROTOCOL = List.of("kind", "testFraction", "noise", "trainAnomalyRate",
            "labelColumn", "anomalyValues", "ignoreColumns", "delimiter", "preprocessing");
    private static final List<String> PREPROCESSING = List.of("scaling", "impute");

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
    public record DetectorSpec(String key, String name, JsonNode hyperparameters) {}

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
        return MAPPER.valueToTree(this);
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
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ExperimentException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        return fromJson(node, file.toString());
    }

    /**
     * Checks a spec given as JSON.
     *
     * @param node the spec
     * @param source where it came from, for messages
     * @return the normalized spec
     * @throws InvalidExperimentException naming {@code source} and listing every problem
     */
    public static ExperimentSpec fromJson(JsonNode node, String source) {
        Checker c = new Checker();
        if (node == null || !node.isObject()) {
            throw new InvalidExperimentException(source, List.of("an experiment spec must be a JSON object (got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)) + ")"));
        }
        c.fields(node, "", TOP);
        String name = c.text(node, "name", "", null);
        if (name == null) {
            c.add("name is missing (give the experiment a name)");
        } else if (name.isBlank()) {
            c.add("name must not be empty");
        }
        List<String> datasets = datasets(node.get("datasets"), c);
        List<DetectorSpec> detectors = detectors(node.get("detectors"), c);
        List<Long> seeds = seeds(node.get("seeds"), c);
        ProtocolSpec protocol = protocol(node.get("protocol"), c);
        List<String> metrics = metrics(node.get("metrics"), c);
        Integer threads = null;
        JsonNode t = node.get("threads");
        if (t != null && !t.isNull()) {
            if (!t.isIntegralNumber() || !t.canConvertToInt() || t.intValue() < 1) {
                c.add("threads must be an integer ≥ 1 (got " + t + ")");
            } else {
                threads = t.intValue();
            }
        }
        boolean exportSplits = false;
        JsonNode e = node.get("exportSplits");
        if (e != null && !e.isNull()) {
            if (!e.isBoolean()) {
                c.add("exportSplits must be true or false (got " + e + ")");
            } else {
                exportSplits = e.booleanValue();
            }
        }
        if (!c.violations.isEmpty()) {
            throw new InvalidExperimentException(source, c.violations);
        }
        return new ExperimentSpec(name, datasets, detectors, seeds, protocol, metrics, threads, exportSplits);
    }

    private static List<String> datasets(JsonNode node, Checker c) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            c.add("datasets is missing (a list of data files or builtin:NAME)");
            return out;
        }
        if (!node.isArray() || node.isEmpty()) {
            c.add("datasets must be a non-empty list of data files or builtin:NAME (got " + node + ")");
            return out;
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode d = node.get(i);
            if (!d.isTextual() || d.textValue().isBlank()) {
                c.add("datasets[" + i + "] must be a file path or builtin:NAME (got " + d + ")");
                continue;
            }
            String source = d.textValue();
            String unusable = CellRecord.unusableName(Table.datasetName(source));
            if (unusable != null) {
                c.add("datasets[" + i + "] '" + source + "': its name '" + Table.datasetName(source) + "' " + unusable
                        + " (rename the file)");
            }
            String id = CellRecord.idOf(Table.datasetName(source), "", 0);
            String before = byName.putIfAbsent(id, source);
            if (before != null) {
                c.add("datasets[" + i + "] '" + source + "' has the same name as '" + before + "' ('"
                        + Table.datasetName(source) + "'); cells are named after their dataset, so names must be"
                        + " unique (rename a file)");
            }
            out.add(source);
        }
        return out;
    }

    private static List<DetectorSpec> detectors(JsonNode node, Checker c) {
        List<DetectorSpec> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            c.add("detectors is missing (a list of {\"key\": ..., \"hyperparameters\": {...}})");
            return out;
        }
        if (!node.isArray() || node.isEmpty()) {
            c.add("detectors must be a non-empty list of {\"key\": ..., \"hyperparameters\": {...}} (got " + node
                    + ")");
            return out;
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "detectors[" + i + "].";
            JsonNode d = node.get(i);
            if (d.isTextual()) { // a bare key is a detector with its defaults
                d = JsonNodeFactory.instance.objectNode().put("key", d.textValue());
            }
            if (!d.isObject()) {
                c.add("detectors[" + i + "] must be a JSON object with a key (got " + d + ")");
                continue;
            }
            c.fields(d, path, DETECTOR);
            String key = c.text(d, "key", path, null);
            if (key == null) {
                c.add(path + "key is missing (a registry key, see sgm models)");
            }
            String name = c.text(d, "name", path, key);
            if (name != null && name.isBlank()) {
                c.add(path + "name must not be empty");
            }
            JsonNode hp = d.get("hyperparameters");
            if (hp == null || hp.isNull()) {
                hp = JsonNodeFactory.instance.objectNode();
            } else if (!hp.isObject()) {
                c.add(path + "hyperparameters must be a JSON object (got " + hp + ")");
            }
            if (name != null && !name.isBlank() && CellRecord.unusableName(name) != null) {
                c.add(path + "name '" + name + "' " + CellRecord.unusableName(name));
            }
            if (name != null) {
                String before = byName.putIfAbsent(CellRecord.idOf("", name, 0), name);
                if (before != null) {
                    c.add(path + "name '" + name + "' is taken by another detector" + (before.equals(name) ? ""
                            : " ('" + before + "' names the same cells)") + "; give each a unique \"name\"");
                }
            }
            out.add(new DetectorSpec(key, name, hp));
        }
        return out;
    }

    private static List<Long> seeds(JsonNode node, Checker c) {
        List<Long> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            for (long s = 0; s < DEFAULT_SEEDS; s++) {
                out.add(s);
            }
        } else if (node.isIntegralNumber()) {
            if (!node.canConvertToInt() || node.intValue() < 1 || node.intValue() > 100_000) {
                c.add("seeds must be a count in [1, 100000] or a list of seeds (got " + node + ")");
            } else {
                for (long s = 0; s < node.intValue(); s++) {
                    out.add(s);
                }
            }
        } else if (node.isArray() && !node.isEmpty()) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode s = node.get(i);
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    c.add("seeds[" + i + "] must be an integer (got " + s + ")");
                } else if (!seen.add(s.longValue())) {
                    c.add("seeds[" + i + "] repeats the seed " + s.longValue());
                } else {
                    out.add(s.longValue());
                }
            }
        } else {
            c.add("seeds must be a count (seeds 0..n-1) or a non-empty list of integers (got " + node + ")");
        }
        return out;
    }

    private static ProtocolSpec protocol(JsonNode node, Checker c) {
        if (node == null || node.isNull()) {
            node = JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            c.add("protocol must be a JSON object (got " + node + ")");
            node = JsonNodeFactory.instance.objectNode();
        }
        c.fields(node, "protocol.", PROTOCOL);
        String kindName = c.text(node, "kind", "protocol.", "stratified");
        EvaluationProtocol.Kind kind = EvaluationProtocol.Kind.STRATIFIED;
        boolean kindOk = true;
        if (kindName != null) {
            kind = Arrays.stream(EvaluationProtocol.Kind.values()).filter(k -> k.key().equals(kindName)).findFirst()
                    .orElse(null);
            if (kind == null) {
                kindOk = false;
                kind = EvaluationProtocol.Kind.STRATIFIED;
                c.add("protocol.kind: unknown protocol '" + kindName + "'; known: " + String.join(", ",
                        Arrays.stream(EvaluationProtocol.Kind.values()).map(EvaluationProtocol.Kind::key).toList()));
            }
        }
        EvaluationProtocol defaults = EvaluationProtocol.of(kind, 1);
        Double testFraction = c.number(node, "testFraction", "protocol.");
        if (testFraction != null && kindOk && kind != EvaluationProtocol.Kind.STRATIFIED) {
            c.add("protocol.testFraction applies to the stratified protocol only; the " + kind.key()
                    + " protocol fixes its split");
        } else if (testFraction != null && !(testFraction > 0 && testFraction < 1)) {
            c.add("protocol.testFraction must be in (0, 1) (got " + testFraction + ")");
        }
        if (kind == EvaluationProtocol.Kind.STRATIFIED && testFraction == null) {
            testFraction = defaults.testFraction();
        } else if (kind != EvaluationProtocol.Kind.STRATIFIED) {
            testFraction = null;
        }
        Double noise = c.number(node, "noise", "protocol.");
        if (noise != null && !(noise >= 0 && noise < 1)) {
            c.add("protocol.noise must be in [0, 1) (got " + noise + ")");
        }
        Double rate = c.number(node, "trainAnomalyRate", "protocol.");
        if (rate != null && !(rate >= 0 && rate < 1)) {
            c.add("protocol.trainAnomalyRate must be in [0, 1) (got " + rate + ")");
        }
        if (rate != null && kind == EvaluationProtocol.Kind.CLEAN) {
            c.add("protocol.trainAnomalyRate does not apply to the clean protocol (it trains on normals only)");
        }
        String label = c.text(node, "labelColumn", "protocol.", "label");
        if (label != null && label.isBlank()) {
            c.add("protocol.labelColumn must not be empty");
        }
        List<String> anomalyValues = names(node.get("anomalyValues"), "protocol.anomalyValues", c);
        if (anomalyValues != null) {
            c.check(() -> LabelValues.anomalies(anomalyValues), "protocol.anomalyValues: ");
        }
        List<String> ignoreColumns = names(node.get("ignoreColumns"), "protocol.ignoreColumns", c);
        if (ignoreColumns != null) {
            c.check(() -> new ReadOptions(',', label, false).withIgnoreColumns(ignoreColumns),
                    "protocol.ignoreColumns: ");
        }
        String delimiter = c.text(node, "delimiter", "protocol.", ",");
        if (delimiter != null) {
            c.check(() -> new ReadOptions(ReadOptions.parseDelimiter(delimiter), "label", false),
                    "protocol.delimiter: ");
        }
        JsonNode pre = node.get("preprocessing");
        if (pre == null || pre.isNull()) {
            pre = JsonNodeFactory.instance.objectNode();
        } else if (!pre.isObject()) {
            c.add("protocol.preprocessing must be a JSON object (got " + pre + ")");
            pre = JsonNodeFactory.instance.objectNode();
        }
        c.fields(pre, "protocol.preprocessing.", PREPROCESSING);
        String scaling = c.text(pre, "scaling", "protocol.preprocessing.", Scaling.ZSCORE.key());
        String impute = c.text(pre, "impute", "protocol.preprocessing.", Imputation.NONE.key());
        if (scaling != null) {
            c.check(() -> Scaling.parse(scaling), "protocol.preprocessing.scaling: ");
        }
        if (impute != null) {
            c.check(() -> Imputation.parse(impute), "protocol.preprocessing.impute: ");
        }
        return new ProtocolSpec(kind.key(), testFraction, noise == null ? kind.defaultNoise() : noise, rate, label,
                anomalyValues, ignoreColumns, delimiter, new PreprocessingSpec(scaling, impute));
    }

    /** A non-empty list of non-empty strings, or null if the field is absent. */
    private static List<String> names(JsonNode node, String path, Checker c) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            c.add(path + " must be a non-empty list of strings (got " + node + ")");
            return null;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isTextual() || v.textValue().isBlank()) {
                c.add(path + "[" + i + "] must be a non-empty string (got " + v + ")");
                return null;
            }
            out.add(v.textValue());
        }
        return out;
    }

    private static List<String> metrics(JsonNode node, Checker c) {
        if (node == null || node.isNull()) {
            return DEFAULT_METRICS;
        }
        List<String> out = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            c.add("metrics must be a non-empty list of names from " + String.join(", ", KNOWN_METRICS) + " (got "
                    + node + ")");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode m = node.get(i);
            if (!m.isTextual() || !KNOWN_METRICS.contains(m.textValue())) {
                c.add("metrics[" + i + "]: unknown metric " + m + "; known: " + String.join(", ", KNOWN_METRICS));
            } else if (out.contains(m.textValue())) {
                c.add("metrics[" + i + "] repeats " + m);
            } else {
                out.add(m.textValue());
            }
        }
        return out;
    }

    /** Collects the problems of one spec. */
    private static final class Checker {
        final List<String> violations = new ArrayList<>();

        void add(String message) {
            violations.add(message);
        }

        void fields(JsonNode obj, String path, List<String> known) {
            for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    add(path + f + " is not a known field (known here: " + String.join(", ", known) + ")");
                }
            }
        }

        /** @return the text of a field, {@code fallback} if absent, or null (recorded) if it is not text */
        String text(JsonNode obj, String field, String path, String fallback) {
            JsonNode v = obj.get(field);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isTextual()) {
                add(path + field + " must be a string (got " + v + ")");
                return null;
            }
            return v.textValue();
        }

        /** @return the number in a field, or null if absent or not a number (recorded) */
        Double number(JsonNode obj, String field, String path) {
            JsonNode v = obj.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                add(path + field + " must be a number (got " + v + ")");
                return null;
            }
            return v.doubleValue();
        }

        void check(Runnable parse, String prefix) {
            try {
                parse.run();
            } catch (SgmException e) {
                add(prefix + e.getMessage());
            }
        }
    }
}
