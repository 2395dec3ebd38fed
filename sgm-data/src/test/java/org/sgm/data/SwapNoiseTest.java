package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;

class SwapNoiseTest {
    private static final int ROWS = 200;

    /** 200 rows, every 10th an anomaly; normals in [0, 1), anomalies in [1000, 1001). */
    private static FeatureMatrix data(int d, boolean[] anomaly) {
        SplittableRandom random = new SplittableRandom(7);
        double[][] rows = new double[ROWS][d];
        for (int i = 0; i < ROWS; i++) {
            anomaly[i] = i % 10 == 0;
            for (int j = 0; j < d; j++) {
                rows[i][j] = random.nextDouble() + (anomaly[i] ? 1000 : 0);
            }
        }
        return FeatureMatrix.of(rows);
    }

    @ParameterizedTest(name = "d = {0}")
    @CsvSource({"10, 1", "40, 2"})
    void addsRowsMixedFromTwoNormals(int d, int swapped) {
        boolean[] anomaly = new boolean[ROWS];
        FeatureMatrix train = data(d, anomaly);

        SwapNoise.Noisy noisy = SwapNoise.inject(train, anomaly, 0.1, 42);

        int added = 20; // int(180 · 0.1 / 0.9)
        assertEquals(ROWS + added, noisy.x().rows());
        assertArrayEquals(anomaly, Arrays.copyOf(noisy.anomaly(), ROWS));
        assertFalse(IntStream.range(ROWS, ROWS + added).anyMatch(i -> noisy.anomaly()[i]));
        assertArrayEquals(train.toArray(), noisy.x().selectRows(IntStream.range(0, ROWS).toArray()).toArray());
        for (int r = ROWS; r < ROWS + added; r++) {
            float[] row = noisy.x().row(r);
            assertEquals(swapped, fewestDifferencesFromANormal(train, anomaly, row), "row " + r);
            for (int j = 0; j < d; j++) {
                int col = j;
                assertTrue(IntStream.range(0, ROWS).anyMatch(i -> !anomaly[i] && train.get(i, col) == row[col]),
                        "row " + r + ", column " + j + " comes from a training normal");
            }
        }
    }

    private static int fewestDifferencesFromANormal(FeatureMatrix train, boolean[] anomaly, float[] row) {
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < train.rows(); i++) {
            if (!anomaly[i]) {
                float[] normal = train.row(i);
                int col = 0;
                int differences = 0;
                for (; col < row.length; col++) {
                    differences += normal[col] == row[col] ? 0 : 1;
                }
                fewest = Math.min(fewest, differences);
            }
        }
        return fewest;
    }

    @Test
    void isDeterministicForASeed() {
        boolean[] anomaly = new boolean[ROWS];
        FeatureMatrix train = data(20, anomaly);

        float[] a = SwapNoise.inject(train, anomaly, 0.05, 1).x().toArray();
        float[] b = SwapNoise.inject(train, anomaly, 0.05, 1).x().toArray();
        float[] c = SwapNoise.inject(train, anomaly, 0.05, 2).x().toArray();

        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void rateZeroReturnsTheInput() {
        boolean[] anomaly = new boolean[ROWS];
        FeatureMatrix train = data(5, anomaly);

        SwapNoise.Noisy noisy = SwapNoise.inject(train, anomaly, 0, 42);

        assertSame(train, noisy.x());
        assertArrayEquals(anomaly, noisy.anomaly());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1, Double.NaN})
    void rateOutsideItsRangeIsRefused(double rate) {
        boolean[] anomaly = new boolean[ROWS];
        FeatureMatrix train = data(5, anomaly);

        SgmException e = assertThrows(SgmException.class, () -> SwapNoise.inject(train, anomaly, rate, 42));

        assertTrue(e.getMessage().contains("noise rate"), e.getMessage());
    }

    @Test
    void rowsOfDoublesGetTheSameNoiseAsAFeatureMatrix() {
        double[][] rows = new double[40][];
        boolean[] anomaly = new boolean[40];
        float[] flat = new float[40 * 3];
        for (int i = 0; i < 40; i++) {
            rows[i] = new double[] {i, 100 + i, 200 + i};
            anomaly[i] = i % 7 == 0;
            for (int j = 0; j < 3; j++) {
                flat[i * 3 + j] = (float) rows[i][j];
            }
        }
        SwapNoise.Noisy noisy = SwapNoise.inject(FeatureMatrix.wrap(flat, 40, FeatureMatrix.defaultNames(3)), anomaly,
                0.1, 9);
        double[][] noise = SwapNoise.noiseRows(rows, anomaly, 0.1, 9);

        assertEquals(noisy.x().rows() - 40, noise.length);
        for (int r = 0; r < noise.length; r++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(noisy.x().get(40 + r, j), (float) noise[r][j]);
            }
        }
    }
}
