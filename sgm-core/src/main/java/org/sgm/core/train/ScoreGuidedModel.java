package org.sgm.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.SchemaMismatchException;

/**
 * A fitted score-guided model: test score {@code s = φ(z(x))}, or the backbone metric m for a plain backbone
 * (λ_DE = 0). Immutable; scoring is serialised because the networks reuse buffers and are not thread-safe.
 */
public final class ScoreGuidedModel implements FittedDetector {
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
