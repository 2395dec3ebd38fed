package org.sgm.models.dsvdd;

import com.google.inject.Inject;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of SG-DSVDD ({@value #KEY}); {@link #plain()} is its plain twin ({@value #PLAIN_KEY}). */
public class DsvddProvider extends BackboneProvider<DsvddHyperparameters> {
    /** Registry key of SG-DSVDD. */
    public static final String KEY = "sg-dsvdd";
    /** Registry key of the plain twin, {@link #plain()}: the backbone with λ_DE = 0, scored by its metric. */
    public static final String PLAIN_KEY = "dsvdd";
    private static final String DESCRIPTION = "SG-DSVDD: Deep SVDD (Ruff et al., ICML 2018) with a score-guided "
            + "scoring network";
    private static final String PLAIN_DESCRIPTION = "Deep SVDD (Ruff et al., ICML 2018), one-class objective, scored "
            + "by ‖φ(x) − c‖² (SG-DSVDD with λ_DE = 0)";

    /**
     * @param components the score-guidance components
     */
    @Inject
    public DsvddProvider(ScoreGuidedComponents components) {
        super(KEY, DESCRIPTION, PLAIN_KEY, PLAIN_DESCRIPTION, components);
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
}
