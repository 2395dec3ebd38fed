package org.sgm.models.dagmm;

import java.util.List;
import java.util.Objects;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of SG-DAGMM and its plain twin. Every violation is reported at once.
 *
 * <p>Defaults follow the original's KDDCUP99 configuration (its main benchmark): compression 60 → 30 → 10 → 1 with
 * tanh, estimation network with 10 hidden units and K = 4, λ1 = 0.1, λ2 = 0.005. Training is the SG paper's
 * ({@link TrainingConfig#defaults()}: Adam 1e-4 and batch 1024 as the original DAGMM; the original's epoch count
 * varies per data set, 200 on KDDCUP99, and the SG paper's 100 is kept).
 *
 * @param hiddenDims hidden widths of the compression encoder between the input and the bottleneck (the decoder
 *     mirrors them); default [60, 30, 10]; may be empty
 * @param latentDim width of the compression bottleneck z_c, 1 to {@value #MAX_LATENT}; default 1 (the original's
 *     KDDCUP99 and Thyroid setting; 2 on Arrhythmia). z has width {@code latentDim + 2}
 * @param estimationHidden hidden width of the estimation network; default 10
 * @param components number of mixture components K; default 4
 * @param lambdaEnergy λ1, weight of the mean sample energy in L_B (≥ 0); default 0.1
 * @param lambdaCovariance λ2, weight of the penalty Σ_k Σ_j 1/Σ_k,jj (≥ 0); default 0.005
 * @param covarianceEpsilon ε added to every covariance diagonal (&gt; 0); default 1e-6, the smallest value that is
 *     not lost in float32 next to variances of order 1 (the original PyTorch code's 1e-12 is below float32's
 *     resolution there)
 * @param normGuard δ in the norms {@code sqrt(Σv² + δ²)} of the relative reconstruction error ‖x − x̂‖/‖x‖ and the
 *     cosine similarity (&gt; 0); default 1 (one standard deviation of a z-scored row's norm), {@code @paper} 1e-6.
 *     With z-scored features the rows nearest the origin are the most typical ones, and a vanishing guard gives
 *     them the largest relative errors, so the highest energies (and SG-DAGMM's pseudo-anomalies) were central
 *     normal rows (docs/models/sg-dagmm.md)
 * @param scorerHidden hidden width of the scoring network; default 10
 * @param training optimisation settings; SG paper defaults
 * @param guidance guidance settings; SG paper defaults (λ_DE = 0 for the plain {@code dagmm})
 */
public record DagmmHyperparameters(List<Integer> hiddenDims, int latentDim, int estimationHidden, int components,
        double lambdaEnergy, double lambdaCovariance, double covarianceEpsilon, double normGuard, int scorerHidden,
        TrainingConfig training, ScoreGuidance guidance) implements ScoreGuidedHyperparameters<DagmmHyperparameters> {

    /**
     * Largest bottleneck width: the GMM is unrolled into O(D³) graph ops for D = latentDim + 2, meant for DAGMM's
     * small latent codes.
     */
    public static final int MAX_LATENT = 8;

    /** Validates every field, reporting all violations together. */
    public DagmmHyperparameters {
        Violations v = new Violations();
        if (hiddenDims == null) {
            v.add("hiddenDims is missing (use [] for no hidden layer)");
        } else {
            for (int i = 0; i < hiddenDims.size(); i++) {
                Integer w = hiddenDims.get(i);
                v.require(w != null && w >= 1, "hiddenDims[" + i + "]", "must be ≥ 1", w);
            }
            hiddenDims = List.copyOf(hiddenDims.stream().filter(Objects::nonNull).toList());
        }
        v.require(latentDim >= 1 && latentDim <= MAX_LATENT, "latentDim", "must be in [1, " + MAX_LATENT + "]",
                latentDim);
        v.require(estimationHidden >= 1, "estimationHidden", "must be ≥ 1", estimationHidden);
        v.require(components >= 1, "components", "must be ≥ 1", components);
        v.require(lambdaEnergy >= 0 && Double.isFinite(lambdaEnergy), "lambdaEnergy", "must be ≥ 0", lambdaEnergy);
        v.require(lambdaCovariance >= 0 && Double.isFinite(lambdaCovariance), "lambdaCovariance", "must be ≥ 0",
                lambdaCovariance);
        v.require(covarianceEpsilon > 0 && Double.isFinite(covarianceEpsilon), "covarianceEpsilon", "must be > 0",
                covarianceEpsilon);
        v.require(normGuard > 0 && Double.isFinite(normGuard), "normGuard", "must be > 0", normGuard);
        ScoreGuidedHyperparameters.checkShared(v, training, guidance, scorerHidden);
        v.throwIfAny();
    }

    /**
     * @return the defaults: {@link #paper()} with the training settings resolved from the data
     *     ({@link TrainingConfig#defaults()}; docs/defaults.md)
     */
    public static DagmmHyperparameters defaults() {
        DagmmHyperparameters p = paper().withTraining(TrainingConfig.defaults()).withGuidance(ScoreGuidance.defaults());
        return new DagmmHyperparameters(p.hiddenDims, p.latentDim, p.estimationHidden, p.components, p.lambdaEnergy,
                p.lambdaCovariance, p.covarianceEpsilon, 1.0, p.scorerHidden, p.training, p.guidance);
    }

    /**
     * @return the original's KDDCUP99 architecture and loss weights, a 10-unit scorer, the SG paper's training and
     *     guidance
     */
    public static DagmmHyperparameters paper() {
        return new DagmmHyperparameters(List.of(60, 30, 10), 1, 10, 4, 0.1, 0.005, 1e-6, 1e-6, 10,
                TrainingConfig.paper(), ScoreGuidance.paper());
    }

    /**
     * @param inputDim the number of features d
     * @return the compression-encoder widths from d to the bottleneck
     */
    public int[] encoderWidths(int inputDim) {
        int[] out = new int[hiddenDims.size() + 2];
        out[0] = inputDim;
        for (int i = 0; i < hiddenDims.size(); i++) {
            out[i + 1] = hiddenDims.get(i);
        }
        out[out.length - 1] = latentDim;
        return out;
    }

    @Override
    public DagmmHyperparameters withGuidance(ScoreGuidance g) {
        return new DagmmHyperparameters(hiddenDims, latentDim, estimationHidden, components, lambdaEnergy,
                lambdaCovariance, covarianceEpsilon, normGuard, scorerHidden, training, g);
    }

    @Override
    public DagmmHyperparameters withTraining(TrainingConfig t) {
        return new DagmmHyperparameters(hiddenDims, latentDim, estimationHidden, components, lambdaEnergy,
                lambdaCovariance, covarianceEpsilon, normGuard, scorerHidden, t, guidance);
    }
}
