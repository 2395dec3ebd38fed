package org.sgm.core.train;

import com.google.inject.Binder;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Provider;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.registry.Detectors;
import org.sgm.core.spi.RepresentationLearner;

/**
 * The registry entry of a score-guided backbone, and of its plain twin by construction. A backbone subclasses it
 * with one {@code @Inject} constructor that declares everything in one call: its network (a learner for the
 * hyperparameters and the number of features), its hyperparameter record with the original papers' defaults and
 * the automatic ones, and its SG key and its twin's key with their descriptions. It registers both with one Guice
 * line, {@link #bind}; {@link #plain()} is the twin (guidance off by default, scored by the backbone's own metric),
 * and {@link #twinOf()} pairs them for reports.
 *
 * <p>Defaults: the record's automatic defaults (the papers' with the training settings resolved from the data,
 * {@link TrainingConfig#defaults()}); the preset {@value #PAPER} ({@code KEY@paper}) keeps the authors' exact
 * settings. The plain twin gets the same settings with λ_DE = 0, so both train alike.
 *
 * @param <H> the backbone's hyperparameter record
 */
public abstract class BackboneProvider<H extends Record & ScoreGuidedHyperparameters<H>> implements DetectorProvider<H> {
    /** Name of the preset with the original papers' exact defaults. */
    public static final String PAPER = "paper";
    private final ScoreGuidedComponents components;
    private final BiFunction<H, Integer, RepresentationLearner> learners;
    private final Class<H> type;
    private final Supplier<H> paperDefaults;
    private final Supplier<H> autoDefaults;
    private final String key;
    private final String description;
    /** The twin's key and description on the SG provider; null on the twin (so null = the plain twin). */
    private final String plainKey;
    private final String plainDescription;

    /**
     * The score-guided model; its plain twin is {@link #plain()}.
     *
     * @param components scorer, regularizer and pseudo-labeller (the paper's unless a Guice binding says otherwise)
     * @param learners a fresh backbone for validated hyperparameters (with the resolved training settings) and the
     *     number of features
     * @param type the hyperparameter record
     * @param paperDefaults the original papers' defaults with the guidance on (the {@value #PAPER} preset)
     * @param autoDefaults the defaults with the guidance on, training settings resolved from the data
     * @param key registry key of the SG model, e.g. {@code sg-ae}
     * @param description one line for {@code sgm models}
     * @param plainKey registry key of the plain twin, e.g. {@code ae}
     * @param plainDescription the twin's line for {@code sgm models}
     */
    protected BackboneProvider(ScoreGuidedComponents components, BiFunction<H, Integer, RepresentationLearner> learners,
            Class<H> type, Supplier<H> paperDefaults, Supplier<H> autoDefaults, String key, String description,
            String plainKey, String plainDescription) {
        this.components = Objects.requireNonNull(components, "components");
        this.learners = Objects.requireNonNull(learners, "learners");
        this.type = Objects.requireNonNull(type, "type");
        this.paperDefaults = Objects.requireNonNull(paperDefaults, "paperDefaults");
        this.autoDefaults = Objects.requireNonNull(autoDefaults, "autoDefaults");
        this.key = Objects.requireNonNull(key, "key");
        this.description = Objects.requireNonNull(description, "description");
        this.plainKey = Objects.requireNonNull(plainKey, "plainKey");
        this.plainDescription = Objects.requireNonNull(plainDescription, "plainDescription");
    }

    /** The plain twin of {@code sg}: its key, description and λ_DE = 0; everything else is {@code sg}'s. */
    private BackboneProvider(BackboneProvider<H> sg) {
        this.components = sg.components;
        this.learners = sg.learners;
        this.type = sg.type;
        this.paperDefaults = sg.paperDefaults;
        this.autoDefaults = sg.autoDefaults;
        this.key = sg.plainKey;
        this.description = sg.plainDescription;
        this.plainKey = null;
        this.plainDescription = null;
    }

    /**
     * Registers a backbone's SG model and its plain twin (the one Guice line of a backbone's module).
     *
     * @param binder the module's binder
     * @param key the SG model's key (the provider's)
     * @param plainKey the twin's key (the provider's)
     * @param type the provider class (Guice creates it with its {@code @Inject} constructor)
     * @param <P> the provider type
     */
    public static <P extends BackboneProvider<?>> void bind(Binder binder, String key,
            String plainKey, Class<P> type) {
        Detectors.binder(binder).addBinding(key).to(type);
        Detectors.binder(binder).addBinding(plainKey).toProvider(new TwinOf<>(type));
    }

    /** Guice's provider of a backbone's twin: the SG provider's {@link #plain()}. */
    private static final class TwinOf<P extends BackboneProvider<?>>
            implements Provider<DetectorProvider<?>> {
        private final Class<P> type;
        @Inject
        private Injector injector;

        TwinOf(Class<P> type) {
            this.type = type;
        }

        @Override
        public DetectorProvider<?> get() {
            return injector.getInstance(type).plain();
        }
    }

    /** @return the plain twin (λ_DE = 0 by default, scored by the backbone's metric); itself if it is the twin */
    public final BackboneProvider<H> plain() {
        return guided() ? new Twin<>(this) : this;
    }

    /** The plain twin: the SG provider's declaration under the twin's key and description. */
    private static final class Twin<H extends Record & ScoreGuidedHyperparameters<H>> extends BackboneProvider<H> {
        Twin(BackboneProvider<H> sg) {
            super(sg);
        }
    }

    /** @return true: every backbone trains in epochs ({@code training} in its hyperparameters) */
    @Override
    public boolean trainsInEpochs() {
        return true;
    }

    /** @return the plain twin's key for the SG model, null for the twin itself */
    @Override
    public String twinOf() {
        return guided() ? plainKey : null;
    }

    /** @return whether this is the score-guided model (false: the plain twin) */
    public final boolean guided() {
        return plainKey != null;
    }

    /**
     * The backbone a fit of these hyperparameters trains (for benchmarks and tests that drive a network directly).
     *
     * @param hyperparameters validated hyperparameters
     * @param inputDim the number of features
     * @return a fresh backbone
     */
    public final RepresentationLearner learner(H hyperparameters, int inputDim) {
        return learners.apply(hyperparameters, inputDim);
    }

    @Override
    public Class<H> hyperparametersType() {
        return type;
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
        return twin(autoDefaults.get());
    }

    private H twin(H d) {
        return guided() ? d : d.withGuidance(d.guidance().withLambdaDE(0));
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
    public Set<String> presets() {
        return Set.of(PAPER);
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
            public String twinOf() {
                return base.twinOf() == null ? null : base.twinOf() + "@" + PAPER;
            }

            @Override
            public boolean trainsInEpochs() {
                return true;
            }

            @Override
            public Class<H> hyperparametersType() {
                return base.hyperparametersType();
            }

            @Override
            public H defaults() {
                return base.twin(base.paperDefaults.get());
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
        return ScoreGuidedDetector.of(detectorKey, hp, components.withScorerHidden(hp.scorerHidden()), learners);
    }
}
