package org.sgm.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.sgm.core.SgmException;
import org.sgm.core.hyper.HyperparameterJson;

/**
 * A numeric column, scaled as {@code (x − center) / scale} with statistics of the training data; a missing value
 * ({@code NaN}) is first replaced by {@code fill}.
 *
 * @param column the column name
 * @param scaling how center and scale were chosen (informative once fitted)
 * @param center the value that becomes 0
 * @param scale the positive divisor (1 where the statistic was 0, so a constant column becomes all zeros)
 * @param fill the value that replaces a missing one, or {@code NaN} if missing values are an error
 */
record NumericScaler(String column, Scaling scaling, double center, double scale, double fill)
        implements ColumnEncoder {

    /**
     * @param train the training data, with at least one row
     * @param column a numeric column of it
     * @param options the scaling and imputation
     * @return the fitted encoder
     * @throws SgmException if the column has missing values and imputation is off, has no values at all, or its
     *     values are too large to scale
     */
    static NumericScaler fit(Table train, String column, PreprocessingOptions options) {
        double[] all = train.numeric(column);
        double[] present = Arrays.stream(all).filter(v -> !Double.isNaN(v)).toArray();
        if (present.length < all.length && options.imputation() == Imputation.NONE) {
            throw new SgmException(Messages.at(train, firstMissing(all), column)
                    + ": missing value (choose an imputation, e.g. --impute median, to fill it)");
        }
        if (present.length == 0) {
            throw new SgmException(train.source() + ", column '" + column + "': every value is missing");
        }
        Arrays.sort(present);
        double mean = mean(present);
        double fill = switch (options.imputation()) {
            case NONE -> Double.NaN;
            case MEAN -> mean;
            case MEDIAN -> percentile(present, 50);
        };
        double center;
        double scale;
        switch (options.scaling()) {
            case ZSCORE -> {
                center = mean;
                scale = std(present, mean);
            }
            case MINMAX -> {
                center = present[0];
                scale = present[present.length - 1] - present[0];
            }
            case ROBUST -> {
                center = percentile(present, 50);
                scale = percentile(present, 75) - percentile(present, 25);
            }
            default -> {
                center = 0;
                scale = 1;
            }
        }
        if (!Double.isFinite(center) || !Double.isFinite(scale)) {
            throw new SgmException(train.source() + ", column '" + column + "': the values are too large to scale");
        }
        return new NumericScaler(column, options.scaling(), center, scale == 0 ? 1 : scale, fill);
    }

    /**
     * @param sorted values sorted ascending, at least one
     * @param p the percentile, in [0, 100]
     * @return NumPy's default (linear interpolation) percentile
     */
    static double percentile(double[] sorted, double p) {
        double position = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double std(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    private static int firstMissing(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public List<String> featureNames() {
        return List.of(column);
    }

    @Override
    public void encode(Table table, float[] out, int stride, int offset) {
        if (!table.isNumeric(column)) {
            String example = Arrays.stream(table.text(column))
                    .filter(v -> v != null && !CsvReader.isNumber(v)).findFirst().orElse("");
            throw new SgmException(table.source() + ", column '" + column + "': numeric in the training data, but"
                    + " it has text now (e.g. " + Messages.value(example) + ")");
        }
        double[] values = table.numeric(column);
        for (int i = 0; i < values.length; i++) {
            double v = Double.isNaN(values[i]) ? fill : values[i];
            if (Double.isNaN(v)) {
                throw new SgmException(Messages.at(table, i, column)
                        + ": missing value (the model was fitted without imputation)");
            }
            float z = (float) ((v - center) / scale);
            if (!Float.isFinite(z)) {
                throw new SgmException(table.source() + ", column '" + column + "': the value " + v
                        + " is too far from the training data (center " + center + ", scale " + scale
                        + ") to scale");
            }
            out[i * stride + offset] = z;
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = HyperparameterJson.mapper().createObjectNode()
                .put("name", column).put("kind", "numeric").put("scaling", scaling.key())
                .put("center", center).put("scale", scale);
        if (!Double.isNaN(fill)) {
            node.put("fill", fill);
        }
        return node;
    }
}
