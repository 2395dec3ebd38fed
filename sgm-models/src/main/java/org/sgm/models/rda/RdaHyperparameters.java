package org.sgm.models.rda;

import java.util.List;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.hyper.Violations;
import org.sgm.models.sgae.HiddenDims;

/**
 * Hyperparameters of SG-RDA and its plain twin. Every violation is reported at once.
 *
 * <p>Training is the SG paper's ({@link TrainingConfig#defaults()}), its epochs being RDA's inner epochs: 100 epochs
 * with {@code innerEpochs = 10} are 10 outer iterations. (The original RDA code trains its autoencoder with its own
 * optimiser settings per data set; the SG paper's are kept so that SG-RDA and SG-AE train alike.)
 *
 * @param hiddenDims encoder widths after the input, bottleneck last (the decoder mirrors them); empty = SG-AE's
 *     "auto" rule ({@link HiddenDims#auto}); default empty
 * @param lambdaScale the ℓ2,1 threshold relative to the typical norm of a standardised row: λ = lambdaScale·√d
 *     (&gt; 0), used when {@code lambdaPercentile} is null (the paper preset); default 1. A z-scored row has E‖x‖² = d, so by default a row gets a non-zero sparse part when the
 *     autoencoder leaves more of it unexplained than the whole norm of a typical row. The original tunes λ per data
 *     set; this default needs neither labels nor a quantile of the data
 * @param lambdaPercentile when given (in (0, 100)), λ is instead re-chosen at every outer step as this percentile of
 *     the rows' residual norms ‖X − L̂‖₂ there, so that the sparse part S holds about the top {@code 100 −
 *     lambdaPercentile} % of the rows whatever the data's scale (a label-free rule; lambdaScale is then unused);
 *     null: λ = lambdaScale·√d. Default 90 ({@link #AUTO_LAMBDA_PERCENTILE}); the paper preset: null
 * @param innerEpochs epochs of autoencoder training per outer iteration (≥ 1); null (the default): the outer steps
 *     are spread over the fit's optimizer steps, one every tenth of them ({@link RdaLearner#spread}), so that every
 *     fit makes {@value #AUTO_OUTER} outer iterations whatever its epoch count, a single-epoch fit on a large file
 *     included (round 2, docs/defaults.md); the paper preset: 10
 * @param scorerHidden hidden width of the scoring network; default 10
 * @param training optimisation settings; SG paper defaults
 * @param guidance guidance settings; SG paper defaults (λ_DE = 0 for the plain {@code rda})
 */
public record RdaHyperparameters(List<Integer> hiddenDims, double lambdaScale, Double lambdaPercentile,
        Integer innerEpochs, int scorerHidden,
        TrainingConfig training, ScoreGuidance guidance) implements ScoreGuidedHyperparameters<RdaHyperparameters> {

    /**
     * The default λ rule: the 90th percentile of the residual row norms at each outer step (about the top 10 % of
     * the rows get a sparse part). With the fixed λ = √d the sparse part stayed zero on the large files and RDA
     * equalled the plain autoencoder (docs/defaults.md).
     */
    public static final double AUTO_LAMBDA_PERCENTILE = 90;

    /** Outer iterations of a fit with the automatic schedule ({@code innerEpochs} null). */
    public static final int AUTO_OUTER = 10;

    /** Validates every field, reporting all violations together. */
    public RdaHyperparameters {
        Violations v = new Violations();
        hiddenDims = HiddenDims.check(hiddenDims, v);
        v.require(lambdaScale > 0 && Double.isFinite(lambdaScale), "lambdaScale", "must be > 0", lambdaScale);
        v.require(lambdaPercentile == null || lambdaPercentile > 0 && lambdaPercentile < 100, "lambdaPercentile",
                "must be in (0, 100)", lambdaPercentile);
        v.require(innerEpochs == null || innerEpochs >= 1, "innerEpochs", "must be ≥ 1",
                innerEpochs);
        ScoreGuidedHyperparameters.checkShared(v, training, guidance, scorerHidden);
        v.throwIfAny();
    }

    /**
     * @return the defaults: {@link #paper()} with the training settings resolved from the data
     *     ({@link TrainingConfig#defaults()}; docs/defaults.md)
     */
    public static RdaHyperparameters defaults() {
        RdaHyperparameters p = paper();
        return new RdaHyperparameters(p.hiddenDims, p.lambdaScale, AUTO_LAMBDA_PERCENTILE, null, p.scorerHidden,
                TrainingConfig.defaults(), ScoreGuidance.defaults());
    }

    /** @return auto widths, λ = √d, 10 inner epochs, a 10-unit scorer, the SG paper's training and guidance */
    public static RdaHyperparameters paper() {
        return new RdaHyperparameters(List.of(), 1.0, null, 10, 10, TrainingConfig.paper(), ScoreGuidance.paper());
    }

    /**
     * @param inputDim the number of features d
     * @return the absolute threshold λ = lambdaScale·√d
     */
    public double lambda(int inputDim) {
        return lambdaScale * Math.sqrt(inputDim);
    }

    @Override
    public RdaHyperparameters withGuidance(ScoreGuidance g) {
        return new RdaHyperparameters(hiddenDims, lambdaScale, lambdaPercentile, innerEpochs, scorerHidden, training, g);
    }

    @Override
    public RdaHyperparameters withTraining(TrainingConfig t) {
        return new RdaHyperparameters(hiddenDims, lambdaScale, lambdaPercentile, innerEpochs, scorerHidden, t, guidance);
    }
}
