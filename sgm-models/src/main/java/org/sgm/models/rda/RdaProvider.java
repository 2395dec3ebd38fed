package org.sgm.models.rda;

import com.google.inject.Inject;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;
import org.sgm.models.sgae.HiddenDims;

/** Registry entry of SG-RDA ({@value #KEY}); {@link #plain()} is its plain twin ({@value #PLAIN_KEY}). */
public class RdaProvider extends BackboneProvider<RdaHyperparameters> {
    /** Registry key of SG-RDA. */
    public static final String KEY = "sg-rda";
    /** Registry key of the plain twin, {@link #plain()}: the backbone with λ_DE = 0, scored by its metric. */
    public static final String PLAIN_KEY = "rda";

    /** @param components the score-guidance components */
    @Inject
    public RdaProvider(ScoreGuidedComponents components) {
        super(components, (hp, inputDim) -> hp.innerEpochs() == null
                        ? RdaLearner.spread(HiddenDims.resolve(inputDim, hp.hiddenDims()), hp.lambda(inputDim),
                                hp.lambdaPercentile(), RdaHyperparameters.AUTO_OUTER)
                        : new RdaLearner(HiddenDims.resolve(inputDim, hp.hiddenDims()), hp.lambda(inputDim),
                                hp.lambdaPercentile(), hp.innerEpochs()),
                RdaHyperparameters.class, RdaHyperparameters::paper, RdaHyperparameters::defaults,
                KEY, "SG-RDA: robust deep autoencoder, ℓ2,1 (Zhou & Paffenroth, KDD 2017) with a score-guided "
                        + "scoring network",
                PLAIN_KEY, "RDA: robust deep autoencoder (ℓ2,1) scored by reconstruction error ‖x − AE(x)‖₂ "
                        + "(SG-RDA with λ_DE = 0)");
    }
}
