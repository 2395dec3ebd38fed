package org.sgm.examples.vae;

import com.google.inject.Inject;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of the example SG-VAE ({@value #KEY}); {@link #plain()} is its plain twin ({@value #PLAIN_KEY}). */
public class VaeProvider extends BackboneProvider<VaeHyperparameters> {
    /** Registry key of SG-VAE. */
    public static final String KEY = "sg-vae";
    /** Registry key of the plain twin, {@link #plain()}: the backbone with λ_DE = 0, scored by its metric. */
    public static final String PLAIN_KEY = "vae";
    private static final String DESCRIPTION = "SG-VAE (example from sgm-examples): variational autoencoder (Kingma & "
            + "Welling, ICLR 2014) with a score-guided scoring network";
    private static final String PLAIN_DESCRIPTION = "VAE (example from sgm-examples): variational autoencoder scored "
            + "by ‖x − dec(μ)‖₂ (SG-VAE with λ_DE = 0)";

    /**
     * @param components the score-guidance components
     */
    @Inject
    public VaeProvider(ScoreGuidedComponents components) {
        super(KEY, DESCRIPTION, PLAIN_KEY, PLAIN_DESCRIPTION, components);
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
}
