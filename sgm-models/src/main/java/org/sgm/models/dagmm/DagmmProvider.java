package org.sgm.models.dagmm;

import com.google.inject.Inject;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of SG-DAGMM ({@value #KEY}); {@link Plain} is its plain twin ({@value Plain#KEY}). */
public class DagmmProvider extends BackboneProvider<DagmmHyperparameters> {
    /** Registry key of SG-DAGMM. */
    public static final String KEY = "sg-dagmm";

    /**
     * @param components the score-guidance components
     */
    @Inject
    public DagmmProvider(ScoreGuidedComponents components) {
        super(KEY, "SG-DAGMM: DAGMM (Zong et al., ICLR 2018) with a score-guided scoring network", true, components);
    }

    DagmmProvider(String key, String description, ScoreGuidedComponents components) {
        super(key, description, false, components);
    }

    @Override
    public Class<DagmmHyperparameters> hyperparametersType() {
        return DagmmHyperparameters.class;
    }

    @Override
    protected DagmmHyperparameters paperDefaults() {
        return DagmmHyperparameters.paper();
    }

    @Override
    protected DagmmHyperparameters autoDefaults() {
        return DagmmHyperparameters.defaults(); // automatic training, and the norm guard for z-scored data
    }

    @Override
    protected RepresentationLearner createLearner(DagmmHyperparameters hp, int inputDim) {
        return new DagmmLearner(hp.encoderWidths(inputDim), hp.estimationHidden(), hp.components(), hp.lambdaEnergy(),
                hp.lambdaCovariance(), hp.covarianceEpsilon(), hp.normGuard());
    }

    /** Plain DAGMM: SG-DAGMM with λ_DE = 0, scored by the sample energy under the training-set GMM. */
    public static final class Plain extends DagmmProvider {
        /** Registry key of plain DAGMM. */
        public static final String KEY = "dagmm";

        /**
         * @param components the score-guidance components (unused unless λ_DE is set above 0)
         */
        @Inject
        public Plain(ScoreGuidedComponents components) {
            super(KEY, "DAGMM: deep autoencoding Gaussian mixture model scored by its sample energy "
                    + "(SG-DAGMM with λ_DE = 0)", components);
        }
    }
}
