package org.sgm.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.data.SchemaMismatchException;
import org.sgm.core.hyper.HyperparameterJson;

/**
 * A numeric column, scaled as {@code (x − center) / scale} with statistics of the training data; a missing value
 * ({@code NaN}) is first replaced by {@code fill}. Values near the double range (such as {@code 1e308}) are
 * handled without overflow where the result is representable: the z-score's mean and standard deviation are
 * computed on values divided by the largest magnitude when (and only when) the plain sums overflow, percentiles
 * interpolate as {@code (1 − f)·a + f·b} when {@code b − a} overflows, and a value whose difference from the center
 * overflows is scaled as {@code x / scale − center / scale}.
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
     * @throws InvalidDataException if the column has missing values and imputation is off, has no values at all,
     *     or its values are too large to scale (a min-max range or interquartile range beyond the double range)
     */
    static NumericScaler fit(Table train, String column, PreprocessingOptions options) {
        return fit(train.source(), column, train.numeric(column), options);
    }

    /**
     * Fits on a column's values (the same computation for a table in memory and for a column gathered from a
     * streamed file, so both give the same encoder).
     *
     * @param source the data's name, for messages
     * @param column the column name
     * @param all the column's values in row order, {@code NaN} where missing; at least one
     * @param options the scaling and imputation
     * @return the fitted encoder
     * @throws InvalidDataException as {@link #fit(Table, String, PreprocessingOptions)}
     */
    static NumericScaler fit(String source, String column, double[] all, PreprocessingOptions options) {
        int count = 0;
        for (double v : all) {
            count += Double.isNaN(v) ? 0 : 1;
        }
        double[] present = count == all.length ? all : new double[count];
        if (count < all.length) {
            if (options.imputation() == Imputation.NONE) {
                throw new InvalidDataException(source + ", row " + (firstMissing(all) + 1) + ", column '" + column
                        + "': missing value (choose an imputation, e.g. --impute median, to fill it)");
            }
            int k = 0;
            for (double v : all) {
                if (!Double.isNaN(v)) {
                    present[k++] = v;
                }
            }
        }
        if (present.length == 0) {
            throw new InvalidDataException(source + ", column '" + column + "': every value is missing");
        }
        // Mean and std in row order (the textbook sums), before sorting for the percentiles.
        double[] moments = moments(present);
        double mean = moments[0];
        // The smallest and largest value in sort order (-0.0 before 0.0); sorting only when a percentile is needed.
        double min = present[0];
        double max = present[0];
        for (double v : present) {
            min = Double.compare(v, min) < 0 ? v : min;
            max = Double.compare(v, max) > 0 ? v : max;
        }
        if (options.scaling() == Scaling.ROBUST || options.imputation() == Imputation.MEDIAN) {
            Arrays.sort(present);
        }
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
                scale = moments[1];
            }
            case MINMAX -> {
                center = min;
                scale = max - min;
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
            throw new InvalidDataException(source + ", column '" + column + "': the values (from "
                    + min + " to " + max + ") are too large to scale with "
                    + options.scaling().key() + (options.scaling() == Scaling.ZSCORE ? "" : "; try --scaling zscore"));
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
        double f = position - below;
        double a = sorted[below];
        double b = sorted[above];
        double value = a + f * (b - a);
        // b − a overflows only for values near the double range; the weighted form cannot overflow.
        return Double.isFinite(value) ? value : (1 - f) * a + f * b;
    }

    /**
     * @param values at least one finite value
     * @return the mean and population standard deviation; computed on {@code values / max |value|} and scaled
     *     back only when the plain sums overflow (values near the double range), so that ordinary data keeps
     *     exactly the textbook mean and std
     */
    static double[] moments(double[] values) {
        double[] moments = moments(values, 1);
        if (!Double.isFinite(moments[0]) || !Double.isFinite(moments[1])) {
            double scale = 0;
            for (double v : values) {
                scale = Math.max(scale, Math.abs(v));
            }
            moments = moments(values, scale);
            moments[0] *= scale;
            moments[1] *= scale;
        }
        return moments;
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
    public void encode(Table table, float[] out, int stride, int offset, UnseenCategories unseen) {
        if (!table.isNumeric(column)) {
            String[] text = table.text(column);
            int row = 0;
            while (row < text.length - 1 && (text[row] == null || CsvReader.isNumber(text[row]))) {
                row++;
            }
            throw textInNumeric(table.source(), table.rowNumber(row), String.valueOf(text[row]));
        }
        double[] values = table.numeric(column);
        for (int i = 0; i < values.length; i++) {
            double v = Double.isNaN(values[i]) ? fill : values[i];
            if (Double.isNaN(v)) {
                throw new InvalidDataException(Messages.at(table, i, column)
                        + ": missing value (the model was fitted without imputation)");
            }
            double z = (v - center) / scale;
            if (!Double.isFinite(z)) {
                z = v / scale - center / scale; // the difference overflowed, not necessarily the scaled value
            }
            if (!Float.isFinite((float) z)) {
                throw new SchemaMismatchException(table.source() + ", column '" + column + "', row " + table.rowNumber(i)
                        + ": the value " + v + " is too far from the training data (" + statistics() + ") to scale");
            }
            out[i * stride + offset] = (float) z;
        }
    }

    /**
     * @param source the data's name
     * @param rowNumber the row's number, from 1
     * @param value the text found there
     * @return the error for a column numeric in training that has text in the data to transform
     */
    SchemaMismatchException textInNumeric(String source, long rowNumber, String value) {
        return new SchemaMismatchException(source + ", column '" + column + "', row " + rowNumber
                + ": numeric in the training data, but it has text now (" + Messages.value(value) + ")");
    }

    /** @return the fitted statistics in words, e.g. {@code mean 2.5, std 1.1} for a z-score */
    private String statistics() {
        return switch (scaling) {
            case ZSCORE -> "mean " + center + ", std " + scale;
            case MINMAX -> "minimum " + center + ", range " + scale;
            case ROBUST -> "median " + center + ", interquartile range " + scale;
            case NONE -> "no scaling";
        };
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
