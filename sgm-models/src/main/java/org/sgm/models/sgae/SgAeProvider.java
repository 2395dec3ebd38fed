package org.sgm.models.sgae;

import com.google.inject.Inject;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of SG-AE ({@value #KEY}); {@link Plain} is its plain twin ({@value Plain#KEY}). */
public class SgAeProvider extends BackboneProvider<SgAeHyperparameters> {
    /** Registry key of SG-AE. */
    public static final String KEY = "sg-ae";

    /**
     * @param components the score-guidance components
     */
    @Inject
    public SgAeProvider(ScoreGuidedComponents components) {
        super(KEY, "SG-AE: autoencoder with a score-guided scoring network (Huang et al., TNNLS 2023)", true,
                components);
    }

    SgAeProvider(String key, String description, ScoreGuidedComponents components) {
        super(key, description, false, components);
    }

    @Override
    public Class<SgAeHyperparameters> hyperparametersType() {
        return SgAeHyperparameters.class;
    }

    @Override
    protected SgAeHyperparameters paperDefaults() {
        return SgAeHyperparameters.paper();
    }

    @Override
    protected RepresentationLearner createLearner(SgAeHyperparameters hp, int inputDim) {
        return new DenseAutoencoder(HiddenDims.resolve(inputDim, hp.hiddenDims()));
    }

    /** The plain autoencoder: SG-AE with λ_DE = 0, scored by its reconstruction error. */
    public static final class Plain extends SgAeProvider {
        /** Registry key of the plain autoencoder. */
        public static final String KEY = "ae";

        /**
         * @param components the score-guidance components (unused unless λ_DE is set above 0)
         */
        @Inject
        public Plain(ScoreGuidedComponents components) {
            super(KEY, "AE: plain autoencoder scored by reconstruction error ‖x − x̂‖₂ (SG-AE with λ_DE = 0)",
                    components);
        }
    }
}
