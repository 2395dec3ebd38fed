package org.sgm.examples.vae;

import com.google.inject.Inject;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of the example SG-VAE ({@value #KEY}); {@link Plain} is its plain twin ({@value Plain#KEY}). */
public class VaeProvider extends BackboneProvider<VaeHyperparameters> {
    /** Registry key of SG-VAE. */
    public static final String KEY = "sg-vae";

    /**
     * @param components the score-guidance components
     */
    @Inject
    public VaeProvider(ScoreGuidedComponents components) {
        super(KEY, "SG-VAE (example from sgm-examples): variational autoencoder (Kingma & Welling, ICLR 2014) "
                + "with a score-guided scoring network", true, components);
    }

    VaeProvider(String key, String description, ScoreGuidedComponents components) {
        super(key, description, false, components);
    }

    @Override
    public Class<VaeHyperparameters> hyperparametersType() {
        return VaeHyperparameters.class;
    }

    @Override
    protected VaeHyperparameters paperDefaults() {
        return VaeHyperparameters.paper();
    }

    @Override
    protected RepresentationLearner createLearner(VaeHyperparameters hp, int inputDim) {
        return new VaeLearner(inputDim, hp);
    }

    /** The plain VAE, scored by the reconstruction error of its mean code. */
    public static final class Plain extends VaeProvider {
        /** Registry key of the plain VAE. */
        public static final String KEY = "vae";

        /**
         * @param components the score-guidance components (unused unless λ_DE is set above 0)
         */
        @Inject
        public Plain(ScoreGuidedComponents components) {
            super(KEY, "VAE (example from sgm-examples): variational autoencoder scored by ‖x − dec(μ)‖₂ "
                    + "(SG-VAE with λ_DE = 0)", components);
        }
    }
}
