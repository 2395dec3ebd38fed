package org.sgm.core.threshold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a fitted model remembers of the scores it gave its own training rows: their count, the quantiles at the
 * {@value #POINTS} levels 0.000, 0.001, …, 1.000, the median and the median absolute deviation (MAD). It is
 * enough to turn a {@link Threshold} rule into a score cutoff without seeing any test data, and it is stored in
 * the model file ({@code "trainingScores"} in {@code sgm-model.json}).
 *
 * <p><b>Quantile rule.</b> The q-quantile of n sorted values x₀ ≤ … ≤ xₙ₋₁ is linearly interpolated between
 * order statistics: with h = (n − 1)·q, it is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋). This is NumPy's default
 * ({@code method="linear"}), R's type 7, and the rule of the paper's {@code PercentileLabeler}. The median is the
 * 0.5-quantile; the MAD is the median of |xᵢ − median|, unscaled (the {@link Threshold#mad MAD rule} applies the
 * factor 1.4826).
 *
 * <p>{@link #quantile(double)} is exact (equal to the rule above on the training scores) at the stored levels,
 * i.e. for every q with at most three decimals; between two stored levels it interpolates linearly between the two
 * stored quantiles. Instances are immutable.
 */
public final class TrainingScoreSummary {
    /** How many quantile levels are stored: 0.000 to 1.000 in steps of 0.001. */
    public static final int POINTS = 1001;
    private static final int STEPS = POINTS - 1;

    private final long count;
    private final double median;
    private final double mad;
    private final double[] quantiles;

    private TrainingScoreSummary(long count, double median, double mad, double[] quantiles) {
        this.count = count;
        this.median = median;
        this.mad = mad;
        this.quantiles = quantiles;
    }

    /**
     * Summarises the scores of the training rows.
     *
     * @param scores the fitted detector's scores of its own training rows (not modified)
     * @return their summary
     * @throws IllegalArgumentException if there are no scores or one is NaN or infinite
     */
    public static TrainingScoreSummary of(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("no training scores to summarise");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("training score " + i + " is " + scores[i]);
            }
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] q = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            q[i] = quantileOfSorted(sorted, (double) i / STEPS);
        }
        double median = quantileOfSorted(sorted, 0.5);
        double[] deviations = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            deviations[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(deviations);
        return new TrainingScoreSummary(scores.length, median, quantileOfSorted(deviations, 0.5), q);
    }

    /**
     * The q-quantile of sorted values, linearly interpolated between order statistics (NumPy's default).
     *
     * @param sorted values in ascending order, at least one
     * @param q the level, in [0, 1]
     * @return the quantile
     */
    public static double quantileOfSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("quantile of no values");
        }
        checkLevel(q);
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * @param q the level, in [0, 1]
     * @return the q-quantile of the training scores: exact at the stored levels (q = k / 1000), linearly
     *     interpolated between the two nearest stored levels otherwise
     */
    public double quantile(double q) {
        checkLevel(q);
        double pos = q * STEPS;
        long nearest = Math.round(pos);
        if (Math.abs(pos - nearest) < 1e-9) {
            return quantiles[(int) nearest];
        }
        int lo = (int) Math.floor(pos);
        return quantiles[lo] + (pos - lo) * (quantiles[lo + 1] - quantiles[lo]);
    }

    /** @return how many training rows were scored */
    public long count() {
        return count;
    }

    /** @return the median of the training scores */
    public double median() {
        return median;
    }

    /** @return the median absolute deviation of the training scores from their median, unscaled */
    public double mad() {
        return mad;
    }

    /** @return the stored quantiles, index k holding the level k / 1000 (a copy) */
    public double[] quantiles() {
        return quantiles.clone();
    }

    /** @return the summary as JSON: {@code count}, {@code median}, {@code mad}, {@code quantiles} */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("count", count);
        node.put("median", median);
        node.put("mad", mad);
        node.put("interpolation", "linear");
        ArrayNode q = node.putArray("quantiles");
        for (double v : quantiles) {
            q.add(v);
        }
        return node;
    }

    /**
     * @param node JSON written by {@link #toJson()}
     * @return the summary
     * @throws IllegalArgumentException naming the field if the JSON is not a valid summary
     */
    public static TrainingScoreSummary fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        long count = node.path("count").asLong(0);
        if (!node.path("count").isIntegralNumber() || count < 1) {
            throw new IllegalArgumentException("count must be a positive integer");
        }
        double median = number(node, "median");
        double mad = number(node, "mad");
        if (mad < 0) {
            throw new IllegalArgumentException("mad must not be negative");
        }
        JsonNode q = node.path("quantiles");
        if (!q.isArray() || q.size() != POINTS) {
            throw new IllegalArgumentException("quantiles must be an array of " + POINTS + " numbers");
        }
        double[] quantiles = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            if (!q.get(i).isNumber() || !Double.isFinite(q.get(i).asDouble())) {
                throw new IllegalArgumentException("quantiles[" + i + "] is not a finite number");
            }
            quantiles[i] = q.get(i).asDouble();
            if (i > 0 && quantiles[i] < quantiles[i - 1]) {
                throw new IllegalArgumentException("quantiles must not decrease (index " + i + ")");
            }
        }
        return new TrainingScoreSummary(count, median, mad, quantiles);
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(field + " must be a finite number");
        }
        return v.asDouble();
    }

    private static void checkLevel(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + q);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingScoreSummary s && s.count == count && Double.compare(s.median, median) == 0
                && Double.compare(s.mad, mad) == 0 && Arrays.equals(s.quantiles, quantiles);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(count) + Arrays.hashCode(quantiles);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TrainingScoreSummary[n=%d, median=%g, mad=%g, q95=%g, q99=%g]",
                count, median, mad, quantiles[950], quantiles[990]);
    }
}
