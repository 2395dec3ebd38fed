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
import org.junit.jupiter.api.Test;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.InvalidHyperparametersException;
import org.sgm.eval.metrics.RankingMetrics;

class TribuoKMeansTest {
    private static final TribuoKMeansProvider PROVIDER = new TribuoKMeansProvider();

    /** Two tight blobs, around (0, 0) and (10, 10). */
    private static FeatureMatrix blobs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] rows = new double[n][2];
        for (int i = 0; i < n; i++) {
            double c = i % 2 == 0 ? 0 : 10;
            rows[i][0] = c + 0.1 * rng.nextGaussian();
            rows[i][1] = c + 0.1 * rng.nextGaussian();
        }
        return FeatureMatrix.of(rows);
    }

    @Test
    void scoreIsTheDistanceToTheNearestCentroid() {
        FittedDetector model = PROVIDER.create(new KMeansHyperparameters(2, 50)).fit(blobs(200, 1), 7);
        assertEquals(2, ((KMeansDistanceModel) model).centroidCount());
        double[] s = model.score(FeatureMatrix.of(new double[][] {{0, 0}, {10, 10}, {0, 3}, {13, 14}, {5, 5}}));
        // Centroids land near (0, 0) and (10, 10): the distances follow from the geometry.
        assertEquals(0, s[0], 0.05);
        assertEquals(0, s[1], 0.05);
        assertEquals(3, s[2], 0.05);
        assertEquals(5, s[3], 0.05);
        assertEquals(Math.sqrt(50), s[4], 0.05);
    }

    @Test
    void ranksWbcAnomaliesHigher() {
        Wbc wbc = Wbc.load();
        double auc = RankingMetrics.rocAuc(wbc.anomaly(),
                PROVIDER.create(PROVIDER.defaults()).fit(wbc.x(), 1).score(wbc.x()));
        assertTrue(auc > 0.85, "AUROC " + auc); // measured 0.900 (seed 1)
    }

    @Test
    void kIsCappedAtTheRowsAndTheSeedMatters() {
        FeatureMatrix three = FeatureMatrix.of(new double[][] {{0, 0}, {1, 0}, {0, 1}});
        FittedDetector model = PROVIDER.create(PROVIDER.defaults()).fit(three, 1);
        assertEquals(3, ((KMeansDistanceModel) model).centroidCount());
        assertArrayEquals(new double[] {0, 0, 0}, model.score(three), 1e-6);
        FittedDetector restored = PROVIDER.restore(PROVIDER.defaults(), model.state());
        assertArrayEquals(model.score(three), restored.score(three), 0.0);

        FeatureMatrix x = Wbc.load().x();
        double[] a = PROVIDER.create(PROVIDER.defaults()).fit(x, 1).score(x);
        double[] b = PROVIDER.create(PROVIDER.defaults()).fit(x, 2).score(x);
        assertFalse(Arrays.equals(a, b), "k-means++ initialisation should depend on the seed");
    }

    @Test
    void everyViolationIsReportedAtOnceAndDamagedStateIsRefused() {
        InvalidHyperparametersException e =
                assertThrows(InvalidHyperparametersException.class, () -> new KMeansHyperparameters(0, 0));
        assertEquals(2, e.violations().size(), e.getMessage());
        ModelState good = PROVIDER.create(PROVIDER.defaults()).fit(blobs(50, 2), 1).state();
        assertThrows(SgmException.class, () -> PROVIDER.restore(PROVIDER.defaults(),
                new ModelState(2, Map.of("other", new byte[] {1}), List.of())));
        assertThrows(SgmException.class, () -> PROVIDER.restore(PROVIDER.defaults(),
                new ModelState(3, good.entries(), List.of())));
        assertThrows(SgmException.class, () -> PROVIDER.restore(new KMeansHyperparameters(4, 100), good));
    }
}
