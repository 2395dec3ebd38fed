package org.sgm.core.spi;

import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
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

    @Override
    public SDVariable loss(SameDiff sd, SDVariable score, SDVariable flag, SDVariable muRef, ScoreGuidance g) {
        SDVariable normalTerm = flag.rsub(1.0).mul(sd.math.abs(score.sub(muRef)));
        SDVariable anomalyTerm = flag.mul(g.lambdaOut()).mul(sd.nn.relu(score.rsub(g.margin()), 0));
        return sd.mean("guidanceLoss", normalTerm.add(anomalyTerm));
    }

    @Override
    public double sampleReferenceMean(RandomGenerator rng) {
        return sampled ? rng.nextGaussian() / Math.sqrt(REFERENCE_SAMPLES) : 0.0;
    }
}
