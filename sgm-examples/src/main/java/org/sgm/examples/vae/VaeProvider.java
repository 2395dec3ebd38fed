package org.sgm.examples.vae;

import com.google.inject.Inject;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of the example SG-VAE ({@value #KEY}); {@link #plain()} is its plain twin ({@value #PLAIN_KEY}). */
public class VaeProvider extends BackboneProvider<VaeHyperparameters> {
    /** Registry key of SG-VAE. */
    public static final String KEY = "sg-vae";
    /** Registry key of the plain twin, {@link #plain()}: the backbone with λ_DE = 0, scored by its metric. */
    public static final String PLAIN_KEY = "vae";

    /** @param components the score-guidance components */
    @Inject
    public VaeProvider(ScoreGuidedComponents components) {
        super(components, (hp, inputDim) -> new VaeLearner(inputDim, hp),
                VaeHyperparameters.class, VaeHyperparameters::paper, VaeHyperparameters::defaults,
                KEY, "SG-VAE (example from sgm-examples): variational autoencoder (Kingma & Welling, ICLR 2014) "
                        + "with a score-guided scoring network",
                PLAIN_KEY, "VAE (example from sgm-examples): variational autoencoder scored by ‖x − dec(μ)‖₂ "
                        + "(SG-VAE with λ_DE = 0)");
    }
}
