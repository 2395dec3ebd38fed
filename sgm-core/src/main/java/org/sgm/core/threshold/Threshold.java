package org.sgm.core.threshold;

import java.util.Locale;

/**
 * A rule that turns anomaly scores into decisions: it gives a score cutoff, and a row is an anomaly when its score
 * is <b>strictly greater</b> than the cutoff ({@link #isAnomaly}; a score equal to the cutoff is normal, as in
 * PyOD's {@code decision_scores_ > threshold_}). Thresholding is separate from every detector: a rule reads only the
 * {@link TrainingScoreSummary} a fitted model keeps of its own training scores, never test data.
 *
 * <ul>
 *   <li>{@link #contamination(double) contamination(r)}: the (1 − r)-quantile of the training scores, so that a
 *       share r of the training rows (fewer when scores tie) scores above it; r in (0, 0.5].
 *   <li>{@link #fixed(double) fixed(t)}: the cutoff t itself; needs no summary.
 *   <li>{@link #mad(double) mad(k)}: median + k · 1.4826 · MAD of the training scores, a label-free rule; 1.4826
 *       makes the MAD estimate the standard deviation of normally distributed scores, so k = 3 is the robust
 *       "three sigma" ({@link #mad()}); k &gt; 0.
 * </ul>
 *
 * <pre>{@code
 * double cutoff = Threshold.contamination(0.05).cutoff(summary);
 * boolean[] flags = Threshold.flag(scores, cutoff);
 * }</pre>
 */
public sealed interface Threshold permits Threshold.Contamination, Threshold.Fixed, Threshold.Mad {

    /** The default k of {@link #mad()}. */
    double DEFAULT_MAD_K = 3;
    /** The factor that makes the MAD a consistent estimate of the standard deviation of normal data: 1 / Φ⁻¹(3/4). */
    double MAD_SCALE = 1.4826;

    /**
     * @param training the summary of the model's training scores (may be null for a rule that does not
     *     {@link #needsTrainingScores() need} it)
     * @return the score cutoff: scores strictly above it are anomalies
     */
    double cutoff(TrainingScoreSummary training);

    /** @return whether {@link #cutoff} reads the training-score summary */
    boolean needsTrainingScores();

    /** @return the rule in words, e.g. {@code "contamination 0.05"} */
    String describe();

    /**
     * @param rate the share of training rows to flag, in (0, 0.5]
     * @return the (1 − rate)-quantile rule
     * @throws InvalidThresholdException if the rate is outside (0, 0.5]
     */
    static Threshold contamination(double rate) {
        return new Contamination(rate);
    }

    /**
     * @param cutoff the score cutoff, finite
     * @return the rule that always gives {@code cutoff}
     * @throws InvalidThresholdException if the cutoff is NaN or infinite
     */
    static Threshold fixed(double cutoff) {
        return new Fixed(cutoff);
    }

    /**
     * @param k how many scaled MADs above the median, &gt; 0 and finite
     * @return the rule median + k · 1.4826 · MAD
     * @throws InvalidThresholdException if k is not positive and finite
     */
    static Threshold mad(double k) {
        return new Mad(k);
    }

    /** @return the rule median + 3 · 1.4826 · MAD */
    static Threshold mad() {
        return new Mad(DEFAULT_MAD_K);
    }

    /**
     * @param score a score
     * @param cutoff a cutoff from {@link #cutoff}
     * @return {@code score > cutoff}
     */
    static boolean isAnomaly(double score, double cutoff) {
        return score > cutoff;
    }

    /**
     * @param scores scores, higher = more anomalous
     * @param cutoff a cutoff from {@link #cutoff}
     * @return per score, whether it is strictly greater than the cutoff
     */
    static boolean[] flag(double[] scores, double cutoff) {
        boolean[] flags = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            flags[i] = isAnomaly(scores[i], cutoff);
        }
        return flags;
    }

    private static TrainingScoreSummary require(TrainingScoreSummary training, Threshold rule) {
        if (training == null) {
            throw new ThresholdUnavailableException("the " + rule.describe()
                    + " threshold needs the model's training-score summary, and there is none");
        }
        return training;
    }

    /**
     * The (1 − rate)-quantile of the training scores.
     *
     * @param rate the share of training rows to flag, in (0, 0.5]
     */
    record Contamination(double rate) implements Threshold {
        /** @throws InvalidThresholdException if the rate is outside (0, 0.5] */
        public Contamination {
            if (!(rate > 0 && rate <= 0.5)) {
                throw new InvalidThresholdException("contamination rate must be in (0, 0.5], got " + rate);
            }
        }

        @Override
        public double cutoff(TrainingScoreSummary training) {
            return require(training, this).quantile(1 - rate);
        }

        @Override
        public boolean needsTrainingScores() {
            return true;
        }

        @Override
        public String describe() {
            return "contamination " + rate;
        }
    }

    /**
     * A fixed cutoff.
     *
     * @param cutoff the score cutoff, finite
     */
    record Fixed(double cutoff) implements Threshold {
        /** @throws InvalidThresholdException if the cutoff is NaN or infinite */
        public Fixed {
            if (!Double.isFinite(cutoff)) {
                throw new InvalidThresholdException("threshold must be a finite number, got " + cutoff);
            }
        }

        @Override
        public double cutoff(TrainingScoreSummary training) {
            return cutoff;
        }

        @Override
        public boolean needsTrainingScores() {
            return false;
        }

        @Override
        public String describe() {
            return "fixed " + cutoff;
        }
    }

    /**
     * Median + k · 1.4826 · MAD of the training scores.
     *
     * @param k how many scaled MADs above the median, &gt; 0 and finite
     */
    record Mad(double k) implements Threshold {
        /** @throws InvalidThresholdException if k is not positive and finite */
        public Mad {
            if (!(k > 0 && Double.isFinite(k))) {
                throw new InvalidThresholdException("MAD multiplier k must be a finite number > 0, got " + k);
            }
        }

        @Override
        public double cutoff(TrainingScoreSummary training) {
            TrainingScoreSummary s = require(training, this);
            return s.median() + k * MAD_SCALE * s.mad();
        }

        @Override
        public boolean needsTrainingScores() {
            return true;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "median + %s MAD", k == Math.rint(k) ? String.valueOf((long) k)
                    : String.valueOf(k));
        }
    }
}
