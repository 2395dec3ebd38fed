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
 * A fitted score-guided model: test score {@code s = φ(z(x))}, or the backbone metric m for a plain backbone
 * (λ_DE = 0). Immutable; scoring is serialised because the networks reuse buffers and are not thread-safe.
 */
public final class ScoreGuidedModel implements FittedDetector, Differentiable {
    private final String key;
    private final Record hyperparameters;
    private final TrainableNetwork net;
    private final int inputDim;
    private final List<EpochStats> history;

    ScoreGuidedModel(String key, Record hyperparameters, TrainableNetwork net, int inputDim, List<EpochStats> history) {
        this.key = key;
        this.hyperparameters = hyperparameters;
        this.net = net;
        this.inputDim = inputDim;
        this.history = List.copyOf(history);
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
        TrainingLoop.scorePass(net, x, score);
        double[] out = new double[score.length];
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
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            x.rowsInto(from, to, buffer);
            net.scoreGradient(buffer, to - from, s, g);
            for (int i = 0; i < to - from; i++) {
                scores[from + i] = s[i];
            }
            System.arraycopy(g, 0, gradients, from * inputDim, (to - from) * inputDim);
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
        return new ModelState(inputDim, entries, history);
    }
}
