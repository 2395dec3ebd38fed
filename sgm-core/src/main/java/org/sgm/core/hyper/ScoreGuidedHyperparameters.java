package org.sgm.core.hyper;

/**
 * What every score-guided model's hyperparameter record has besides its backbone's own fields.
 *
 * @param <H> the record type itself
 */
public interface ScoreGuidedHyperparameters<H extends Record & ScoreGuidedHyperparameters<H>> {

    /** @return optimisation settings */
    TrainingConfig training();

    /** @return guidance settings (λ_DE = 0: the plain backbone) */
    ScoreGuidance guidance();

    /** @return the hidden width of the scoring network (the paper: 10) */
    int scorerHidden();

    /**
     * @param g new guidance settings
     * @return a copy with them
     */
    H withGuidance(ScoreGuidance g);

    /**
     * @param t new optimisation settings
     * @return a copy with them (a fit stores its hyperparameters with the resolved settings this way)
     */
    H withTraining(TrainingConfig t);

    /**
     * Adds the violations of the shared parts to {@code v}; records call this from their compact constructor.
     *
     * @param v the collector
     * @param training optimisation settings
     * @param guidance guidance settings
     * @param scorerHidden the scorer's hidden width
     */
    static void checkShared(Violations v, TrainingConfig training, ScoreGuidance guidance, int scorerHidden) {
        if (training == null) {
            v.add("training is missing");
        } else {
            training.check(v, "training.");
        }
        if (guidance == null) {
            v.add("guidance is missing");
        } else {
            guidance.check(v, "guidance.");
        }
        v.require(scorerHidden >= 1, "scorerHidden", "must be ≥ 1", scorerHidden);
    }
}
