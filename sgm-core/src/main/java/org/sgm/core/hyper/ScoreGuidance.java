package org.sgm.core.hyper;

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
 *     (0, 100); default 90
 */
public record ScoreGuidance(double lambdaDE, double lambdaOut, double margin, double epsilon) {

    /** @return the paper's defaults: λ_DE 0.01, λ_out 20, a 6, ε 90 */
    public static ScoreGuidance defaults() {
        return new ScoreGuidance(0.01, 20, 6, 90);
    }

    /** @return the paper's settings with the guidance switched off (λ_DE = 0): the plain backbone */
    public static ScoreGuidance disabled() {
        return defaults().withLambdaDE(0);
    }

    /** @return whether the score-guided term is on (λ_DE &gt; 0) */
    public boolean enabled() {
        return lambdaDE > 0;
    }

    /**
     * @param lambda the new λ_DE
     * @return a copy with another λ_DE
     */
    public ScoreGuidance withLambdaDE(double lambda) {
        return new ScoreGuidance(lambda, lambdaOut, margin, epsilon);
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
        v.require(epsilon > 0 && epsilon < 100, prefix + "epsilon", "must be in (0, 100)", epsilon);
    }
}
