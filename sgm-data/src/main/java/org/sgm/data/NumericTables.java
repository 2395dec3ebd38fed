package org.sgm.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;

/** Builds a {@link Table} of numeric columns {@code f1 … fd} from arrays, as NumPy and MATLAB files hold them. */
final class NumericTables {
    private NumericTables() {}

    /**
     * Checks the values ({@code NaN} is a missing value: refused unless {@code options.allowMissing()}; infinities
     * are always refused) and the labels (each 0 or 1), then builds the table.
     *
     * @param source the file's name, for messages
     * @param sha256 the file's SHA-256
     * @param columns the feature values, one array per column, all of the same length
     * @param labels one label per row, or null for none
     * @param labelName the labels' array name, for messages
     * @param options whether missing values are allowed
     * @return the table (its label column, for messages, is {@code labelName})
     */
    static Table of(String source, String sha256, double[][] columns, double[] labels, String labelName,
            ReadOptions options) {
        int rows = columns.length == 0 ? 0 : columns[0].length;
        if (rows == 0 || columns.length == 0) {
            throw new InvalidDataException(source + ": the feature array is empty (" + rows + " rows × "
                    + columns.length + " columns)");
        }
        List<String> names = FeatureMatrix.defaultNames(columns.length);
        for (String c : options.ignoreColumns()) {
            if (!names.contains(c)) {
                throw new InvalidDataException(source + ": no column '" + c + "' to ignore (columns: "
                        + Messages.names(names) + ")");
            }
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            if (options.ignores(names.get(j))) {
                continue;
            }
            kept.add(names.get(j));
            for (int i = 0; i < rows; i++) {
                double v = columns[j][i];
                if (Double.isNaN(v) && !options.allowMissing()) {
                    throw new InvalidDataException(source + ", row " + (i + 1) + ", column " + (j + 1)
                            + ": missing value (NaN; missing values are refused unless an imputation is chosen, e.g."
                            + " --impute median)");
                }
                if (Double.isInfinite(v)) {
                    throw new InvalidDataException(source + ", row " + (i + 1) + ", column " + (j + 1) + ": " + v
                            + " is not a finite number");
                }
            }
            numeric.put(names.get(j), columns[j]);
        }
        if (kept.isEmpty()) {
            throw new InvalidDataException(source + ": no feature columns besides the ignored "
                    + Messages.names(options.ignoreColumns()));
        }
        boolean[] anomalies = null;
        if (labels != null && !options.labels().ignored()) {
            anomalies = new boolean[rows];
            boolean standard = options.labels().isStandard();
            for (int i = 0; i < rows; i++) {
                if (!standard) {
                    if (Double.isNaN(labels[i])) {
                        throw new InvalidDataException(source + ", " + labelName + "[" + i + "]: a missing label");
                    }
                    anomalies[i] = options.labels().marksAnomaly(labels[i]);
                    continue;
                }
                if (labels[i] != 0 && labels[i] != 1) {
                    throw new InvalidDataException(source + ", " + labelName + "[" + i + "]: a label must be 0"
                            + " (normal) or 1 (anomaly), got " + labels[i]);
                }
                anomalies[i] = labels[i] == 1;
            }
        }
        return new Table(source, sha256, rows, kept, numeric, Map.of(), labelName,
                anomalies);
    }
}
