package org.sgm.eval.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sgm.core.FitContext;
import org.sgm.core.data.FeatureMatrix;

/**
 * k-NN, LOF and ECOD against the values scikit-learn (and ECOD's formula) give on the same fixed data,
 * {@code classic-reference.json}, written by {@code bench/classic_reference.py}: equal to 1e-9.
 */
class ClassicReferenceTest {
    private static final JsonNode REF = read();

    private static JsonNode read() {
        try (InputStream in = ClassicReferenceTest.class.getResourceAsStream("/classic-reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FeatureMatrix matrix(String field) {
        JsonNode rows = REF.get(field);
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[rows.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = rows.get(i).get(j).asDouble();
            }
        }
        return FeatureMatrix.of(out);
    }

    private static void assertScores(JsonNode expected, double[] actual, String what) {
        assertEquals(expected.size(), actual.length, what);
        for (int i = 0; i < actual.length; i++) {
            double want = expected.get(i).asDouble();
            assertEquals(want, actual[i], 1e-9 * Math.max(1, Math.abs(want)), what + ", test row " + i);
        }
    }

    private final FeatureMatrix train = matrix("train");
    private final FeatureMatrix test = matrix("test");

    @Test
    void knnEqualsScikitLearnsNeighbourDistances() {
        for (String method : KnnHyperparameters.METHODS) {
            double[] s = new KnnProvider().create(new KnnHyperparameters(5, method))
                    .fit(train, FitContext.of(0)).score(test);
            assertScores(REF.get("knn_k5").get(method), s, "knn " + method);
        }
    }

    @Test
    void lofEqualsScikitLearnsNoveltyScores() {
        double[] s = new LofProvider().create(LofHyperparameters.defaults())
                .fit(train, FitContext.of(0)).score(test);
        assertScores(REF.get("lof_k20"), s, "lof");
    }

    @Test
    void ecodEqualsItsFormula() {
        double[] s = new EcodProvider().create(EcodHyperparameters.defaults())
                .fit(train, FitContext.of(0)).score(test);
        assertScores(REF.get("ecod"), s, "ecod");
    }

    @Test
    void theNeighbourIndexFindsWhatAScanFinds() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 3000;
        int d = 3;
        float[] data = new float[n * d];
        for (int i = 0; i < data.length; i++) {
            // a few exact duplicates and ties as well as distinct values
            data[i] = i % 97 == 0 ? 1f : (float) rng.nextGaussian();
        }
        NeighbourIndex index = new NeighbourIndex(data, n, d);
        int k = 7;
        int[] idx = new int[k];
        double[] dist = new double[k];
        for (int q = 0; q < 200; q++) {
            index.nearest(data, q * d, k, q, idx, dist);
            double[] all = new double[n];
            for (int i = 0; i < n; i++) {
                double sq = 0;
                for (int j = 0; j < d; j++) {
                    double diff = (double) data[q * d + j] - data[i * d + j];
                    sq += diff * diff;
                }
                all[i] = i == q ? Double.POSITIVE_INFINITY : Math.sqrt(sq);
            }
            double[] sorted = all.clone();
            Arrays.sort(sorted);
            for (int j = 0; j < k; j++) {
                assertEquals(sorted[j], dist[j], 0.0, "query " + q + ", neighbour " + j);
                assertEquals(all[idx[j]], dist[j], 0.0, "the index is the neighbour's row");
                assertTrue(idx[j] != q, "the query itself is excluded");
            }
        }
    }
}
