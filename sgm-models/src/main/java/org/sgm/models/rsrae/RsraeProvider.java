package org.sgm.models.rsrae;

import com.google.inject.Inject;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of SG-RSRAE ({@value #KEY}); {@link #plain()} is its plain twin ({@value #PLAIN_KEY}). */
public class RsraeProvider extends BackboneProvider<RsraeHyperparameters> {
    /** Registry key of SG-RSRAE. */
    public static final String KEY = "sg-rsrae";
    /** Registry key of the plain twin, {@link #plain()}: the backbone with λ_DE = 0, scored by its metric. */
    public static final String PLAIN_KEY = "rsrae";

    /** @param components the score-guidance components */
    @Inject
    public RsraeProvider(ScoreGuidedComponents components) {
        super(components, (hp, inputDim) -> new RsraeLearner(inputDim,
                        hp.hiddenDims().stream().mapToInt(Integer::intValue).toArray(), hp.intrinsicDim(),
                        hp.lambda1(), hp.lambda2(), hp.alternate(), hp.metric()),
                RsraeHyperparameters.class, RsraeHyperparameters::paper, RsraeHyperparameters::defaults,
                KEY, "SG-RSRAE: robust subspace recovery autoencoder (Lai et al., ICLR 2020) with a score-guided "
                        + "scoring network",
                PLAIN_KEY, "RSRAE (Lai et al., ICLR 2020), scored by reconstruction error ‖x − x̃‖₂ by default "
                        + "(SG-RSRAE with λ_DE = 0)");
    }
}
