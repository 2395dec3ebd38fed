package org.sgm.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.data.SchemaMismatchException;
import org.sgm.core.hyper.HyperparameterJson;

/**
 * A numeric column, standardised with the training mean and population standard deviation.
 *
 * @param column the column name
 * @param mean the training mean
 * @param std the training standard deviation, or 1 where it was 0 (a constant column becomes all zeros)
 */
record ZScore(String column, double mean, double std) implements ColumnEncoder {

    /**
     * @param train the training data, with at least one row
     * @param column a numeric column of it
     * @return the fitted encoder
     */
    static ZScore fit(Table train, String column) {
        double[] values = train.numeric(column);
        double[] moments = moments(values, 1);
        if (!Double.isFinite(moments[0]) || !Double.isFinite(moments[1])) {
            // Values near the double range (e.g. 1e308) overflow the sums: compute on values divided by the largest
            // magnitude instead (only then, so that ordinary data keeps exactly the same mean and std).
            double scale = 0;
            for (double v : values) {
                scale = Math.max(scale, Math.abs(v));
            }
            moments = moments(values, scale);
            moments[0] *= scale;
            moments[1] *= scale;
        }
        double mean = moments[0];
        double std = moments[1];
        if (!Double.isFinite(mean) || !Double.isFinite(std)) {
            throw new InvalidDataException(train.source() + ", column '" + column
                    + "': the values are too large to standardise");
        }
        return new ZScore(column, mean, std == 0 ? 1 : std);
    }

    /** @return the mean and population standard deviation of {@code values / scale} */
    private static double[] moments(double[] values, double scale) {
        double sum = 0;
        for (double v : values) {
            sum += v / scale;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v / scale - mean) * (v / scale - mean);
        }
        return new double[] {mean, Math.sqrt(squares / values.length)};
    }

    @Override
    public List<String> featureNames() {
        return List.of(column);
    }

    @Override
    public void encode(Table table, float[] out, int stride, int offset) {
        if (!table.isNumeric(column)) {
            String[] text = table.text(column);
            int row = 0;
            while (row < text.length - 1 && CsvReader.isNumber(text[row])) {
                row++;
            }
            throw new SchemaMismatchException(table.source() + ", column '" + column + "', row " + (row + 1)
                    + ": numeric in the training data, but it has text now (" + Messages.value(text[row]) + ")");
        }
        double[] values = table.numeric(column);
        for (int i = 0; i < values.length; i++) {
            double z = (values[i] - mean) / std;
            if (!Double.isFinite(z)) {
                z = values[i] / std - mean / std; // the difference overflowed, not necessarily the z-score
            }
            if (!Float.isFinite((float) z)) {
                throw new SchemaMismatchException(table.source() + ", column '" + column + "', row " + (i + 1)
                        + ": the value " + values[i] + " is too far from the training data (mean " + mean + ", std "
                        + std + ") to scale");
            }
            out[i * stride + offset] = (float) z;
        }
    }

    @Override
    public ObjectNode toJson() {
        return HyperparameterJson.mapper().createObjectNode()
                .put("name", column).put("kind", "numeric").put("mean", mean).put("std", std);
    }
}
