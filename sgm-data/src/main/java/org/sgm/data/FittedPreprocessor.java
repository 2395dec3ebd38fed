package org.sgm.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.data.SchemaMismatchException;
import org.sgm.core.hyper.HyperparameterJson;

/**
 * Preprocessing fitted by {@link Preprocessor#fit}: turns a {@link Table} with the training columns (matched by
 * name, in any order) into a {@link FeatureMatrix}. Immutable; saved with a model as JSON ({@link #toJson()}).
 */
public final class FittedPreprocessor {
    /** The value of the JSON {@code "type"} field this class writes (it also reads {@value #TYPE_V1}). */
    public static final String TYPE = "tabular-v2";
    /** The type written before scalings and imputation existed: numeric columns hold a z-score's mean and std. */
    public static final String TYPE_V1 = "tabular-v1";

    private final List<ColumnEncoder> encoders;
    private final List<String> inputColumns;
    private final List<String> featureNames;

    FittedPreprocessor(List<ColumnEncoder> encoders) {
        this.encoders = List.copyOf(encoders);
        this.inputColumns = encoders.stream().map(ColumnEncoder::column).toList();
        this.featureNames = encoders.stream().flatMap(e -> e.featureNames().stream()).toList();
    }

    /** @return the names of the columns a table must have, in training order */
    public List<String> inputColumns() {
        return inputColumns;
    }

    /**
     * @param column one of {@link #inputColumns()}
     * @return whether the column was numeric in training (scaled), not text (one-hot encoded)
     * @throws IllegalArgumentException if it is not an input column
     */
    public boolean isNumericInput(String column) {
        return encoders.stream().filter(e -> e.column().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an input column: " + column))
                instanceof NumericScaler;
    }

    /** @return whether missing values are filled (the preprocessing was fitted with an imputation) */
    public boolean imputes() {
        return encoders.stream().anyMatch(e -> e instanceof NumericScaler n ? !Double.isNaN(n.fill())
                : ((OneHot) e).fill() != null);
    }

    /** @return for each output feature, in order, the input column it comes from */
    public List<String> featureColumns() {
        return encoders.stream().flatMap(e -> Collections.nCopies(e.featureNames().size(), e.column())
                .stream()).toList();
    }

    /** @return the names of the output features, in order */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * Applies the preprocessing. Columns are matched by name, so their order does not matter; a category not seen
     * in training becomes all zeros for its column, with one warning per column; a missing value is filled as
     * fitted, or is an error naming its row and column.
     *
     * @param table data with exactly the training columns
     * @return the features, one row per table row, columns named as in {@link #featureNames()}
     * @throws SchemaMismatchException naming the file and the columns if a column is missing or extra, if a column
     *     that was numeric in training has text, or if a value is too far from the training data to scale
     * @throws InvalidDataException naming the row and column if a value is missing and there is no imputation
     */
    public FeatureMatrix transform(Table table) {
        UnseenCategories unseen = new UnseenCategories();
        float[] out = encode(table, unseen);
        unseen.warn(table.source());
        return FeatureMatrix.wrap(out, table.rows(), featureNames);
    }

    /**
     * Applies the preprocessing to a table or to one batch of a streamed file.
     *
     * @param table the rows
     * @param unseen receives text values not seen in training
     * @return the features, row-major, {@link #featureNames()} per row
     */
    float[] encode(Table table, UnseenCategories unseen) {
        checkColumns(table.source(), table.columns());
        int width = featureNames.size();
        float[] out = new float[Math.multiplyExact(table.rows(), width)];
        int offset = 0;
        for (ColumnEncoder encoder : encoders) {
            encoder.encode(table, out, width, offset, unseen);
            offset += encoder.featureNames().size();
        }
        return out;
    }

    /**
     * Checks a streamed file's columns before any row is transformed: the same columns as in training, and text in
     * no column that was numeric (the first such value is named; a batch alone cannot tell which is first).
     *
     * @param scan what the first pass over the file found
     */
    void check(CsvReader.Scan scan) {
        checkColumns(scan.source(), scan.featureColumns());
        for (ColumnEncoder encoder : encoders) {
            if (encoder instanceof NumericScaler numeric && !scan.isNumeric(encoder.column())) {
                int row = scan.firstTextRow(encoder.column());
                throw numeric.textInNumeric(scan.source(), row + 1, scan.firstText(encoder.column()));
            }
        }
    }

    /**
     * Checks that data has exactly the training columns (in any order), as {@link #transform} does first.
     *
     * @param source where the data comes from, for messages
     * @param columns the data's feature columns (without the label column)
     * @throws SchemaMismatchException naming the source and the columns if a column is missing or extra
     */
    public void checkColumns(String source, List<String> columns) {
        List<String> missing = inputColumns.stream().filter(c -> !columns.contains(c)).toList();
        List<String> extra = columns.stream().filter(c -> !inputColumns.contains(c)).toList();
        String fitted = " (the model was fitted on: " + Messages.names(inputColumns) + ")";
        if (!missing.isEmpty()) {
            throw new SchemaMismatchException(source + ": " + Messages.columns(missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing" + fitted);
        }
        if (!extra.isEmpty()) {
            throw new SchemaMismatchException(source + ": " + Messages.columns(extra)
                    + (extra.size() == 1 ? " was" : " were") + " not in the training data" + fitted);
        }
    }

    /**
     * @return the fitted parameters as plain JSON: {@code {"type": "tabular-v2", "columns": [...]}}, one entry per
     *     input column with its name and kind, and either its scaling, center and scale (numeric) or its
     *     categories (text), plus its {@code fill} value where missing values are imputed
     */
    public JsonNode toJson() {
        ObjectNode json = HyperparameterJson.mapper().createObjectNode().put("type", TYPE);
        ArrayNode columns = json.putArray("columns");
        encoders.forEach(e -> columns.add(e.toJson()));
        return json;
    }

    /**
     * @param json JSON written by {@link #toJson()}
     * @return the preprocessing it describes
     * @throws SgmException if the JSON is not of type {@value #TYPE} or {@value #TYPE_V1}, or not well-formed
     */
    public static FittedPreprocessor fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new SgmException("preprocessing: expected a JSON object");
        }
        String type = json.path("type").asText("(none)");
        if (!TYPE.equals(type) && !TYPE_V1.equals(type)) {
            throw new SgmException("preprocessing: type '" + type + "' is not supported (expected '" + TYPE
                    + "'; a newer SGM may have written it)");
        }
        boolean v1 = TYPE_V1.equals(type);
        JsonNode columns = json.path("columns");
        if (!columns.isArray() || columns.isEmpty()) {
            throw new SgmException("preprocessing: expected a non-empty array 'columns'");
        }
        List<ColumnEncoder> encoders = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode column : columns) {
            ColumnEncoder encoder = readColumn(column, encoders.size() + 1, v1);
            if (!names.add(encoder.column())) {
                throw new SgmException("preprocessing: column '" + encoder.column() + "' appears twice");
            }
            encoders.add(encoder);
        }
        return new FittedPreprocessor(encoders);
    }

    private static ColumnEncoder readColumn(JsonNode node, int position, boolean v1) {
        String name = text(node, "name", "preprocessing: columns entry " + position);
        String where = "preprocessing: column '" + name + "'";
        String kind = text(node, "kind", where);
        return switch (kind) {
            case "numeric" -> v1 ? readZScoreV1(node, name, where) : readNumeric(node, name, where);
            case "text" -> readOneHot(node, name, where);
            default -> throw new SgmException(where + ": unknown kind '" + kind + "' (expected numeric or text)");
        };
    }

    private static NumericScaler readZScoreV1(JsonNode node, String name, String where) {
        double mean = number(node, "mean", where);
        double std = number(node, "std", where);
        if (!(std > 0)) {
            throw new SgmException(where + ": 'std' must be positive, got " + std);
        }
        return new NumericScaler(name, Scaling.ZSCORE, mean, std, Double.NaN);
    }

    private static NumericScaler readNumeric(JsonNode node, String name, String where) {
        Scaling scaling;
        try {
            scaling = Scaling.parse(text(node, "scaling", where));
        } catch (SgmException e) {
            throw new SgmException(where + ": " + e.getMessage(), e);
        }
        double center = number(node, "center", where);
        double scale = number(node, "scale", where);
        if (!(scale > 0)) {
            throw new SgmException(where + ": 'scale' must be positive, got " + scale);
        }
        double fill = node.has("fill") ? number(node, "fill", where) : Double.NaN;
        return new NumericScaler(name, scaling, center, scale, fill);
    }

    private static OneHot readOneHot(JsonNode node, String name, String where) {
        JsonNode categories = node.path("categories");
        if (!categories.isArray()) {
            throw new SgmException(where + ": expected an array 'categories'");
        }
        List<String> values = new ArrayList<>();
        categories.forEach(c -> values.add(text(c, where + ", 'categories'")));
        String fill = node.has("fill") ? text(node, "fill", where) : null;
        OneHot encoder = new OneHot(name, values, fill);
        if (!encoder.fillIsKnown()) {
            throw new SgmException(where + ": 'fill' " + Messages.value(fill) + " is not one of the categories");
        }
        return encoder;
    }

    private static String text(JsonNode node, String field, String where) {
        return text(node.path(field), where + ", '" + field + "'");
    }

    private static String text(JsonNode value, String where) {
        if (!value.isTextual()) {
            throw new SgmException(where + ": expected a string");
        }
        return value.asText();
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new SgmException(where + ": expected a finite number '" + field + "'");
        }
        return value.doubleValue();
    }
}
