package org.sgm.models.dagmm;

import com.google.inject.Inject;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of SG-DAGMM ({@value #KEY}); {@link #plain()} is its plain twin ({@value #PLAIN_KEY}). */
public class DagmmProvider extends BackboneProvider<DagmmHyperparameters> {
    /** Registry key of SG-DAGMM. */
    public static final String KEY = "sg-dagmm";
    /** Registry key of the plain twin, {@link #plain()}: the backbone with λ_DE = 0, scored by its metric. */
    public static final String PLAIN_KEY = "dagmm";

    /** @param components the score-guidance components */
    @Inject
    public DagmmProvider(ScoreGuidedComponents components) {
        super(components, (hp, inputDim) -> new DagmmLearner(hp.encoderWidths(inputDim), hp.estimationHidden(),
                        hp.components(), hp.lambdaEnergy(), hp.lambdaCovariance(), hp.covarianceEpsilon(),
                        hp.normGuard()),
                DagmmHyperparameters.class, DagmmHyperparameters::paper, DagmmHyperparameters::defaults,
                KEY, "SG-DAGMM: DAGMM (Zong et al., ICLR 2018) with a score-guided scoring network",
                PLAIN_KEY, "DAGMM: deep autoencoding Gaussian mixture model scored by its sample energy "
                        + "(SG-DAGMM with λ_DE = 0)");
    }
}
