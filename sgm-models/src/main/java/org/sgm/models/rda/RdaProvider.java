package org.sgm.models.rda;

import com.google.inject.Inject;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;
import org.sgm.models.sgae.HiddenDims;

/** Registry entry of SG-RDA ({@value #KEY}); {@link Plain} is its plain twin ({@value Plain#KEY}). */
public class RdaProvider extends BackboneProvider<RdaHyperparameters> {
    /** Registry key of SG-RDA. */
    public static final String KEY = "sg-rda";

    /**
     * @param components the score-guidance components
     */
    @Inject
    public RdaProvider(ScoreGuidedComponents components) {
        super(KEY, "SG-RDA: robust deep autoencoder, ℓ2,1 (Zhou & Paffenroth, KDD 2017) with a score-guided scoring "
                + "network", true, components);
    }

    RdaProvider(String key, String description, ScoreGuidedComponents components) {
        super(key, description, false, components);
    }

    @Override
    public Class<RdaHyperparameters> hyperparametersType() {
        return RdaHyperparameters.class;
    }

    @Override
    protected RdaHyperparameters paperDefaults() {
        return RdaHyperparameters.paper();
    }

    @Override
    protected RdaHyperparameters autoDefaults() {
        return RdaHyperparameters.defaults(); // automatic training and inner epochs
    }

    @Override
    protected RepresentationLearner createLearner(RdaHyperparameters hp, int inputDim) {
        return new RdaLearner(HiddenDims.resolve(inputDim, hp.hiddenDims()), hp.lambda(inputDim),
                hp.lambdaPercentile(), hp.innerEpochs(hp.training().resolve(1).epochs()));
    }

    /** Plain RDA: SG-RDA with λ_DE = 0, scored by the reconstruction error ‖x − AE(x)‖₂. */
    public static final class Plain extends RdaProvider {
        /** Registry key of plain RDA. */
        public static final String KEY = "rda";

        /**
         * @param components the score-guidance components (unused unless λ_DE is set above 0)
         */
        @Inject
        public Plain(ScoreGuidedComponents components) {
            super(KEY, "RDA: robust deep autoencoder (ℓ2,1) scored by reconstruction error ‖x − AE(x)‖₂ "
                    + "(SG-RDA with λ_DE = 0)", components);
        }
    }
}
