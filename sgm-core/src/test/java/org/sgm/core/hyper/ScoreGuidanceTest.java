package org.sgm.core.hyper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgm.core.hyper.ScoreGuidance.TestScore.SCORER;
import static org.sgm.core.hyper.ScoreGuidance.TestScore.SCORER_AND_METRIC;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.spi.PercentileLabeler;

/** ε, the pre-judging percentile: given, from an expected contamination, or the paper's 90. */
class ScoreGuidanceTest {

    private static List<String> violations(ScoreGuidance g) {
        Violations v = new Violations();
        g.check(v, "guidance.");
        return v.list();
    }

    @Test
    void epsilonIsGivenOrFollowsTheContaminationOrIsThePapers() {
        assertEquals(90.0, ScoreGuidance.defaults().percentile());
        assertEquals(ScoreGuidance.paper().percentile(), ScoreGuidance.defaults().percentile());
        assertEquals(95.0, new ScoreGuidance(0.01, 20, 6, null, 0.05).percentile(), 1e-12);
        assertEquals(80.0, new ScoreGuidance(0.01, 20, 6, 80).percentile());
        float[] metric = new float[101];
        for (int i = 0; i < metric.length; i++) {
            metric[i] = i;
        }
        assertEquals(98.0, new PercentileLabeler().threshold(metric, new ScoreGuidance(0.01, 20, 6, null, 0.02)),
                1e-9);
    }

    @Test
    void contaminationIsCheckedAndNotGivenTogetherWithEpsilon() {
        assertEquals(List.of(), violations(ScoreGuidance.defaults()));
        assertEquals(List.of(), violations(new ScoreGuidance(0.01, 20, 6, null, 0.5)));
        List<String> both = violations(new ScoreGuidance(0.01, 20, 6, 95.0, 0.05));
        assertEquals(1, both.size(), both.toString());
        assertTrue(both.get(0).startsWith("guidance.epsilon and guidance.contamination both given"), both.get(0));
        assertTrue(violations(new ScoreGuidance(0.01, 20, 6, null, 0.7)).get(0).startsWith("guidance.contamination"));
        assertTrue(violations(new ScoreGuidance(0.01, 20, 6, null, 0.0)).get(0).startsWith("guidance.contamination"));
        assertEquals(new ScoreGuidance(0.01, 20, 6, null, 0.1, 0.0, 16, SCORER_AND_METRIC), HyperparameterJson.read(ScoreGuidance.class,
                ScoreGuidance.defaults(), HyperparameterJson.read("{\"contamination\": 0.1}")));
    }

    @Test
    void warmupAndRefreshAreCheckedAndThePaperKeepsItsSchedule() {
        assertEquals(16, ScoreGuidance.defaults().refreshEvery());
        assertEquals(0, ScoreGuidance.paper().refreshEvery(), "the paper: τ at epoch starts only");
        assertEquals(0.0, ScoreGuidance.paper().warmup());
        assertEquals(16, ScoreGuidance.defaults().withLambdaDE(0).refreshEvery(), "the plain twin keeps it");
        assertTrue(violations(new ScoreGuidance(0.01, 20, 6, null, null, 1.0, 0)).get(0)
                .startsWith("guidance.warmup must be in [0, 1)"));
        assertTrue(violations(new ScoreGuidance(0.01, 20, 6, null, null, 0.0, -1)).get(0)
                .startsWith("guidance.refreshEvery must be ≥ 0"));
        assertEquals(new ScoreGuidance(0.01, 20, 6, null, null, 0.25, 4, SCORER_AND_METRIC), HyperparameterJson.read(ScoreGuidance.class,
                ScoreGuidance.defaults(), HyperparameterJson.read("{\"warmup\": 0.25, \"refreshEvery\": 4}")));
    }

    @Test
    void theTestScoreIsTheCombinationByDefaultAndTheScorerForThePaper() {
        assertEquals(SCORER_AND_METRIC, ScoreGuidance.defaults().testScore());
        assertEquals(SCORER, ScoreGuidance.paper().testScore());
        assertEquals(SCORER, HyperparameterJson.read(ScoreGuidance.class, ScoreGuidance.defaults(),
                HyperparameterJson.read("{\"testScore\": \"scorer\"}")).testScore());
        assertEquals(SCORER_AND_METRIC, HyperparameterJson.read(ScoreGuidance.class, ScoreGuidance.paper(),
                HyperparameterJson.read("{\"testScore\": \"scorer+metric\"}")).testScore());
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class,
                () -> HyperparameterJson.read(ScoreGuidance.class, ScoreGuidance.defaults(),
                        HyperparameterJson.read("{\"testScore\": \"metric\"}")));
        assertTrue(e.getMessage().contains("testScore"), e.getMessage());
        assertTrue(violations(new ScoreGuidance(0.01, 20, 6, null, null, 0.0, 0, null)).get(0)
                .startsWith("guidance.testScore must be"));
    }
}
