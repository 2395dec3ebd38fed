package org.sgm.eval.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.tribuo.Example;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyModel;

class TribuoOcsvmTest {
    private static final TribuoOcsvmProvider PROVIDER = new TribuoOcsvmProvider();

    /** A standard normal cloud in 3 dimensions. */
    private static FeatureMatrix cloud(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] rows = new double[n][3];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return FeatureMatrix.of(rows);
    }

    private static FittedDetector fit(FeatureMatrix train, long seed) {
        return PROVIDER.create(PROVIDER.defaults()).fit(train, seed);
    }

    @Test
    void scoreIsTheNegatedDecisionValue() {
        // A wide kernel (γ = 0.05): with γ = 1/d the RBF support of a Gaussian cloud can be a shell whose centre
        // scores slightly outside, which is the one-class SVM's behaviour, not a sign error.
        OcsvmHyperparameters hp = new OcsvmHyperparameters(0.1, 0.05, 200);
        FittedDetector model = PROVIDER.create(hp).fit(cloud(300, 1), 42);
        FeatureMatrix probes = FeatureMatrix.of(new double[][] {{0, 0, 0}, {6, -6, 6}});
        double[] scores = model.score(probes);
        // Empirically: the centre of the cloud is inside the support (negative score), a far point outside.
        assertTrue(scores[0] < 0, "centre scored " + scores[0]);
        assertTrue(scores[1] > 0, "far point scored " + scores[1]);
        assertTrue(scores[1] > scores[0]);
        // Tribuo's own convention is the opposite: the centre is EXPECTED with a positive decision value.
        LibSVMAnomalyModel tribuo = new OcsvmDetector(TribuoOcsvmProvider.KEY, hp).train(cloud(300, 1), 42);
        List<Example<Event>> examples = TribuoFeatures.examples(probes, AnomalyFactory.UNKNOWN_EVENT);
        Event centre = tribuo.predict(examples.get(0)).getOutput();
        Event far = tribuo.predict(examples.get(1)).getOutput();
        assertEquals(Event.EventType.EXPECTED, centre.getType());
        assertEquals(Event.EventType.ANOMALOUS, far.getType());
        assertEquals(-centre.getScore(), scores[0], 1e-9 * Math.abs(centre.getScore()));
        assertEquals(-far.getScore(), scores[1], 1e-9 * Math.abs(far.getScore()));
    }

    @Test
    void featureNamesAreZeroPaddedToOneWidth() {
        assertArrayEquals(new String[] {"f0000", "f0001", "f0002"}, TribuoFeatures.names(3));
        String[] many = TribuoFeatures.names(12_000);
        assertEquals("f00000", many[0]);
        assertEquals("f11999", many[11_999]);
    }

    @Test
    void allZeroRowsAndUnseenValuesScore() {
        FittedDetector model = fit(cloud(100, 2), 42);
        double[] s = model.score(FeatureMatrix.of(new double[][] {{0, 0, 0}}));
        assertTrue(Double.isFinite(s[0]));
    }

    @Test
    void wrongWidthAndNonFiniteValuesAreRejected() {
        FittedDetector model = fit(cloud(100, 3), 42);
        assertThrows(SgmException.class, () -> model.score(FeatureMatrix.of(new double[][] {{1, 2}})));
        assertThrows(SgmException.class, () -> model.score(FeatureMatrix.of(new double[][] {{1, Double.NaN, 2}})));
        FeatureMatrix empty = FeatureMatrix.of(new double[0][]);
        assertThrows(SgmException.class, () -> PROVIDER.create(PROVIDER.defaults()).fit(empty, 1));
    }

    @Test
    void concurrentFitsMatchSequentialOnes() throws Exception {
        FeatureMatrix probes = cloud(50, 99);
        List<FeatureMatrix> trains = List.of(cloud(400, 4), cloud(400, 5), cloud(400, 6), cloud(400, 7));
        double[][] sequential = new double[trains.size()][];
        for (int i = 0; i < trains.size(); i++) {
            sequential[i] = fit(trains.get(i), i).score(probes);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < trains.size(); i++) {
                int k = i;
                Future<double[]> f = pool.submit(() -> fit(trains.get(k), k).score(probes));
                assertArrayEquals(sequential[k], f.get(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void largeTrainingSetsAreSampledWithTheSeed() {
        FeatureMatrix train = cloud(300, 10);
        OcsvmHyperparameters capped = new OcsvmHyperparameters(0.1, 0, 200, 50);
        FeatureMatrix probes = cloud(20, 11);
        double[] a = PROVIDER.create(capped).fit(train, 1).score(probes);
        assertArrayEquals(a, PROVIDER.create(capped).fit(train, 1).score(probes), 0.0);
        assertFalse(Arrays.equals(a, PROVIDER.create(capped).fit(train, 2).score(probes)),
                "another seed should draw another sample");
        // Below the cap the seed draws nothing: LibSVM's one-class solver is deterministic.
        assertArrayEquals(fit(train, 1).score(probes), fit(train, 2).score(probes), 0.0);
    }

    @Test
    void restoreRejectsForeignOrDamagedState() {
        FittedDetector model = fit(cloud(100, 8), 42);
        ModelState good = model.state();
        ModelState missing = new ModelState(3, Map.of("other", new byte[] {1}), List.of());
        assertThrows(SgmException.class, () -> PROVIDER.restore(PROVIDER.defaults(), missing));
        ModelState garbage = new ModelState(3, Map.of(OcsvmModel.LEGACY_ENTRY, new byte[] {1, 2, 3, 4}), List.of());
        assertThrows(SgmException.class, () -> PROVIDER.restore(PROVIDER.defaults(), garbage));
        ModelState wrongWidth = new ModelState(5, good.entries(), List.of());
        assertThrows(SgmException.class, () -> PROVIDER.restore(PROVIDER.defaults(), wrongWidth));
        FittedDetector back = PROVIDER.restore(PROVIDER.defaults(), good);
        FeatureMatrix probes = cloud(20, 9);
        assertArrayEquals(model.score(probes), back.score(probes), 0.0);
        assertTrue(back.history().isEmpty());
    }
}
