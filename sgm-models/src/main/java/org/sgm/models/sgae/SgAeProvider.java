package org.sgm.models.sgae;

import com.google.inject.Inject;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of SG-AE ({@value #KEY}); {@link #plain()} is its plain twin ({@value #PLAIN_KEY}). */
public class SgAeProvider extends BackboneProvider<SgAeHyperparameters> {
    /** Registry key of SG-AE. */
    public static final String KEY = "sg-ae";
    /** Registry key of the plain twin, {@link #plain()}: the backbone with λ_DE = 0, scored by its metric. */
    public static final String PLAIN_KEY = "ae";

    /** @param components the score-guidance components */
    @Inject
    public SgAeProvider(ScoreGuidedComponents components) {
        super(components, (hp, inputDim) -> new DenseAutoencoder(HiddenDims.resolve(inputDim, hp.hiddenDims())),
                SgAeHyperparameters.class, SgAeHyperparameters::paper, SgAeHyperparameters::defaults,
                KEY, "SG-AE: autoencoder with a score-guided scoring network (Huang et al., TNNLS 2023)",
                PLAIN_KEY, "AE: plain autoencoder scored by reconstruction error ‖x − x̂‖₂ (SG-AE with λ_DE = 0)");
    }
}
