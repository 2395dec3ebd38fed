package org.sgm.models.dagmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The unrolled GMM energy: gradients against finite differences, values against a plain-Java reference. */
class GmmEnergyTest {
    private static final int N = 12;
    private static final int DIM = 3;
    private static final int K = 2;
    private static final double EPS = 1e-6;

    /** A double-precision graph of loss = mean E(z) + Σ_k Σ_j 1/Σ_k,jj with z and the logits as variables. */
    private static SameDiff graph(double[][] z, double[][] logits) {
        SameDiff sd = SameDiff.create();
        SDVariable zv = sd.var("z", Nd4j.create(z).castTo(DataType.DOUBLE));
        SDVariable lv = sd.var("logits", Nd4j.create(logits).castTo(DataType.DOUBLE));
        SDVariable gamma = sd.nn.softmax("gamma", lv, 1);
        GmmEnergy.Params p = GmmEnergy.fromBatch(sd, zv, gamma, DIM, EPS);
        SDVariable energy = sd.identity("energy", GmmEnergy.energy(sd, zv, p));
        SDVariable penalty = sd.identity("penalty", GmmEnergy.covariancePenalty(sd, p));
        SDVariable loss = sd.mean(energy).add("loss", penalty);
        sd.setLossVariables(loss);
        return sd;
    }

    private static double[][] gaussian(SplittableRandom rng, int rows, int cols, double scale) {
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * rng.nextGaussian();
            }
        }
        return out;
    }

    @Test
    void gradientsWithRespectToLatentAndLogitsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(11);
        SameDiff sd = graph(gaussian(rng, N, DIM, 1.0), gaussian(rng, N, K, 1.0));
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "z", "logits");
        for (String name : new String[] {"z", "logits"}) {
            INDArray param = sd.getVariable(name).getArr();
            INDArray analytic = grads.get(name);
            double diff = 0;
            double norm = 0;
            double h = 1e-6;
            for (long i = 0; i < param.length(); i++) {
                double v = param.getDouble(i);
                param.putScalar(i, v + h);
                double up = loss(sd);
                param.putScalar(i, v - h);
                double down = loss(sd);
                param.putScalar(i, v);
                double numeric = (up - down) / (2 * h);
                diff += Math.pow(numeric - analytic.getDouble(i), 2);
                norm += Math.pow(numeric, 2) + Math.pow(analytic.getDouble(i), 2);
            }
            double relative = Math.sqrt(diff) / Math.sqrt(norm);
            assertTrue(relative < 1e-5, "relative gradient error wrt " + name + ": " + relative);
            assertTrue(norm > 1e-6, "gradient wrt " + name + " is not trivially zero");
        }
    }

    private static double loss(SameDiff sd) {
        return sd.output(Map.<String, INDArray>of(), "loss").get("loss").getDouble(0);
    }

    @Test
    void unrolledEnergyAndPenaltyEqualPlainJavaReference() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] z = gaussian(rng, N, DIM, 2.0);
        double[][] logits = gaussian(rng, N, K, 1.5);
        SameDiff sd = graph(z, logits);
        Map<String, INDArray> out = sd.output(Map.<String, INDArray>of(), "energy", "penalty");
        double[][] gamma = ReferenceGmm.softmax(logits);
        ReferenceGmm ref = ReferenceGmm.fit(z, gamma, EPS);
        for (int i = 0; i < N; i++) {
            double expected = ref.energy(z[i]);
            assertEquals(expected, out.get("energy").getDouble(i), 1e-10 * Math.max(1, Math.abs(expected)));
        }
        double penalty = ref.penalty();
        assertEquals(penalty, out.get("penalty").getDouble(0), 1e-10 * penalty);
    }

    @Test
    void javaStatisticsFactoriseTheReferenceCovariance() {
        SplittableRandom rng = new SplittableRandom(9);
        double[][] z = gaussian(rng, 40, DIM, 1.0);
        double[][] gamma = ReferenceGmm.softmax(gaussian(rng, 40, K, 1.0));
        GmmStatistics stats = GmmStatistics.estimate(z, gamma, EPS);
        ReferenceGmm ref = ReferenceGmm.fit(z, gamma, EPS);
        for (int k = 0; k < K; k++) {
            assertEquals(ref.phi()[k], stats.phi()[k], 1e-14);
            double[][] l = stats.chol()[k];
            for (int a = 0; a < DIM; a++) {
                assertEquals(ref.mu()[k][a], stats.mu()[k][a], 1e-12);
                for (int b = 0; b < DIM; b++) {
                    double llt = 0;
                    for (int m = 0; m < DIM; m++) {
                        llt += l[a][m] * l[b][m];
                    }
                    assertEquals(ref.cov()[k][a][b], llt, 1e-12);
                }
            }
        }
    }
}
