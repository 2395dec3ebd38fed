package org.sgm.core.train;

import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.spi.RepresentationLearner;

/**
 * The registry entry of a score-guided backbone. A backbone subclasses it and implements only
 * {@link #createLearner} and {@link #paperDefaults}; the same class serves the SG model (guided) and its plain twin
 * (guidance off by default, scored by the backbone's own metric).
 *
 * @param <H> the backbone's hyperparameter record
 */
public abstract class BackboneProvider<H extends Record & ScoreGuidedHyperparameters<H>> implements DetectorProvider<H> {
    private final String key;
    private final String description;
    private final boolean guided;
    private final ScoreGuidedComponents components;

    /**
     * @param key registry key
     * @param description one line for {@code sgm models}
     * @param guided true for the SG model, false for the plain twin (its defaults have λ_DE = 0)
     * @param components scorer, regularizer and pseudo-labeller (the paper's unless a Guice binding says otherwise)
     */
    protected BackboneProvider(String key, String description, boolean guided, ScoreGuidedComponents components) {
        this.key = key;
        this.description = description;
        this.guided = guided;
        this.components = components;
    }

    /**
     * @param hyperparameters validated hyperparameters
     * @param inputDim the number of features
     * @return a fresh backbone for one fit
     */
    protected abstract RepresentationLearner createLearner(H hyperparameters, int inputDim);

    /** @return the original papers' defaults with the guidance on */
    protected abstract H paperDefaults();

    @Override
    public String key() {
        return key;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public H defaults() {
        H d = paperDefaults();
        return guided ? d : d.withGuidance(d.guidance().withLambdaDE(0));
    }

    @Override
    public AnomalyDetector create(H hp) {
        return detector(hp);
    }

    @Override
    public FittedDetector restore(H hp, ModelState state) {
        return detector(hp).restore(state);
    }

    private ScoreGuidedDetector detector(H hp) {
        return new ScoreGuidedDetector(key, hp, hp.training(), hp.guidance(),
                components.withScorerHidden(hp.scorerHidden()), d -> createLearner(hp, d));
    }
}
