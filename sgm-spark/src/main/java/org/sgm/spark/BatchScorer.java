package org.sgm.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.data.SchemaMismatchException;
import org.sgm.data.CsvValues;
import org.sgm.data.FittedPipeline;
import org.sgm.data.Table;

/**
 * Scores one batch of consecutive rows given as text fields, checking and parsing the values as {@code sgm score}'s
 * CSV reader does: a missing value ({@link CsvValues#isMissing}) is refused unless the model imputes, infinities
 * and numbers beyond the double range are refused, a column numeric in training must hold numbers; the label
 * column and the model's ignored columns are dropped unread. Travels to the executors inside the Spark functions; the model travels as a broadcast.
 */
final class BatchScorer implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The role of an input column: dropped unread (the label column, an ignored column), numeric or text. */
    enum Kind { DROPPED, NUMERIC, TEXT }

    private final String source;
    private final String modelName;
    private final Broadcast<byte[]> model;
    private final String[] header;
    private final Kind[] kinds;
    private final boolean allowMissing;

    /**
     * @param source the data's name, for messages
     * @param modelName the model file's name
     * @param model the model file's bytes
     * @param header the column names, in file order
     * @param kinds each column's role
     * @param allowMissing whether missing values are passed on to the model's imputation
     */
    BatchScorer(String source, String modelName, Broadcast<byte[]> model, String[] header, Kind[] kinds,
            boolean allowMissing) {
        this.source = source;
        this.modelName = modelName;
        this.model = model;
        this.header = header;
        this.kinds = kinds;
        this.allowMissing = allowMissing;
    }

    /** @return a freshly loaded model (once per partition) */
    FittedPipeline load() {
        return ModelCache.load(modelName, model.value());
    }

    /** @return the batch's {@code row,score} lines, without a final line break */
    String score(FittedPipeline pipeline, long firstRow, List<String[]> batch) {
        int n = batch.size();
        List<String> columns = new ArrayList<>();
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (int j = 0; j < header.length; j++) {
            String column = header[j];
            switch (kinds[j]) {
                case DROPPED -> {
                    // as sgm score: the label column's values are never read (good/bad labels included)
                }
                case NUMERIC -> {
                    double[] values = new double[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = number(batch.get(i)[j], firstRow + i, column);
                    }
                    columns.add(column);
                    numeric.put(column, values);
                }
                case TEXT -> {
                    String[] values = new String[n];
                    for (int i = 0; i < n; i++) {
                        String v = batch.get(i)[j];
                        values[i] = CsvValues.isMissing(v) ? missing(v, firstRow + i, column) : v;
                    }
                    columns.add(column);
                    text.put(column, values);
                }
                default -> throw new IllegalStateException(kinds[j].toString());
            }
        }
        double[] scores = pipeline.score(Table.slice(source, firstRow, n, columns, numeric, text));
        StringBuilder sb = new StringBuilder(n * 24);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new InvalidDataException(source + ", row " + (firstRow + i + 1) + ": the model's score is "
                        + scores[i] + " (the row's values are far outside the training data's range); no scores"
                        + " written");
            }
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(firstRow + i).append(',').append(scores[i]);
        }
        return sb.toString();
    }

    /** A value of a column that was numeric in training, checked and parsed as the CSV reader does. */
    private double number(String value, long row, String column) {
        if (CsvValues.isMissing(value)) {
            missing(value, row, column);
            return Double.NaN;
        }
        if (CsvValues.isInfinity(value)) {
            throw new InvalidDataException(at(row, column) + ": " + quote(value) + " is not a finite number");
        }
        if (!CsvValues.isNumber(value)) {
            throw new SchemaMismatchException(at(row, column) + ": numeric in the training data, but it has text"
                    + " now (" + quote(value) + ")");
        }
        double v = Double.parseDouble(value);
        if (!Double.isFinite(v)) {
            throw new InvalidDataException(at(row, column) + ": " + quote(value) + " is too large for a double");
        }
        return v;
    }

    /** @return null (a missing text value), if the model imputes; otherwise refuses the value */
    private String missing(String value, long row, String column) {
        if (!allowMissing) {
            throw new InvalidDataException(at(row, column) + ": " + (value.isBlank() ? "empty value"
                    : "missing value " + quote(value)) + " (the model was fitted without imputation)");
        }
        return null;
    }

    private String at(long row, String column) {
        return source + ", row " + (row + 1) + ", column '" + column + "'";
    }

    private static String quote(String value) {
        String shown = value.length() <= 40 ? value : value.substring(0, 40) + "...";
        return "'" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}
