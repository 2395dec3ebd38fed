package org.sgm.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sgm.core.EpochStats;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.SchemaMismatchException;
import org.sgm.core.explain.Differentiable;

/**
 * A fitted score-guided model. Its test score is the scorer's output {@code φ(z(x))} (the paper), or φ and the
 * backbone metric m combined by a {@link TestScoreCalibration} (guidance {@code testScore: "scorer+metric"}, the
 * default), or m for a plain backbone (λ_DE = 0). Immutable; scoring is serialised because the networks reuse
 * buffers and are not thread-safe.
 */
public final class ScoreGuidedModel implements FittedDetector, Differentiable {
    private final String key;
    private final Record hyperparameters;
    private final TrainableNetwork net;
    private final int inputDim;
    private final List<EpochStats> history;
    private final TestScoreCalibration calibration;

    ScoreGuidedModel(String key, Record hyperparameters, TrainableNetwork net, int inputDim, List<EpochStats> history,
            TestScoreCalibration calibration) {
        this.key = key;
        this.hyperparameters = hyperparameters;
        this.net = net;
        this.inputDim = inputDim;
        this.history = List.copyOf(history);
        this.calibration = calibration;
    }

    /**
     * @return how φ and m are combined into the test score, or null where the score is φ alone (the paper's test
     *     score, or a model file written before the combination existed) or m (a plain backbone)
     */
    public TestScoreCalibration calibration() {
        return calibration;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Record hyperparameters() {
        return hyperparameters;
    }

    @Override
    public int inputDim() {
        return inputDim;
    }

    @Override
    public synchronized double[] score(FeatureMatrix x) {
        if (x.cols() != inputDim) {
            throw new SchemaMismatchException("model " + key + " expects " + inputDim + " features, got " + x.cols());
        }
        float[] score = new float[x.rows()];
        double[] out = new double[score.length];
        if (calibration != null) {
            float[] metric = new float[x.rows()];
            TrainingLoop.forwardPass(net, x, metric, score);
            for (int i = 0; i < out.length; i++) {
                out[i] = calibration.combine(score[i], metric[i]);
            }
            return out;
        }
        TrainingLoop.scorePass(net, x, score);
        for (int i = 0; i < out.length; i++) {
            out[i] = score[i];
        }
        return out;
    }

    @Override
    public synchronized ScoreGradients scoreGradients(FeatureMatrix x) {
        check(x);
        int n = x.rows();
        double[] scores = new double[n];
        double[] gradients = new double[n * inputDim];
        int batch = FittedDetector.SCORING_BATCH;
        float[] buffer = new float[Math.min(n, batch) * inputDim];
        float[] s = new float[Math.min(n, batch)];
        double[] g = new double[Math.min(n, batch) * inputDim];
        float[] m = calibration == null ? null : new float[s.length];
        double[] gm = calibration == null ? null : new double[g.length];
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            int rows = to - from;
            x.rowsInto(from, to, buffer);
            net.scoreGradient(buffer, rows, s, g);
            if (calibration != null) {
                // The combination is linear in φ and m: its gradient is ∇φ / scale_φ + ∇m / scale_m.
                net.metricGradient(buffer, rows, m, gm);
                for (int k = 0; k < rows * inputDim; k++) {
                    g[k] = g[k] / calibration.scoreScale() + gm[k] / calibration.metricScale();
                }
            }
            for (int i = 0; i < rows; i++) {
                scores[from + i] = calibration == null ? s[i] : calibration.combine(s[i], m[i]);
            }
            System.arraycopy(g, 0, gradients, from * inputDim, rows * inputDim);
        }
        return new ScoreGradients(scores, gradients, inputDim);
    }

    @Override
    public synchronized double[] reconstruction(FeatureMatrix x) {
        check(x);
        int n = x.rows();
        double[] out = new double[n * inputDim];
        int batch = FittedDetector.SCORING_BATCH;
        float[] buffer = new float[Math.min(n, batch) * inputDim];
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            x.rowsInto(from, to, buffer);
            double[] r = net.reconstruction(buffer, to - from);
            if (r == null) {
                return null;
            }
            System.arraycopy(r, 0, out, from * inputDim, (to - from) * inputDim);
        }
        return out;
    }

    private void check(FeatureMatrix x) {
        if (x.cols() != inputDim) {
            throw new SchemaMismatchException("model " + key + " expects " + inputDim + " features, got " + x.cols());
        }
    }

    /** @return the network (for tests in this package) */
    TrainableNetwork network() {
        return net;
    }

    /** @return the engine the network runs on: {@code fast} or {@code samediff} */
    @Override
    public String engine() {
        return net.engine();
    }

    @Override
    public List<EpochStats> history() {
        return history;
    }

    @Override
    public synchronized ModelState state() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        net.state().forEach((name, arr) -> entries.put(name, ModelState.encode(arr)));
        if (calibration != null) {
            entries.put(TestScoreCalibration.STATE_NAME, ModelState.encode(calibration.toArray()));
        }
        return new ModelState(inputDim, entries, history);
    }
}
