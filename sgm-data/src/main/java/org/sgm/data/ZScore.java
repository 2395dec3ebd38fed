package org.sgm.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.sgm.core.SgmException;
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
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / values.length);
        if (!Double.isFinite(mean) || !Double.isFinite(std)) {
            throw new SgmException(train.source() + ", column '" + column
                    + "': the values are too large to standardise");
        }
        return new ZScore(column, mean, std == 0 ? 1 : std);
    }

    @Override
    public List<String> featureNames() {
        return List.of(column);
    }

    @Override
    public void encode(Table table, float[] out, int stride, int offset) {
        if (!table.isNumeric(column)) {
            String example = Arrays.stream(table.text(column)).filter(v -> !CsvReader.isNumber(v)).findFirst()
                    .orElse("");
            throw new SgmException(table.source() + ", column '" + column + "': numeric in the training data, but"
                    + " it has text now (e.g. " + Messages.value(example) + ")");
        }
        double[] values = table.numeric(column);
        for (int i = 0; i < values.length; i++) {
            float z = (float) ((values[i] - mean) / std);
            if (!Float.isFinite(z)) {
                throw new SgmException(table.source() + ", column '" + column + "': the value " + values[i]
                        + " is too far from the training data (mean " + mean + ", std " + std + ") to scale");
            }
            out[i * stride + offset] = z;
        }
    }

    @Override
    public ObjectNode toJson() {
        return HyperparameterJson.mapper().createObjectNode()
                .put("name", column).put("kind", "numeric").put("mean", mean).put("std", std);
    }
}
