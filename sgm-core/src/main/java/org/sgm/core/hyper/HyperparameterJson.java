package org.sgm.core.hyper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sgm.core.SgmException;

/**
 * Reads and writes hyperparameter records as JSON.
 *
 * <p>Reading is lenient about what is missing and strict about what is wrong: the given JSON is laid over the
 * record's defaults (so {@code {"training": {"epochs": 20}}} changes one value), and every unknown field, wrong
 * type and violated constraint is reported together in one {@link InvalidHyperparametersException}.
 */
public final class HyperparameterJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private HyperparameterJson() {}

    /** @return the shared, configured mapper (thread-safe) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The block of a score-guided model's JSON that holds the backbone's own settings. */
    public static final String BACKBONE = "backbone";
    /** The blocks every score-guided model shares. */
    private static final List<String> SHARED = List.of("training", "guidance");

    /**
     * The JSON of a hyperparameter record. Every score-guided model ({@link ScoreGuidedHyperparameters}) has one
     * shape, {@code {"backbone": {...}, "training": {...}, "guidance": {...}}}; other detectors' records are flat.
     *
     * @param hyperparameters a hyperparameter record
     * @return its JSON tree
     */
    public static ObjectNode toTree(Record hyperparameters) {
        ObjectNode flat = MAPPER.valueToTree(hyperparameters);
        if (!(hyperparameters instanceof ScoreGuidedHyperparameters<?>)) {
            return flat;
        }
        ObjectNode out = MAPPER.createObjectNode();
        ObjectNode backbone = out.putObject(BACKBONE);
        flat.fields().forEachRemaining(e -> {
            if (!SHARED.contains(e.getKey())) {
                backbone.set(e.getKey(), e.getValue());
            }
        });
        SHARED.forEach(name -> out.set(name, flat.get(name)));
        return out;
    }

    /**
     * @param hyperparameters a hyperparameter record
     * @return its JSON text ({@link #toTree}'s shape)
     */
    public static String toJson(Record hyperparameters) {
        try {
            return MAPPER.writeValueAsString(toTree(hyperparameters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write hyperparameters as JSON", e);
        }
    }

    /**
     * Lays {@code overrides} over {@code defaults} and binds the result.
     *
     * @param <H> the record type
     * @param type the record class
     * @param defaults the values of every field not given in {@code overrides}
     * @param overrides the user's JSON object (may be null or empty)
     * @return the validated record
     * @throws InvalidHyperparametersException listing every unknown field, wrong type and violated constraint
     */
    public static <H extends Record> H read(Class<H> type, H defaults, JsonNode overrides) {
        Violations v = new Violations();
        ObjectNode merged = MAPPER.valueToTree(defaults);
        if (overrides != null && !overrides.isNull()) {
            if (!overrides.isObject()) {
                throw new InvalidHyperparametersException(
                        List.of("hyperparameters must be a JSON object (got " + overrides.getNodeType() + ")"));
            }
            ObjectNode given = (ObjectNode) overrides;
            if (defaults instanceof ScoreGuidedHyperparameters<?> && given.has(BACKBONE)) {
                given = given.deepCopy();
                JsonNode backbone = given.remove(BACKBONE);
                if (!backbone.isObject()) {
                    v.add(BACKBONE + " must be a JSON object of the backbone's settings (got " + backbone + ")");
                } else {
                    // the backbone's block binds to the record's own fields; the flat form of older files and
                    // specs is still read, but not both at once
                    ObjectNode view = merged.deepCopy();
                    SHARED.forEach(view::remove);
                    for (Iterator<String> it = backbone.fieldNames(); it.hasNext(); ) {
                        String name = it.next();
                        if (given.has(name)) {
                            v.add(name + " is given twice, in " + BACKBONE + " and at the top level");
                        }
                    }
                    merge(view, (ObjectNode) backbone, BACKBONE + ".", v);
                    view.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
                }
            }
            merge(merged, given, "", v);
        }
        H value = null;
        try {
            value = MAPPER.treeToValue(merged, type);
        } catch (InvalidHyperparametersException e) {
            e.violations().forEach(v::add);
        } catch (JsonMappingException e) {
            Throwable root = e.getCause();
            if (root instanceof InvalidHyperparametersException ihe) {
                ihe.violations().forEach(v::add);
            } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                v.add(path(e) + " must be " + describe(mie.getTargetType()) + " (got "
                        + (mie instanceof InvalidFormatException ife ? quoted(ife.getValue()) : "another type") + ")");
            } else {
                v.add(path(e) + " " + e.getOriginalMessage());
            }
        } catch (JsonProcessingException e) {
            v.add(e.getOriginalMessage());
        }
        v.throwIfAny();
        return value;
    }

    /**
     * Parses JSON text and reads it as in {@link #read(Class, Record, JsonNode)}.
     *
     * @param <H> the record type
     * @param type the record class
     * @param defaults the defaults
     * @param json the JSON text
     * @param source where the text came from, for messages (e.g. the file name)
     * @return the validated record
     */
    public static <H extends Record> H read(Class<H> type, H defaults, String json, String source) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SgmException(source + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        return read(type, defaults, node);
    }

    /**
     * Parses JSON text that a program wrote (tests, examples); malformed text is a programming error.
     *
     * @param json JSON text
     * @return the tree
     */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode source, String prefix, Violations v) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode have = target.get(name);
            if (have == null) {
                String known = iterable(target.fieldNames()).stream().collect(Collectors.joining(", "));
                v.add(prefix + name + " is not a known parameter (known here: " + known + ")");
            } else if (have.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) have, (ObjectNode) e.getValue(), prefix + name + ".", v);
            } else {
                target.set(name, e.getValue());
            }
        }
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a JSON object (" + type.getSimpleName() + ")";
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
