package org.sgm.models.dsvdd;

import com.google.inject.Inject;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of SG-DSVDD ({@value #KEY}); {@link Plain} is its plain twin ({@value Plain#KEY}). */
public class DsvddProvider extends BackboneProvider<DsvddHyperparameters> {
    /** Registry key of SG-DSVDD. */
    public static final String KEY = "sg-dsvdd";

    /**
     * @param components the score-guidance components
     */
    @Inject
    public DsvddProvider(ScoreGuidedComponents components) {
        super(KEY, "SG-DSVDD: Deep SVDD (Ruff et al., ICML 2018) with a score-guided scoring network", true,
                components);
    }

    DsvddProvider(String key, String description, ScoreGuidedComponents components) {
        super(key, description, false, components);
    }

    @Override
    public Class<DsvddHyperparameters> hyperparametersType() {
        return DsvddHyperparameters.class;
    }

    @Override
    protected DsvddHyperparameters paperDefaults() {
        return DsvddHyperparameters.paper();
    }

    @Override
    protected RepresentationLearner createLearner(DsvddHyperparameters hp, int inputDim) {
        return new DsvddLearner(hp.widths(inputDim), hp.weightDecay());
    }

    /** Plain Deep SVDD: SG-DSVDD with λ_DE = 0, scored by the squared distance to the centre. */
    public static final class Plain extends DsvddProvider {
        /** Registry key of plain Deep SVDD. */
        public static final String KEY = "dsvdd";

        /**
         * @param components the score-guidance components (unused unless λ_DE is set above 0)
         */
        @Inject
        public Plain(ScoreGuidedComponents components) {
            super(KEY, "Deep SVDD (Ruff et al., ICML 2018), one-class objective, scored by ‖φ(x) − c‖² "
                    + "(SG-DSVDD with λ_DE = 0)", components);
        }
    }
}
