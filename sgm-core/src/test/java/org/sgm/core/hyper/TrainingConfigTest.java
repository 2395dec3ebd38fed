package org.sgm.core.hyper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that resolves automatic training settings from the number of training rows (docs/defaults.md). */
class TrainingConfigTest {
    private static final TrainingConfig AUTO = TrainingConfig.defaults();

    private static int steps(TrainingConfig r, int n) {
        return r.epochs() * TrainingConfig.stepsPerEpoch(n, r.batchSize());
    }

    @Test
    void tinyDataGetsTheSmallestBatchAndTheEpochCap() {
        // lympho: 148 rows → batch 32, 4 steps per epoch; the 500-step budget would need 125 epochs, capped at 100.
        TrainingConfig r = AUTO.resolve(148);
        assertEquals(32, r.batchSize());
        assertEquals(TrainingConfig.AUTO_MAX_EPOCHS, r.epochs());
        assertEquals(100, r.epochs());
        assertEquals(1e-3, r.learningRate());
        assertEquals(400, steps(r, 148));
        assertTrue(r.earlyStop(), "the paper's early stop, on by default since round 2");
        // 40 rows: one step per epoch; the epoch cap bounds the passes over the data.
        TrainingConfig tiny = AUTO.resolve(40);
        assertEquals(32, tiny.batchSize());
        assertEquals(TrainingConfig.AUTO_MAX_EPOCHS, tiny.epochs());
    }

    @Test
    void midSizedDataAimsAtSixteenBatchesPerEpoch() {
        // 1,100 rows (cardio's training part): n/16 = 69 → the nearest power of two is 64; 17 steps per epoch.
        TrainingConfig r = AUTO.resolve(1100);
        assertEquals(64, r.batchSize());
        assertEquals(30, r.epochs()); // ceil(500 / 17)
        assertTrue(steps(r, 1100) >= TrainingConfig.AUTO_STEPS && steps(r, 1100) < TrainingConfig.AUTO_STEPS + 17);
    }

    @Test
    void largeDataGetsTheLargestBatchAndAFewEpochs() {
        // 300,000 rows: batch 256, 1171 steps per epoch; one epoch is the least, so the budget is exceeded.
        TrainingConfig r = AUTO.resolve(300_000);
        assertEquals(256, r.batchSize());
        assertEquals(1, r.epochs());
        assertEquals(1171, steps(r, 300_000));
        assertEquals(3, AUTO.resolve(60_000).epochs()); // 234 steps per epoch
    }

    @Test
    void batchSizeGrowsWithTheDataAndStaysWithinItsBounds() {
        int previous = 0;
        for (int n = 1; n <= 1_000_000; n = n * 3 / 2 + 1) {
            int b = TrainingConfig.autoBatchSize(n);
            assertTrue(b >= previous, "n = " + n);
            assertTrue(b <= Math.max(n, 1) && b <= TrainingConfig.AUTO_MAX_BATCH, "n = " + n + ": " + b);
            assertTrue(b >= Math.min(n, TrainingConfig.AUTO_MIN_BATCH), "n = " + n + ": " + b);
            assertTrue(b == n || (b & (b - 1)) == 0, "a power of two unless capped at n: " + b);
            previous = b;
        }
    }

    @Test
    void givenValuesWin() {
        TrainingConfig r = new TrainingConfig(null, 100, null, 1.0, true, null).resolve(5000);
        assertEquals(100, r.batchSize());
        assertEquals(10, r.epochs()); // 50 steps per epoch for the 500-step budget
        TrainingConfig e = new TrainingConfig(7, null, 0.05, 0.5, false, null).resolve(5000);
        assertEquals(7, e.epochs());
        assertEquals(0.05, e.learningRate());
        assertEquals(0.5, e.gradientClip());
        assertFalse(e.earlyStop());
        TrainingConfig s = new TrainingConfig(null, 50, null, 1.0, true, 300).resolve(5000);
        assertEquals(3, s.epochs()); // ceil(300 / 100)
        TrainingConfig paper = TrainingConfig.paper();
        assertEquals(paper, paper.resolve(148));
        assertEquals(paper, paper.resolve(300_000));
    }

    @Test
    void paperSettingsAreMethodMdSection2() {
        assertEquals(new TrainingConfig(100, 1024, 1e-4, 1.0, true), TrainingConfig.paper());
        assertTrue(TrainingConfig.paper().resolved());
        assertFalse(AUTO.resolved());
        assertTrue(AUTO.resolve(10).resolved());
        assertEquals(1, TrainingConfig.paper().members(), "the paper trains one network");
        assertEquals(TrainingConfig.AUTO_MEMBERS, AUTO.resolve(10).members());
    }

    @Test
    void theDescriptionSaysWhatWasChosenAndWhy() {
        assertEquals("batch 64 (auto), lr 0.001 (auto), 30 epochs × 17 steps = 510 steps (auto: budget 500, at most "
                + "100 epochs), 5 members (auto)", AUTO.describeResolution(1100));
        assertEquals("batch 378 (given 1024, capped at the 378 rows), lr 0.0001 (given), 100 epochs × 1 steps = 100 "
                + "steps (epochs given)", TrainingConfig.paper().describeResolution(378));
        assertEquals("batch 256 (auto), lr 0.000389 (auto), 5 epochs × 105 steps = 525 steps (auto: budget 500, at most "
                + "100 epochs), 5 members (auto)", AUTO.describeResolution(27_000));
        assertEquals("batch 64 (auto), lr 0.001 (auto), 30 epochs × 17 steps = 510 steps (auto: budget 500, at most "
                + "100 epochs), 3 members (given)", new TrainingConfig(null, null, null, 1.0, true, null,
                TrainingConfig.ENGINE_AUTO, 3).describeResolution(1100));
    }

    @Test
    void theAutomaticLearningRateFallsAsOneOverRootNAboveFourThousandRows() {
        assertEquals(1e-3, AUTO.resolve(100).learningRate());
        assertEquals(1e-3, AUTO.resolve(4096).learningRate());
        assertEquals(5e-4, AUTO.resolve(4 * 4096).learningRate(), 1e-15);
        assertEquals(1e-4, AUTO.resolve(100 * 4096).learningRate(), 1e-15);
        assertEquals(3e-3, new TrainingConfig(null, null, 3e-3, 1.0, false, null).resolve(100_000).learningRate(),
                "a given rate is kept");
    }

    @Test
    void nullMeansAutomaticInJsonAndBadValuesAreReported() {
        TrainingConfig t = HyperparameterJson.read(TrainingConfig.class, AUTO,
                HyperparameterJson.read("{\"batchSize\": 64, \"steps\": 500}"));
        assertEquals(new TrainingConfig(null, 64, null, 1.0, true, 500, TrainingConfig.ENGINE_AUTO, null), t);
        assertEquals(new TrainingConfig(null, null, null, 1.0, true, null), HyperparameterJson.read(TrainingConfig.class,
                TrainingConfig.paper(),
                HyperparameterJson.read("{\"epochs\": null, \"batchSize\": null, \"learningRate\": null}")));
        Violations v = new Violations();
        new TrainingConfig(0, 0, -1.0, 0, true, 0, TrainingConfig.ENGINE_AUTO, 0).check(v, "training.");
        List<String> all = v.list();
        for (String name : List.of("training.epochs", "training.batchSize", "training.learningRate",
                "training.gradientClip", "training.steps", "training.members")) {
            assertTrue(all.stream().anyMatch(s -> s.startsWith(name)), name + " missing from " + all);
        }
        assertThrows(IllegalArgumentException.class, () -> AUTO.resolve(0));
    }
}
