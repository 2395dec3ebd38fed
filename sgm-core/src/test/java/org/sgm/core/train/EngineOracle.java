package org.sgm.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.spi.PercentileLabeler;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.tape.Params;
import org.sgm.core.tape.Precision;

/**
 * The oracle check of the fast engine: the same backbone on {@link TapeNetwork} and on its {@link SameDiffNetwork}
 * graph, both in double precision from the same seed, must have the same arrays (names, shapes, initial values),
 * the same learner state after the hooks, and the same losses and gradients of every parameter on random batches
 * (relative error ≤ {@link #TOLERANCE}), guided and plain; after a few optimizer steps with hooks in between, the
 * same metrics and scores.
 */
public final class EngineOracle {
    /** Largest relative error allowed between the engines (the 1e-6). */
    public static final double TOLERANCE = 1e-6;

    private EngineOracle() {}

    /**
     * Runs every check for λ_DE = {@code guidance.lambdaDE()} and for the plain twin (λ_DE = 0).
     *
     * @param learners makes a fresh backbone for an input width (one per engine: learners keep per-fit state)
     * @param data the rows (at least 160)
     * @param guidance guidance settings of the guided check
     * @param seed the seed of the initial weights
     */
    public static void check(IntFunction<RepresentationLearner> learners, FeatureMatrix data, ScoreGuidance guidance,
            long seed) {
        for (ScoreGuidance g : new ScoreGuidance[] {guidance, guidance.withLambdaDE(0)}) {
            checkOne(learners, data, g, seed);
        }
    }

    private static void checkOne(IntFunction<RepresentationLearner> learners, FeatureMatrix data, ScoreGuidance g,
            long seed) {
        int d = data.cols();
        String where = "λ_DE = " + g.lambdaDE();
        TrainingConfig training = new TrainingConfig(3, 64, 1e-2, 1.0, false);
        ScoreGuidedComponents components = ScoreGuidedComponents.paper();
        RepresentationLearner oracleLearner = learners.apply(d);
        RepresentationLearner fastLearner = learners.apply(d);
        assertNotNull(fastLearner.tape(), "the backbone offers a fast version");
        SameDiffNetwork oracle = SameDiffNetwork.build(oracleLearner, components, g, training, d, seed, DataType.DOUBLE);
        TapeNetwork fast = new TapeNetwork(fastLearner, components, g, training, d, seed, Precision.DOUBLE);

        Map<String, INDArray> want = oracle.state();
        Map<String, INDArray> have = fast.state();
        assertEquals(want.keySet(), have.keySet(), "array names, " + where);
        want.forEach((name, arr) -> {
            assertArrayEquals(arr.shape(), have.get(name).shape(), "shape of " + name);
            assertEquals(0.0, relativeError(arr, have.get(name)), 1e-12, "initial value of " + name + ", " + where);
        });

        LearnerContext oracleHooks = oracle.hooks(data);
        LearnerContext fastHooks = fast.hooks(data);
        oracleLearner.onTrainingStart(oracleHooks);
        fastLearner.onTrainingStart(fastHooks);
        oracleLearner.onEpochStart(oracleHooks, 1);
        fastLearner.onEpochStart(fastHooks, 1);
        assertStatesAgree(oracle, fast, "after the start hooks, " + where);
        FeatureMatrix rows = oracleHooks.input();
        assertRowsAgree(rows, fastHooks.input(), where);

        double mu = 0.0123;
        for (int n : new int[] {64, 157}) {
            float[] x = new float[n * d];
            rows.rowsInto(0, n, x);
            float[] metric = new float[n];
            oracle.evaluate(x, n, metric, null, 0);
            double tau = PercentileLabeler.percentile(metric, g.percentile());
            SameDiffNetwork.Gradients expected = oracle.gradients(x, n, tau, mu);
            StepLosses got = fast.gradients(x, n, tau, mu);
            String at = where + ", " + n + " rows";
            assertClose(expected.losses().total(), got.total(), "total loss, " + at);
            assertClose(expected.losses().backbone(), got.backbone(), "backbone loss, " + at);
            assertClose(expected.losses().guidance(), got.guidance(), "guidance loss, " + at);
            int compared = 0;
            for (Params.Entry e : fast.params().trainable()) {
                INDArray wantGrad = expected.grads().get(e.name());
                INDArray haveGrad = Nd4j.create(e.gradDoubles(), wantGrad == null ? new long[] {e.size()}
                        : wantGrad.shape(), DataType.DOUBLE);
                if (wantGrad == null) {
                    assertEquals(0.0, haveGrad.norm2Number().doubleValue(), 0.0, e.name() + " has no gradient, " + at);
                    continue;
                }
                double err = relativeError(wantGrad, haveGrad);
                assertTrue(err <= TOLERANCE, "gradient of " + e.name() + ": relative error " + err + ", " + at);
                compared++;
            }
            assertTrue(compared > 0, "some gradient compared, " + at);
        }

        // A few real steps on both, with the epoch hooks in between: the same network afterwards.
        for (int epoch = 1; epoch <= 3; epoch++) {
            if (epoch > 1) {
                oracleLearner.onEpochStart(oracleHooks, epoch);
                fastLearner.onEpochStart(fastHooks, epoch);
            }
            FeatureMatrix in = oracleHooks.input();
            for (int step = 0; step < 3; step++) {
                int n = 40 + 13 * step;
                float[] x = new float[n * d];
                in.rowsInto(step * 20, step * 20 + n, x);
                oracle.step(x, n, 1.5, 0.01 * step, epoch);
                fast.step(x, n, 1.5, 0.01 * step, epoch);
            }
        }
        oracleLearner.onTrainingEnd(oracleHooks);
        fastLearner.onTrainingEnd(fastHooks);
        assertStatesAgree(oracle, fast, "after 9 steps and the hooks, " + where);
        float[] m1 = new float[data.rows()];
        float[] s1 = new float[data.rows()];
        float[] m2 = new float[data.rows()];
        float[] s2 = new float[data.rows()];
        TrainingLoop.forwardPass(oracle, data, m1, s1);
        TrainingLoop.forwardPass(fast, data, m2, s2);
        assertVectorsClose(m1, m2, "metrics after training, " + where);
        assertVectorsClose(s1, s2, "scores after training, " + where);
        float[] scoreOnly = new float[data.rows()];
        TrainingLoop.scorePass(fast, data, scoreOnly);
        assertArrayEquals(s2, scoreOnly, 0f, "the score-only pass equals the full pass, " + where);
        checkInputGradients(oracle, fast, data, where);
    }

    /**
     * The explanations' input gradients: on each engine, ∂s/∂x matches central differences of that engine's own
     * scores along a random direction per row; both engines give the same scores and the same ∂s/∂x; and the same
     * for the backbone metric's ∂m/∂x (the combined test score's other part).
     */
    private static void checkInputGradients(SameDiffNetwork oracle, TapeNetwork fast, FeatureMatrix data,
            String where) {
        int n = 50;
        int d = data.cols();
        float[] x = new float[n * d];
        data.rowsInto(data.rows() - n, data.rows(), x);
        float[] sWant = new float[n];
        float[] sHave = new float[n];
        double[] gWant = new double[n * d];
        double[] gHave = new double[n * d];
        oracle.scoreGradient(x, n, sWant, gWant);
        fast.scoreGradient(x, n, sHave, gHave);
        checkAgainstDifferences(fast::score, x, n, d, gHave, "fast engine, " + where);
        checkAgainstDifferences(oracle::score, x, n, d, gWant, "SameDiff, " + where);
        assertVectorsClose(sWant, sHave, "scores of the explanation pass, " + where);
        float[] plain = new float[n];
        fast.score(x, n, plain, 0);
        assertVectorsClose(plain, sHave, "the explanation pass scores as score() does, " + where);
        double err = relativeError(Nd4j.create(gWant), Nd4j.create(gHave));
        assertTrue(err <= TOLERANCE, "input gradients: relative error " + err + ", " + where);
        assertTrue(Arrays.stream(gHave).anyMatch(v -> v != 0), "some input gradient is not zero, " + where);
        // The backbone metric's input gradient (the combined test score's second part), likewise.
        float[] mWant = new float[n];
        float[] mHave = new float[n];
        oracle.metricGradient(x, n, mWant, gWant);
        fast.metricGradient(x, n, mHave, gHave);
        checkAgainstDifferences((xs, rows, out, offset) -> fast.evaluate(xs, rows, out, null, offset), x, n, d, gHave,
                "metric, fast engine, " + where);
        checkAgainstDifferences((xs, rows, out, offset) -> oracle.evaluate(xs, rows, out, null, offset), x, n, d,
                gWant, "metric, SameDiff, " + where);
        assertVectorsClose(mWant, mHave, "metrics of the explanation pass, " + where);
        double mErr = relativeError(Nd4j.create(gWant), Nd4j.create(gHave));
        assertTrue(mErr <= TOLERANCE, "metric input gradients: relative error " + mErr + ", " + where);
    }

    /** A batch function of the rows: {@link TrainableNetwork#score}'s shape. */
    private interface RowFunction {
        void apply(float[] x, int rows, float[] out, int offset);
    }

    /**
     * Central differences along a random ±1 direction v per row: {@code (s(x + hv) − s(x − hv)) / 2h ≈ ∇s·v}. A
     * step may cross a ReLU's kink and the scores are floats, so a row agrees within 2 % (or 1e-4 of the largest
     * directional derivative), and 90 % of the rows must agree.
     */
    private static void checkAgainstDifferences(RowFunction net, float[] x, int n, int d, double[] gradient,
            String where) {
        SplittableRandom rng = new SplittableRandom(17);
        float h = 2e-3f;
        float[] up = new float[n * d];
        float[] down = new float[n * d];
        double[] analytic = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                float v = rng.nextBoolean() ? 1f : -1f;
                up[i * d + j] = x[i * d + j] + h * v;
                down[i * d + j] = x[i * d + j] - h * v;
                // the exact float perturbations, as the network sees them
                analytic[i] += gradient[i * d + j] * ((double) up[i * d + j] - down[i * d + j]);
            }
        }
        float[] sUp = new float[n];
        float[] sDown = new float[n];
        net.apply(up, n, sUp, 0);
        net.apply(down, n, sDown, 0);
        double largest = Arrays.stream(analytic).map(Math::abs).max().orElse(0);
        int agree = 0;
        StringBuilder worst = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double numeric = (double) sUp[i] - sDown[i];
            double gap = Math.abs(numeric - analytic[i]);
            if (gap <= 0.02 * Math.abs(analytic[i]) + 1e-4 * largest) {
                agree++;
            } else if (worst.length() < 300) {
                worst.append(String.format(Locale.ROOT, " row %d: %.6g vs %.6g;", i, numeric, analytic[i]));
            }
        }
        assertTrue(agree >= 0.9 * n, "input gradients against central differences: " + agree + " of " + n
                + " rows agree, " + where + worst);
    }

    private static void assertStatesAgree(SameDiffNetwork oracle, TapeNetwork fast, String where) {
        Map<String, INDArray> have = fast.state();
        oracle.state().forEach((name, arr) -> {
            double err = relativeError(arr, have.get(name));
            assertTrue(err <= TOLERANCE, name + ": relative error " + err + " " + where);
        });
    }

    private static void assertRowsAgree(FeatureMatrix a, FeatureMatrix b, String where) {
        assertArrayEquals(a.toArray(), b.toArray(), 1e-5f, "training input after the hooks, " + where);
    }

    private static void assertClose(double want, double have, String what) {
        assertEquals(want, have, TOLERANCE * Math.max(1e-9, Math.abs(want)), what);
    }

    private static void assertVectorsClose(float[] want, float[] have, String what) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < want.length; i++) {
            num += ((double) want[i] - have[i]) * ((double) want[i] - have[i]);
            den += (double) want[i] * want[i];
        }
        double err = Math.sqrt(num) / Math.max(1e-12, Math.sqrt(den));
        // evaluate() hands out floats: rounding to float32 alone gives up to ~6e-8.
        assertTrue(err <= TOLERANCE, what + ": relative error " + err + ", first values "
                + Arrays.toString(Arrays.copyOf(want, 3)) + " vs " + Arrays.toString(Arrays.copyOf(have, 3)));
    }

    /**
     * @param want the expected values
     * @param have the values to check (same number of values)
     * @return ‖want − have‖ / ‖want‖ (the absolute error when ‖want‖ is below 1e-12)
     */
    public static double relativeError(INDArray want, INDArray have) {
        INDArray w = want.castTo(DataType.DOUBLE).reshape(-1);
        INDArray h = have.castTo(DataType.DOUBLE).reshape(-1);
        double scale = Math.max(1e-12, w.norm2Number().doubleValue());
        return w.sub(h).norm2Number().doubleValue() / scale;
    }
}
