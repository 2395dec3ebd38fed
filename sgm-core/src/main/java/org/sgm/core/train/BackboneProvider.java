package org.sgm.core.train;

import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.spi.RepresentationLearner;

/**
 * The registry entry of a score-guided backbone. A backbone subclasses it and implements only
 * {@link #createLearner} and {@link #paperDefaults}; the same class serves the SG model (guided) and its plain twin
 * (guidance off by default, scored by the backbone's own metric).
 *
 * <p>Defaults: the original papers' with the training settings resolved from the data ({@link #autoDefaults},
 * {@link TrainingConfig#defaults()}); the preset {@value #PAPER} ({@code KEY@paper}) keeps the authors' exact
 * settings. The plain twin gets the same settings with λ_DE = 0, so both train alike.
 *
 * @param <H> the backbone's hyperparameter record
 */
public abstract class BackboneProvider<H extends Record & ScoreGuidedHyperparameters<H>> implements DetectorProvider<H> {
    /** Name of the preset with the original papers' exact defaults. */
    public static final String PAPER = "paper";
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

    /**
     * The backbone a fit of these hyperparameters trains (for benchmarks and tests that drive a network directly).
     *
     * @param hyperparameters validated hyperparameters
     * @param inputDim the number of features
     * @return a fresh backbone
     */
    public final RepresentationLearner learner(H hyperparameters, int inputDim) {
        return createLearner(hyperparameters, inputDim);
    }

    /** @return the original papers' defaults with the guidance on */
    protected abstract H paperDefaults();

    /**
     * @return the defaults with the guidance on: {@link #paperDefaults} with automatic training settings
     *     ({@link TrainingConfig#defaults()}); a backbone may override this
     */
    protected H autoDefaults() {
        return paperDefaults().withTraining(TrainingConfig.defaults()).withGuidance(ScoreGuidance.defaults());
    }

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
        return twin(autoDefaults());
    }

    private H twin(H d) {
        return guided ? d : d.withGuidance(d.guidance().withLambdaDE(0));
    }

    @Override
    public AnomalyDetector create(H hp) {
        return detector(key, hp);
    }

    @Override
    public FittedDetector restore(H hp, ModelState state) {
        return detector(key, hp).restore(state);
    }

    @Override
    public java.util.Set<String> presets() {
        return java.util.Set.of(PAPER);
    }

    @Override
    public DetectorProvider<H> preset(String name) {
        if (!PAPER.equals(name)) {
            return DetectorProvider.super.preset(name);
        }
        BackboneProvider<H> base = this;
        String presetKey = key + "@" + PAPER;
        return new DetectorProvider<>() {
            @Override
            public String key() {
                return presetKey;
            }

            @Override
            public String description() {
                return base.description + " — the original papers' exact defaults";
            }

            @Override
            public Class<H> hyperparametersType() {
                return base.hyperparametersType();
            }

            @Override
            public H defaults() {
                return base.twin(base.paperDefaults());
            }

            @Override
            public AnomalyDetector create(H hp) {
                return base.detector(presetKey, hp);
            }

            @Override
            public FittedDetector restore(H hp, ModelState state) {
                return base.detector(presetKey, hp).restore(state);
            }
        };
    }

    private ScoreGuidedDetector detector(String detectorKey, H hp) {
        return ScoreGuidedDetector.of(detectorKey, hp, components.withScorerHidden(hp.scorerHidden()),
                this::createLearner);
    }
}
