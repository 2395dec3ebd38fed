package org.sgm.eval.experiment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sgm.core.hyper.Violations;

/**
 * Binds JSON onto records with Jackson and collects what is wrong in a {@link Violations}, each problem naming its
 * field ({@code protocol.noise}, {@code detectors[2].name}), instead of stopping at the first: an unknown field is
 * reported and skipped, a value of the wrong JSON type is reported and bound as null, and binding goes on. The
 * caller then checks the bound values into the same {@link #violations}, so that a file's problems are all reported
 * at once. Scalars bind only from their own JSON type: Jackson would otherwise read {@code "3"} as 3, 3 as
 * {@code "3"} and 1.5 as the integer 1.
 */
final class JsonBinder extends DeserializationProblemHandler {
    /** The mapper of experiment specs, for reading and (indented) writing. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // this handler reports each, binding goes on
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule()
                    .addDeserializer(String.class, exact(String.class,
                            p -> p.hasToken(JsonToken.VALUE_STRING) ? p.getText() : null))
                    .addDeserializer(Boolean.class, exact(Boolean.class,
                            p -> p.currentToken().isBoolean() ? p.getBooleanValue() : null))
                    .addDeserializer(Double.class, exact(Double.class,
                            p -> p.currentToken().isNumeric() ? p.getDoubleValue() : null))
                    .addDeserializer(Integer.class, exact(Integer.class, p -> p.hasToken(JsonToken.VALUE_NUMBER_INT)
                            && p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null)))
            .build();

    /** Every problem: binding's first, then the caller's. */
    final Violations violations = new Violations();
    private final Set<String> wrongType = new HashSet<>();

    /**
     * @param <T> a record type
     * @param node the JSON
     * @param type the record type
     * @return the bound record, with null where the JSON leaves a field out or gives it the wrong type; null if
     *     binding had to stop (Jackson gives up on an empty string for an object, say; that problem is reported)
     */
    <T> T bind(JsonNode node, Class<T> type) {
        try {
            return MAPPER.readerFor(type).withHandler(this).readValue(node);
        } catch (JsonMappingException e) {
            violations.add(e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "")
                    + (e instanceof MismatchedInputException m && m.getTargetType() != null ? " must be "
                    + describe(m.getTargetType()) + (e instanceof InvalidFormatException f ? " (got "
                    + MAPPER.valueToTree(f.getValue()) + ")" : "") : ": " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a tree is not read from anything that can fail
        }
    }

    /**
     * Records a problem of the null value at {@code path}, unless binding reported that value already (it binds a
     * value of the wrong type as null: the caller must not call it missing too).
     *
     * @param path the value's field, e.g. {@code datasets[1]}
     * @param message the problem
     */
    void addUnlessReported(String path, String message) {
        if (!wrongType.contains(path)) {
            violations.add(message);
        }
    }

    /** @return whether binding reported the value at {@code path} (now null) as of the wrong type */
    boolean reported(String path) {
        return wrongType.contains(path);
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String name) throws IOException {
        Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
        violations.add(path(p.getParsingContext()) + " is not a known field (known here: " + Arrays.stream(
                type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", ")) + ")");
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType type, JsonToken t, JsonParser p,
            String message) throws IOException {
        return wrongType(ctxt, p, type.getRawClass());
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> type, ValueInstantiator inst,
            JsonParser p, String message) throws IOException {
        return wrongType(ctxt, p, type);
    }

    private Object wrongType(DeserializationContext ctxt, JsonParser p, Class<?> type) throws IOException {
        String at = path(p.getParsingContext());
        wrongType.add(at);
        violations.add(at + " must be " + describe(type) + " (got " + ctxt.readTree(p) + ")"); // reads the value
        return null;
    }

    private static String describe(Class<?> type) {
        return type == String.class ? "a string" : type == Integer.class ? "an integer" : type == Double.class
                ? "a number" : type == Boolean.class ? "true or false" : List.class.isAssignableFrom(type) ? "a list"
                : "a JSON object";
    }

    /** @return the field the parser is at, as messages name it */
    private static String path(JsonStreamContext context) {
        StringBuilder out = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.hasCurrentIndex()) {
                out.insert(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                out.insert(0, "." + c.getCurrentName());
            }
        }
        return out.toString().replaceFirst("^\\.", "");
    }

    /** Reads a scalar, or gives null if the parser is not at one of its JSON type. */
    private interface Scalar<T> {
        T read(JsonParser p) throws IOException;
    }

    private static <T> JsonDeserializer<T> exact(Class<T> type, Scalar<T> scalar) {
        return new StdScalarDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                T value = scalar.read(p);
                return value != null ? value : type.cast(ctxt.handleUnexpectedToken(type, p));
            }
        };
    }
}
