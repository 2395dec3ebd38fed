package org.sgm.core.spi;

import java.util.random.RandomGenerator;
import org.sgm.core.hyper.ScoreGuidance;

/**
 * The paper's regularizer (METHOD.md §2):
 * {@code L_SG = (1/B) Σ_i [(1 − f_i)·|s_i − μ_R| + λ_out·f_i·max(0, a − s_i)]}, where μ_R is the mean of
 * K = 10000 draws from N(0, 1), redrawn every batch.
 *
 * <p>The mean of K independent N(0, 1) draws is exactly N(0, 1/K) distributed, so one draw scaled by 1/√K replaces
 * the K draws (same distribution, 10000× less work). {@link #fixedReference()} uses μ_R = 0 instead.
 */
public final class PaperRegularizer implements ScoreGuidedRegularizer {
    /** The number of reference draws K whose mean is μ_R. */
    public static final int REFERENCE_SAMPLES = 10_000;
    private final boolean sampled;

    private PaperRegularizer(boolean sampled) {
        this.sampled = sampled;
    }

    /** @return the paper's regularizer, μ_R resampled every batch */
    public static PaperRegularizer paper() {
        return new PaperRegularizer(true);
    }

    /** @return the simplification μ_R = 0 (the limit K → ∞) */
    public static PaperRegularizer fixedReference() {
        return new PaperRegularizer(false);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Subgradients as automatic differentiation takes them: ∂|s − μ_R|/∂s = sign(s − μ_R) (0 at a tie) and
     * ∂max(0, a − s)/∂s = −1 where a − s &gt; 0, else 0.
     */
    @Override
    public double loss(double[] score, boolean[] flag, double muRef, ScoreGuidance g, double[] dScore) {
        int n = score.length;
        double lambdaOut = g.lambdaOut();
        double a = g.margin();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = score[i];
            if (flag[i]) {
                sum += lambdaOut * Math.max(0, a - s);
                dScore[i] = a - s > 0 ? -lambdaOut / n : 0;
            } else {
                sum += Math.abs(s - muRef);
                dScore[i] = Math.signum(s - muRef) / n;
            }
        }
        return sum / n;
    }

    @Override
    public double sampleReferenceMean(RandomGenerator rng) {
        return sampled ? rng.nextGaussian() / Math.sqrt(REFERENCE_SAMPLES) : 0.0;
    }
}
