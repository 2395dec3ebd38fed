package org.sgm.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.EpochStats;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureFileWriter;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.testing.SyntheticFixtures;

/**
 * The training loop and scoring on a matrix mapped from a file: the same model and scores, bit for bit, as on the
 * same values in a Java array, and no copy of the matrix on the heap.
 */
class MappedTrainingTest {
    private record Params(int epochs) {}

    private static ScoreGuidedDetector detector(int d, int epochs) {
        return detector(d, epochs, TrainingConfig.ENGINE_AUTO);
    }

    private static ScoreGuidedDetector detector(int d, int epochs, String engine) {
        TrainingConfig training = new TrainingConfig(epochs, 128, 1e-3, 1.0, false).withEngine(engine);
        return new ScoreGuidedDetector("sg-ae", new Params(epochs), training, ScoreGuidance.defaults(),
                ScoreGuidedComponents.paper(), width -> new DenseAutoencoder(new int[] {width, 8, 4}));
    }

    static FeatureMatrix mapped(FeatureMatrix m) throws Exception {
        try (FeatureFileWriter w = FeatureFileWriter.createTemp(m.columnNames())) {
            w.append(m.toArray(), 0, m.rows());
            return w.finish();
        }
    }

    @Test
    void bothEnginesTrainAndScoreAMappedMatrixExactlyAsTheArray() throws Exception {
        FeatureMatrix heap = SyntheticFixtures.subspace(1200, 100, 10, 7).x();
        FeatureMatrix file = mapped(heap);
        for (String engine : List.of("auto", "samediff")) {
            FittedDetector a = detector(10, 3, engine).fit(heap, FitContext.of(5));
            FittedDetector b = detector(10, 3, engine).fit(file, FitContext.of(5));
            assertEquals(losses(a.history()), losses(b.history()), engine);
            double[] expected = a.score(heap);
            assertArrayEquals(expected, b.score(file), 0.0, engine);
            assertArrayEquals(expected, a.score(file), 0.0, engine);
        }
    }

    @Test
    void trainingAndScoringAMappedMatrixCopyNothingOfItToTheHeap() throws Exception {
        int n = 20_000;
        int d = 64;
        FeatureMatrix heap = SyntheticFixtures.subspace(n - 1000, 1000, d, 3).x();
        FeatureMatrix file = mapped(heap);
        long matrixBytes = 4L * n * d;
        detector(d, 1).fit(file, FitContext.of(1)).score(file); // warm-up: class loading, native libraries
        long onHeap = allocatedByFitAndScore(heap);
        long onFile = allocatedByFitAndScore(file);
        // 2 epochs make 3 forward passes over the matrix and scoring one more: a heap copy of each of their batches
        // would allocate 4 × the matrix more than training on the array (measured: +18 MB). Steps gather their rows
        // into the loop's one reusable buffer. Both runs allocate the same per-row arrays (metric, score, order, the
        // scores) and the same per-step objects of ND4J.
        assertTrue(onFile - onHeap < matrixBytes / 2, "allocated " + onFile + " bytes training on the mapped file, "
                + onHeap + " on the array; the matrix has " + matrixBytes);
    }

    private static long allocatedByFitAndScore(FeatureMatrix x) {
        ThreadMXBean threads =
                (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        detector(x.cols(), 2).fit(x, FitContext.of(2)).score(x);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static List<String> losses(List<EpochStats> history) {
        return history.stream().map(s -> s.totalLoss() + "/" + s.backboneLoss() + "/" + s.guidanceLoss() + "/"
                + s.threshold() + "/" + s.meanTrainScore()).toList();
    }
}
