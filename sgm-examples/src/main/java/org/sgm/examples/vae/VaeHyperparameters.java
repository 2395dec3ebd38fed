package org.sgm.examples.vae;

import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of the example VAE. Every violation is reported at once.
 *
 * @param hidden width of the encoder's (and decoder's) hidden layer; default 64
 * @param latent width of the latent code; default 8
 * @param beta weight of the KL term (β-VAE; 1 = the plain VAE); default 1
 * @param scorerHidden hidden width of the scoring network; default 10
 * @param training optimisation settings; the SG paper's
 * @param guidance guidance settings; the SG paper's (λ_DE = 0 for the plain {@code vae})
 */
public record VaeHyperparameters(int hidden, int latent, double beta, int scorerHidden, TrainingConfig training,
        ScoreGuidance guidance) implements ScoreGuidedHyperparameters<VaeHyperparameters> {

    /** Validates every field, reporting all violations together. */
    public VaeHyperparameters {
        Violations v = new Violations();
        v.require(hidden >= 1, "hidden", "must be ≥ 1", hidden);
        v.require(latent >= 1, "latent", "must be ≥ 1", latent);
        v.require(beta >= 0 && Double.isFinite(beta), "beta", "must be ≥ 0", beta);
        ScoreGuidedHyperparameters.checkShared(v, training, guidance, scorerHidden);
        v.throwIfAny();
    }

    /**
     * @return the defaults: {@link #paper()} with the training settings resolved from the data
     *     ({@link TrainingConfig#defaults()}; docs/defaults.md)
     */
    public static VaeHyperparameters defaults() {
        return paper().withTraining(TrainingConfig.defaults()).withGuidance(ScoreGuidance.defaults());
    }

    /** @return 64 hidden units, 8 latent, β = 1, the SG paper's scorer, training and guidance */
    public static VaeHyperparameters paper() {
        return new VaeHyperparameters(64, 8, 1.0, 10, TrainingConfig.paper(), ScoreGuidance.paper());
    }

    @Override
    public VaeHyperparameters withGuidance(ScoreGuidance g) {
        return new VaeHyperparameters(hidden, latent, beta, scorerHidden, training, g);
    }

    @Override
    public VaeHyperparameters withTraining(TrainingConfig t) {
        return new VaeHyperparameters(hidden, latent, beta, scorerHidden, t, guidance);
    }
}
