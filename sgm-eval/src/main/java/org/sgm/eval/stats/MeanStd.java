package org.sgm.eval.stats;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * The mean and the sample standard deviation (divisor n − 1) of a metric over seeds.
 *
 * @param mean the arithmetic mean (NaN for no values)
 * @param std the sample standard deviation, n − 1 in the denominator (0 for one value, NaN for none)
 * @param n the number of values
 */
public record MeanStd(double mean, double std, int n) {

    /**
     * @param values the values; NaN values are skipped (an undefined metric of one seed does not poison the rest)
     * @return their mean and sample standard deviation
     */
    public static MeanStd of(double... values) {
        double[] finite = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (finite.length == 0) {
            return new MeanStd(Double.NaN, Double.NaN, 0);
        }
        double std = finite.length == 1 ? 0 : StandardDeviation.of(finite).getAsDouble();
        return new MeanStd(Mean.of(finite).getAsDouble(), std, finite.length);
    }

    /**
     * @param digits decimals
     * @return {@code mean ± std}, e.g. {@code 0.8123 ± 0.0101}; {@code n/a} for no values
     */
    public String format(int digits) {
        if (n == 0) {
            return "n/a";
        }
        String f = "%." + digits + "f";
        return String.format(Locale.ROOT, f + " ± " + f, mean, std);
    }
}
