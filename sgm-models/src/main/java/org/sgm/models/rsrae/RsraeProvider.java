package org.sgm.models.rsrae;

import com.google.inject.Inject;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of SG-RSRAE ({@value #KEY}); {@link Plain} is its plain twin ({@value Plain#KEY}). */
public class RsraeProvider extends BackboneProvider<RsraeHyperparameters> {
    /** Registry key of SG-RSRAE. */
    public static final String KEY = "sg-rsrae";

    /**
     * @param components the score-guidance components
     */
    @Inject
    public RsraeProvider(ScoreGuidedComponents components) {
        super(KEY, "SG-RSRAE: robust subspace recovery autoencoder (Lai et al., ICLR 2020) with a score-guided "
                + "scoring network", true, components);
    }

    RsraeProvider(String key, String description, ScoreGuidedComponents components) {
        super(key, description, false, components);
    }

    @Override
    public Class<RsraeHyperparameters> hyperparametersType() {
        return RsraeHyperparameters.class;
    }

    @Override
    protected RsraeHyperparameters paperDefaults() {
        return RsraeHyperparameters.paper();
    }

    @Override
    protected RepresentationLearner createLearner(RsraeHyperparameters hp, int inputDim) {
        return new RsraeLearner(inputDim, hp.hiddenDims().stream().mapToInt(Integer::intValue).toArray(),
                hp.intrinsicDim(), hp.lambda1(), hp.lambda2(), hp.alternate(), hp.metric());
    }

    /** Plain RSRAE: SG-RSRAE with λ_DE = 0, scored by its own metric (‖x − x̃‖₂ by default). */
    public static final class Plain extends RsraeProvider {
        /** Registry key of plain RSRAE. */
        public static final String KEY = "rsrae";

        /**
         * @param components the score-guidance components (unused unless λ_DE is set above 0)
         */
        @Inject
        public Plain(ScoreGuidedComponents components) {
            super(KEY, "RSRAE (Lai et al., ICLR 2020), scored by reconstruction error ‖x − x̃‖₂ by default "
                    + "(SG-RSRAE with λ_DE = 0)", components);
        }
    }
}
