package org.sgm.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.TrainingListener;
import org.sgm.core.UnknownDetectorException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.io.ModelFile;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.testing.SyntheticFixtures;

/** The automatic defaults of every backbone, the {@code @paper} preset, and resolved settings in fitted models. */
class DefaultsTest {
    private static final DetectorRegistry REGISTRY =
            Guice.createInjector(new SgmModelsModule()).getInstance(DetectorRegistry.class);
    private static final List<String> BACKBONES = List.of("ae", "dsvdd", "dagmm", "rsrae", "rda");

    private static ScoreGuidedHyperparameters<?> defaults(String key) {
        return (ScoreGuidedHyperparameters<?>) REGISTRY.get(key).defaults();
    }

    @Test
    void everyModelAndItsTwinResolveTheirTrainingFromTheData() {
        for (String plain : BACKBONES) {
            String guided = "sg-" + plain;
            assertEquals(TrainingConfig.defaults(), defaults(guided).training(), guided);
            assertEquals(defaults(guided).training(), defaults(plain).training(), plain + " trains as " + guided);
            assertEquals(ScoreGuidance.defaults(), defaults(guided).guidance(), guided);
            assertEquals(0.0, defaults(plain).guidance().lambdaDE(), plain);
        }
    }

    @Test
    void thePaperPresetHoldsTheAuthorsNumbers() {
        // METHOD.md §2: λ_DE 0.01, λ_out 20, a 6, ε 90, Adam 1e-4, batch 1024, 100 epochs, clipping 1.0.
        ScoreGuidedHyperparameters<?> sgAe = defaults("sg-ae@paper");
        assertEquals(new TrainingConfig(100, 1024, 1e-4, 1.0, true), sgAe.training());
        assertEquals(new ScoreGuidance(0.01, 20, 6, 90), sgAe.guidance());
        assertEquals(10, sgAe.scorerHidden());
        assertEquals(0.0, defaults("ae@paper").guidance().lambdaDE());
        assertEquals(sgAe.training(), defaults("ae@paper").training());
        // The backbones' own papers (see docs/models): Deep SVDD 150 × 200 at 1e-4, RSRAE 200 × 128 at 2.5e-4,
        // DAGMM and RDA the SG paper's.
        assertEquals(new TrainingConfig(150, 200, 1e-4, 1.0, true), defaults("sg-dsvdd@paper").training());
        assertEquals(new TrainingConfig(200, 128, 2.5e-4, 1.0, true), defaults("sg-rsrae@paper").training());
        assertEquals(TrainingConfig.paper(), defaults("sg-dagmm@paper").training());
        assertEquals(TrainingConfig.paper(), defaults("rda@paper").training());
        for (String plain : BACKBONES) {
            assertEquals(defaults("sg-" + plain + "@paper").training(), defaults(plain + "@paper").training());
            assertEquals("sg-" + plain + "@paper", REGISTRY.get("sg-" + plain + "@paper").key());
        }
    }

    @Test
    void sgDsvddsScorerIsWiderThanThePapersByDefault() {
        // Round 2, log R (docs/defaults.md): 64 units for Deep SVDD's 32-wide code; the paper's 10 elsewhere and in
        // every @paper preset.
        assertEquals(64, defaults("sg-dsvdd").scorerHidden());
        assertEquals(10, defaults("sg-dsvdd@paper").scorerHidden());
        for (String plain : BACKBONES) {
            if (!plain.equals("dsvdd")) {
                assertEquals(10, defaults("sg-" + plain).scorerHidden(), "sg-" + plain);
            }
            assertEquals(10, defaults("sg-" + plain + "@paper").scorerHidden(), "sg-" + plain + "@paper");
        }
    }

    @Test
    void anUnknownPresetIsRefusedNamingTheKnownOnes() {
        UnknownDetectorException e = assertThrows(UnknownDetectorException.class, () -> REGISTRY.get("sg-ae@fast"));
        assertEquals("model 'sg-ae' has no preset 'fast'; its presets: paper", e.getMessage());
        assertThrows(UnknownDetectorException.class, () -> REGISTRY.get("nope@paper"));
    }

    @Test
    void resolvedSettingsAreAnnouncedStoredAndSurviveTheModelFile(@TempDir Path dir) {
        FeatureMatrix x = SyntheticFixtures.subspace(540, 60, 8, 3).x();
        // A smaller budget keeps the test short; batch size and learning rate stay automatic.
        AnomalyDetector detector = REGISTRY.create("sg-ae", HyperparameterJson.read("{\"training\": {\"steps\": 300}}"));
        List<String> announced = new ArrayList<>();
        FittedDetector fitted = detector.fit(x, new FitContext(5, List.of(new TrainingListener() {
            @Override
            public void onTrainingSettings(String description) {
                announced.add(description);
            }
        })));
        // 600 rows: 18 steps per epoch
        TrainingConfig expected = new TrainingConfig(17, 32, 1e-3, 1.0, true, 300, TrainingConfig.ENGINE_AUTO,
                TrainingConfig.AUTO_MEMBERS);
        assertEquals(expected, new TrainingConfig(null, null, null, 1.0, true, 300, TrainingConfig.ENGINE_AUTO, null)
                .resolve(600));
        TrainingConfig stored = ((ScoreGuidedHyperparameters<?>) fitted.hyperparameters()).training();
        assertEquals(expected.withEngine(TrainingConfig.ENGINE_FAST), stored, "the model keeps the engine it trained on");
        assertEquals(List.of("sg-ae: batch 32 (auto), lr 0.001 (auto), 17 epochs × 18 steps = 306 steps (auto: budget "
                + "300 given, at most 100 epochs), 5 members (auto), engine fast (auto)"), announced);

        Path file = dir.resolve("m.sgm");
        ModelFile.of(fitted, null, null).write(file);
        FittedDetector loaded = ModelFile.read(file).restore(REGISTRY);
        assertEquals(fitted.hyperparameters(), loaded.hyperparameters());
        assertArrayEquals(fitted.score(x), loaded.score(x), 0.0);
        // Refitting with the stored (resolved) hyperparameters repeats the training exactly.
        FittedDetector again = REGISTRY.create("sg-ae", HyperparameterJson.toTree(fitted.hyperparameters()))
                .fit(x, FitContext.of(5));
        assertArrayEquals(fitted.score(x), again.score(x), 0.0);
    }

    @Test
    void aPresetKeyTravelsWithTheModelFile(@TempDir Path dir) {
        FeatureMatrix x = SyntheticFixtures.subspace(270, 30, 6, 4).x();
        FittedDetector fitted = REGISTRY.create("ae@paper", HyperparameterJson.read("{\"training\": {\"epochs\": 2}}"))
                .fit(x, FitContext.of(1));
        assertEquals("ae@paper", fitted.key());
        assertEquals(1024, ((ScoreGuidedHyperparameters<?>) fitted.hyperparameters()).training().batchSize());
        Path file = dir.resolve("p.sgm");
        ModelFile.of(fitted, null, null).write(file);
        FittedDetector loaded = ModelFile.read(file).restore(REGISTRY);
        assertEquals("ae@paper", loaded.key());
        assertArrayEquals(fitted.score(x), loaded.score(x), 0.0);
    }
}
