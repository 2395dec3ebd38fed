package org.sgm.models.sgae;

import java.util.List;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of SG-AE and its plain twin. Every violation is reported at once.
 *
 * @param hiddenDims encoder widths after the input, bottleneck last (the decoder mirrors them); empty = the paper's
 *     "auto" rule ({@link HiddenDims#auto})
 * @param scorerHidden hidden width of the scoring network; default 10
 * @param training optimisation settings; paper defaults
 * @param guidance guidance settings; paper defaults (λ_DE = 0 for the plain {@code ae})
 */
public record SgAeHyperparameters(List<Integer> hiddenDims, int scorerHidden, TrainingConfig training,
        ScoreGuidance guidance) implements ScoreGuidedHyperparameters<SgAeHyperparameters> {

    /** Validates every field, reporting all violations together. */
    public SgAeHyperparameters {
        Violations v = new Violations();
        hiddenDims = HiddenDims.check(hiddenDims, v);
        ScoreGuidedHyperparameters.checkShared(v, training, guidance, scorerHidden);
        v.throwIfAny();
    }

    /**
     * @return the defaults: {@link #paper()} with the training settings resolved from the data
     *     ({@link TrainingConfig#defaults()}; docs/defaults.md)
     */
    public static SgAeHyperparameters defaults() {
        return paper().withTraining(TrainingConfig.defaults()).withGuidance(ScoreGuidance.defaults());
    }

    /** @return the paper's defaults: auto widths, 10-unit scorer, paper training and guidance */
    public static SgAeHyperparameters paper() {
        return new SgAeHyperparameters(List.of(), 10, TrainingConfig.paper(), ScoreGuidance.paper());
    }

    @Override
    public SgAeHyperparameters withGuidance(ScoreGuidance g) {
        return new SgAeHyperparameters(hiddenDims, scorerHidden, training, g);
    }

    @Override
    public SgAeHyperparameters withTraining(TrainingConfig t) {
        return new SgAeHyperparameters(hiddenDims, scorerHidden, t, guidance);
    }
}
