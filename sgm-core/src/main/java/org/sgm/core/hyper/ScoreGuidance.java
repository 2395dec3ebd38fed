package org.sgm.core.hyper;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The score-guided regularizer's settings (METHOD.md §2). {@code lambdaDE = 0} switches the guidance off: the
 * model is then its plain backbone, scored by the backbone's own metric.
 *
 * <p>Validated by {@link #check}, not by the constructor (see {@link TrainingConfig}).
 *
 * @param lambdaDE weight λ_DE of the score-guided term in {@code L = L_B + λ_DE·L_SG} (≥ 0); default 0.01
 * @param lambdaOut weight λ_out of the hinge on pseudo-anomalies (≥ 0); default 20
 * @param margin the margin {@code a} that pseudo-anomalies' scores are pushed above (&gt; 0); default 6
 * @param epsilon the percentile ε of the backbone metric above which a training row is a pseudo-anomaly, in
 *     (0, 100); null (the default): {@code 100·(1 − contamination)} if a contamination is given, else 90, the
 *     paper's value ({@link #percentile()})
 * @param contamination the expected fraction of anomalies in the training data, in (0, 0.5], if the user knows it;
 *     null (the default) if not. Sets ε when ε is not given; giving both is refused
 * @param warmup the fraction of the fit's optimizer steps, at its start, that train the backbone alone (L_B, no
 *     scorer, no pre-judging), in [0, 1); the guidance then starts with τ from the trained metric. The paper: 0
 * @param refreshEvery how often τ is re-estimated inside an epoch, in optimizer steps, from the current weights on a
 *     sample of rows (≥ 0; 0: only at the start of each epoch, as the paper does). A fit on a large file is one or
 *     a few long epochs, whose τ would otherwise stay the one of the weights at their start
 * @param testScore what a guided model scores test rows with: {@link TestScore#SCORER} (the paper: φ(z) alone) or
 *     {@link TestScore#SCORER_AND_METRIC} (the default: φ(z) and the backbone metric m, each standardised on the
 *     training rows; docs/defaults.md, round 2, I). Ignored by a plain backbone, which scores with m
 */
public record ScoreGuidance(double lambdaDE, double lambdaOut, double margin, Double epsilon, Double contamination,
        double warmup, int refreshEvery, TestScore testScore) {

    /** What a fitted guided model scores test rows with. */
    public enum TestScore {
        /** The scoring network's output φ(z), as the paper ({@code "scorer"} in JSON). */
        @JsonProperty("scorer")
        SCORER,
        /**
         * {@code (φ(z) − med φ) / (q_ε φ − med φ) + (m − med m) / (q_ε m − med m)}: the scorer's output and the
         * backbone metric, each mapped so that the training rows' median is 0 and their ε-th percentile (the
         * pre-judging boundary) is 1 ({@code "scorer+metric"} in JSON).
         */
        @JsonProperty("scorer+metric")
        SCORER_AND_METRIC
    }

    /**
     * Settings with the paper's test score (the scorer alone).
     *
     * @param lambdaDE weight λ_DE
     * @param lambdaOut weight λ_out
     * @param margin the margin a
     * @param epsilon the percentile ε, or null
     * @param contamination the expected contamination, or null
     * @param warmup the warm-up fraction
     * @param refreshEvery the τ refresh interval in steps (0: epoch starts only)
     */
    public ScoreGuidance(double lambdaDE, double lambdaOut, double margin, Double epsilon, Double contamination,
            double warmup, int refreshEvery) {
        this(lambdaDE, lambdaOut, margin, epsilon, contamination, warmup, refreshEvery, TestScore.SCORER);
    }

    /** The paper's ε, used when neither ε nor a contamination is given. */
    public static final double PAPER_EPSILON = 90;

    /**
     * Settings with an explicit ε and no contamination.
     *
     * @param lambdaDE weight λ_DE
     * @param lambdaOut weight λ_out
     * @param margin the margin a
     * @param epsilon the percentile ε
     */
    public ScoreGuidance(double lambdaDE, double lambdaOut, double margin, double epsilon) {
        this(lambdaDE, lambdaOut, margin, Double.valueOf(epsilon), null);
    }

    /**
     * Settings without warm-up, τ re-estimated at epoch starts only (the paper's schedule), scored by the scorer.
     *
     * @param lambdaDE weight λ_DE
     * @param lambdaOut weight λ_out
     * @param margin the margin a
     * @param epsilon the percentile ε, or null
     * @param contamination the expected contamination, or null
     */
    public ScoreGuidance(double lambdaDE, double lambdaOut, double margin, Double epsilon, Double contamination) {
        this(lambdaDE, lambdaOut, margin, epsilon, contamination, 0.0, 0);
    }

    /** The automatic τ refresh interval in optimizer steps ({@link #refreshEvery}). */
    public static final int AUTO_REFRESH_EVERY = 16;

    /**
     * @return the defaults: λ_DE 0.01, λ_out 20, a 6, ε from an optional contamination (90 without one), no
     *     warm-up, τ re-estimated every {@value #AUTO_REFRESH_EVERY} steps inside an epoch, test rows scored by
     *     the scorer and the metric (docs/defaults.md)
     */
    public static ScoreGuidance defaults() {
        return new ScoreGuidance(0.01, 20, 6, null, null, 0.0, AUTO_REFRESH_EVERY, TestScore.SCORER_AND_METRIC);
    }

    /** @return the paper's settings: λ_DE 0.01, λ_out 20, a 6, ε 90, test rows scored by the scorer alone */
    public static ScoreGuidance paper() {
        return new ScoreGuidance(0.01, 20, 6, PAPER_EPSILON);
    }

    /** @return the paper's settings with the guidance switched off (λ_DE = 0): the plain backbone */
    public static ScoreGuidance disabled() {
        return paper().withLambdaDE(0);
    }

    /** @return whether the score-guided term is on (λ_DE &gt; 0) */
    public boolean enabled() {
        return lambdaDE > 0;
    }

    /**
     * @return the percentile ε the pseudo-labeller uses: ε if given, else {@code 100·(1 − contamination)} if a
     *     contamination is given, else {@value #PAPER_EPSILON}
     */
    public double percentile() {
        if (epsilon != null) {
            return epsilon;
        }
        return contamination != null ? 100 * (1 - contamination) : PAPER_EPSILON;
    }

    /**
     * @param lambda the new λ_DE
     * @return a copy with another λ_DE
     */
    public ScoreGuidance withLambdaDE(double lambda) {
        return new ScoreGuidance(lambda, lambdaOut, margin, epsilon, contamination, warmup, refreshEvery, testScore);
    }

    /**
     * Adds this record's violations to {@code v}.
     *
     * @param v the collector
     * @param prefix the JSON path of this record, e.g. {@code "guidance."}
     */
    public void check(Violations v, String prefix) {
        v.require(lambdaDE >= 0 && Double.isFinite(lambdaDE), prefix + "lambdaDE", "must be ≥ 0", lambdaDE);
        v.require(lambdaOut >= 0 && Double.isFinite(lambdaOut), prefix + "lambdaOut", "must be ≥ 0", lambdaOut);
        v.require(margin > 0 && Double.isFinite(margin), prefix + "margin", "must be > 0", margin);
        v.require(epsilon == null || epsilon > 0 && epsilon < 100, prefix + "epsilon", "must be in (0, 100)", epsilon);
        v.require(contamination == null || contamination > 0 && contamination <= 0.5, prefix + "contamination",
                "must be in (0, 0.5]", contamination);
        v.require(warmup >= 0 && warmup < 1, prefix + "warmup", "must be in [0, 1)", warmup);
        v.require(refreshEvery >= 0, prefix + "refreshEvery", "must be ≥ 0", refreshEvery);
        v.require(testScore != null, prefix + "testScore", "must be \"scorer\" or \"scorer+metric\"", testScore);
        if (epsilon != null && contamination != null) {
            v.add(prefix + "epsilon and " + prefix + "contamination both given; give one (contamination c sets "
                    + "ε = 100·(1 − c))");
        }
    }
}
