package org.sgm.models.dsvdd;

import com.google.inject.Inject;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** Registry entry of SG-DSVDD ({@value #KEY}); {@link #plain()} is its plain twin ({@value #PLAIN_KEY}). */
public class DsvddProvider extends BackboneProvider<DsvddHyperparameters> {
    /** Registry key of SG-DSVDD. */
    public static final String KEY = "sg-dsvdd";
    /** Registry key of the plain twin, {@link #plain()}: the backbone with λ_DE = 0, scored by its metric. */
    public static final String PLAIN_KEY = "dsvdd";

    /** @param components the score-guidance components */
    @Inject
    public DsvddProvider(ScoreGuidedComponents components) {
        super(components, (hp, inputDim) -> new DsvddLearner(hp.widths(inputDim), hp.weightDecay()),
                DsvddHyperparameters.class, DsvddHyperparameters::paper, DsvddHyperparameters::defaults,
                KEY, "SG-DSVDD: Deep SVDD (Ruff et al., ICML 2018) with a score-guided scoring network",
                PLAIN_KEY, "Deep SVDD (Ruff et al., ICML 2018), one-class objective, scored by ‖φ(x) − c‖² "
                        + "(SG-DSVDD with λ_DE = 0)");
    }
}
