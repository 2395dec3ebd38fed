package org.sgm.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sgm.core.FitContext;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.TrainingListener;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.ScoreGuidance.TestScore;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.testing.SyntheticFixtures;

/**
 * {@code training.members}: k networks from k seeds, the test score the mean of their calibrated scores, for the
 * combined score, the scorer alone and a plain backbone; saved and restored; the first member is the one-member fit.
 */
class EnsembleTest {
    private record Params(String engine, int members) {}

    private final FeatureMatrix train = SyntheticFixtures.subspace(300, 30, 8, 2).x();
    private final FeatureMatrix test = SyntheticFixtures.subspace(120, 20, 8, 2).x();

    private static ScoreGuidedDetector detector(String engine, int members, double lambda, TestScore testScore) {
        TrainingConfig training = new TrainingConfig(3, 32, 3e-3, 1.0, false, null, engine, members);
        ScoreGuidance guidance = new ScoreGuidance(lambda, 20, 6, 80.0, null, 0.0, 0, testScore);
        return new ScoreGuidedDetector("m", new Params(engine, members), training, guidance,
                ScoreGuidedComponents.paper(), d -> new DenseAutoencoder(new int[] {d, 4}));
    }

    /** The mean over the members of what each member's calibration makes of its own φ and m. */
    private static double[] meanOfMembers(ScoreGuidedModel model, FeatureMatrix x, ScoreGuidedModel.Part part) {
        double[] mean = new double[x.rows()];
        float[] m = new float[x.rows()];
        float[] s = new float[x.rows()];
        List<ScoreGuidedModel.Member> members = model.memberList();
        for (ScoreGuidedModel.Member member : members) {
            TrainingLoop.forwardPass(member.net(), x, m, s);
            TestScoreCalibration c = member.calibration();
            for (int i = 0; i < mean.length; i++) {
                mean[i] += switch (part) {
                    case BOTH -> c.combine(s[i], m[i]);
                    case SCORER -> c.scorePart(s[i]);
                    case METRIC -> c.metricPart(m[i]);
                } / members.size();
            }
        }
        return mean;
    }

    @Test
    void theScoreIsTheMeanOfTheMembersCalibratedScoresOnBothEngines() {
        for (String engine : new String[] {"fast", "samediff"}) {
            for (TestScore testScore : TestScore.values()) {
                ScoreGuidedModel model = (ScoreGuidedModel) detector(engine, 3, 0.5, testScore)
                        .fit(train, FitContext.of(11));
                assertEquals(3, model.members(), engine);
                ScoreGuidedModel.Part part = testScore == TestScore.SCORER ? ScoreGuidedModel.Part.SCORER
                        : ScoreGuidedModel.Part.BOTH;
                assertArrayEquals(meanOfMembers(model, test, part), model.score(test), 1e-9, engine + " " + testScore);
            }
            ScoreGuidedModel plain = (ScoreGuidedModel) detector(engine, 3, 0.0, TestScore.SCORER_AND_METRIC)
                    .fit(train, FitContext.of(11));
            assertArrayEquals(meanOfMembers(plain, test, ScoreGuidedModel.Part.METRIC), plain.score(test), 1e-9,
                    engine + " plain");
        }
    }

    @Test
    void membersDifferAndTheFirstIsTheOneMemberFit() {
        ScoreGuidedModel one = (ScoreGuidedModel) detector("fast", 1, 0.5, TestScore.SCORER_AND_METRIC)
                .fit(train, FitContext.of(4));
        ScoreGuidedModel three = (ScoreGuidedModel) detector("fast", 3, 0.5, TestScore.SCORER_AND_METRIC)
                .fit(train, FitContext.of(4));
        List<ScoreGuidedModel.Member> members = three.memberList();
        // Member 0 draws the one-member fit's seeds: same weights, same calibration.
        assertEquals(one.calibration(), members.get(0).calibration());
        float[] w0 = members.get(0).net().state().values().iterator().next().data().asFloat();
        float[] w1 = members.get(1).net().state().values().iterator().next().data().asFloat();
        float[] w2 = members.get(2).net().state().values().iterator().next().data().asFloat();
        assertArrayEquals(one.network().state().values().iterator().next().data().asFloat(), w0, 0f);
        assertFalse(Arrays.equals(w0, w1));
        assertFalse(Arrays.equals(w1, w2));
        // Reproducible: the same seed gives the same scores.
        double[] again = detector("fast", 3, 0.5, TestScore.SCORER_AND_METRIC).fit(train, FitContext.of(4))
                .score(test);
        assertArrayEquals(three.score(test), again, 0);
    }

    @Test
    void everyMemberTrainsAndListenersSeeEachFit() {
        Log log = new Log();
        detector("fast", 2, 0.5, TestScore.SCORER_AND_METRIC).fit(train, new FitContext(1, List.of(log)));
        List<String> events = log.calls.stream().filter(c -> !c.startsWith("epoch ") && !c.startsWith("end ")).toList();
        assertEquals(5, events.size(), events.toString());
        assertTrue(events.get(0).contains("2 members (given)"), events.get(0));
        assertEquals(List.of("member 1/2", "start 330 8 3 10", "member 2/2", "start 330 8 3 10"), events.subList(1, 5));
        log.calls.clear();
        detector("fast", 1, 0.5, TestScore.SCORER_AND_METRIC).fit(train, new FitContext(1, List.of(log)));
        assertTrue(log.calls.stream().noneMatch(c -> c.startsWith("member ")), "one network: no member events");
    }

    /** Every listener call a fit makes, as text (epoch statistics without their timings). */
    private static final class Log implements TrainingListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void onTrainingSettings(String description) {
            calls.add("settings " + description);
        }

        @Override
        public void onMemberStart(int member, int members) {
            calls.add("member " + member + "/" + members);
        }

        @Override
        public void onTrainingStart(int rows, int inputDim, int maxEpochs, int stepsPerEpoch) {
            calls.add("start " + rows + " " + inputDim + " " + maxEpochs + " " + stepsPerEpoch);
        }

        @Override
        public void onEpochEnd(org.sgm.core.EpochStats stats) {
            calls.add("epoch " + stats.epoch() + " " + stats.totalLoss() + " " + stats.meanTrainScore());
        }

        @Override
        public void onTrainingEnd(List<org.sgm.core.EpochStats> history, String stopReason) {
            calls.add("end " + history.size() + " " + stopReason);
        }
    }

    @Test
    void membersTrainedAtOnceGiveTheSameModelAndTheSameListenerCalls() {
        for (String engine : new String[] {"fast", "samediff"}) {
            Log one = new Log();
            Log three = new Log();
            ScoreGuidedModel sequential = (ScoreGuidedModel) detector(engine, 4, 0.5, TestScore.SCORER_AND_METRIC)
                    .fit(train, new FitContext(9, List.of(one)));
            ScoreGuidedModel parallel = (ScoreGuidedModel) detector(engine, 4, 0.5, TestScore.SCORER_AND_METRIC)
                    .fit(train, new FitContext(9, List.of(three), 3));
            assertArrayEquals(sequential.score(test), parallel.score(test), 0, engine);
            assertEquals(one.calls, three.calls, engine);
            assertEquals(4, one.calls.stream().filter(c -> c.startsWith("member ")).count(), engine);
        }
        assertThrows(IllegalArgumentException.class, () -> FitContext.of(1).withThreads(0));
    }

    @Test
    void theGradientIsTheMeanOfTheMembersGradients() {
        for (TestScore testScore : new TestScore[] {TestScore.SCORER_AND_METRIC, TestScore.SCORER, null}) {
            // null: the plain backbone (λ_DE = 0), whose members score with m.
            double lambda = testScore == null ? 0.0 : 0.5;
            ScoreGuidedModel model = (ScoreGuidedModel) detector("fast", 3, lambda,
                    testScore == null ? TestScore.SCORER_AND_METRIC : testScore).fit(train, FitContext.of(3));
            FeatureMatrix rows = SyntheticFixtures.subspace(20, 20, 8, 2).x();
            ScoreGradientCheck.assertMatchesCentralDifferences(model, rows, String.valueOf(testScore));
            int d = rows.cols();
            float[] x = rows.toArray();
            // The reconstruction is the members' mean x̂.
            double[] mean = new double[rows.rows() * d];
            for (ScoreGuidedModel.Member member : model.memberList()) {
                double[] r = member.net().reconstruction(x, rows.rows());
                for (int k = 0; k < r.length; k++) {
                    mean[k] += r[k] / 3;
                }
            }
            assertArrayEquals(mean, model.reconstruction(rows), 1e-6);
        }
    }

    @Test
    void anEnsembleTravelsWithItsModelFileAndForgedFilesAreRefused() {
        ScoreGuidedDetector detector = detector("fast", 3, 0.5, TestScore.SCORER_AND_METRIC);
        ScoreGuidedModel model = (ScoreGuidedModel) detector.fit(train, FitContext.of(5));
        ModelState state = model.state();
        assertTrue(state.entries().keySet().stream().anyMatch(k -> k.startsWith("member2/")), state.entries().keySet()
                .toString());
        assertTrue(state.entries().containsKey("member1/" + TestScoreCalibration.STATE_NAME));
        ScoreGuidedModel restored = detector.restore(state);
        assertEquals(3, restored.members());
        assertArrayEquals(model.score(test), restored.score(test), 0);

        // A member missing in the middle.
        Map<String, byte[]> gap = new LinkedHashMap<>();
        state.entries().forEach((k, v) -> {
            if (!k.startsWith("member1/")) {
                gap.put(k, v);
            }
        });
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> detector.restore(new ModelState(state.inputDim(), gap, state.history())));
        assertTrue(e.getMessage().contains("ensemble members [0, 2]"), e.getMessage());
        // A member without its calibration.
        Map<String, byte[]> uncalibrated = new LinkedHashMap<>(state.entries());
        uncalibrated.remove("member2/" + TestScoreCalibration.STATE_NAME);
        e = assertThrows(ModelFileException.class,
                () -> detector.restore(new ModelState(state.inputDim(), uncalibrated, state.history())));
        assertTrue(e.getMessage().startsWith("ensemble member 2 has no testScoreCalibration"), e.getMessage());
        // Hyperparameters that say another number of members than the file holds.
        ModelFileException mismatch = assertThrows(ModelFileException.class,
                () -> detector("fast", 2, 0.5, TestScore.SCORER_AND_METRIC).restore(state));
        assertTrue(mismatch.getMessage().contains("training.members 2 but the file holds 3"), mismatch.getMessage());
        // A one-member file (the format before ensembles) restores under automatic members.
        ScoreGuidedModel one = (ScoreGuidedModel) detector("fast", 1, 0.5, TestScore.SCORER_AND_METRIC)
                .fit(train, FitContext.of(5));
        ScoreGuidedDetector auto = new ScoreGuidedDetector("m", new Params("fast", 0),
                new TrainingConfig(3, 32, 3e-3, 1.0, false, null, "fast", null),
                new ScoreGuidance(0.5, 20, 6, 80.0, null, 0.0, 0, TestScore.SCORER_AND_METRIC),
                ScoreGuidedComponents.paper(), d -> new DenseAutoencoder(new int[] {d, 4}));
        assertArrayEquals(one.score(test), auto.restore(one.state()).score(test), 0);
    }

    @Test
    void aOneMemberModelScoresAsBeforeEnsembles() {
        // φ alone and a plain backbone's m stay raw (no calibration stored), the combined score keeps its one.
        ScoreGuidedModel paper = (ScoreGuidedModel) detector("fast", 1, 0.5, TestScore.SCORER)
                .fit(train, FitContext.of(2));
        float[] m = new float[test.rows()];
        float[] s = new float[test.rows()];
        TrainingLoop.forwardPass(paper.network(), test, m, s);
        double[] phi = paper.score(test);
        for (int i = 0; i < phi.length; i++) {
            assertEquals(s[i], phi[i], 1e-6);
        }
        assertFalse(paper.state().entries().containsKey(TestScoreCalibration.STATE_NAME));
        ScoreGuidedModel plain = (ScoreGuidedModel) detector("fast", 1, 0.0, TestScore.SCORER_AND_METRIC)
                .fit(train, FitContext.of(2));
        TrainingLoop.forwardPass(plain.network(), test, m, s);
        double[] metric = plain.score(test);
        for (int i = 0; i < metric.length; i++) {
            assertEquals(m[i], metric[i], 1e-6);
        }
        assertFalse(plain.state().entries().containsKey(TestScoreCalibration.STATE_NAME));
    }
}
