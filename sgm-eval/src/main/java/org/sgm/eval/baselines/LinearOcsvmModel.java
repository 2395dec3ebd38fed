package org.sgm.eval.baselines;

import java.util.List;
import java.util.Map;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;
import org.tribuo.anomaly.liblinear.LibLinearAnomalyModel;

/**
 * A fitted linear one-class SVM. LIBLINEAR's decision value is {@code w·x + b − ρ} (b the weight of the bias
 * feature Tribuo appends with value 1), positive inside the learned half-space (normal); the score is its negation,
 * higher = more anomalous.
 *
 * <p>Tribuo's protobuf form of a LIBLINEAR model wraps a Java-serialised object, so the fitted state is instead the
 * weights and the constant {@code b − ρ} as one float array ({@value #ENTRY}, {@code d + 1} values). The model
 * scores with the float-rounded values from the start, so a restored model scores identically.
 */
final class LinearOcsvmModel extends BaselineModel<LinearOcsvmHyperparameters> {
    /** Name of the model-state entry: the d weights followed by the constant term. */
    static final String ENTRY = "linear-ocsvm.bin";

    private final float[] weights;

    private LinearOcsvmModel(String key, LinearOcsvmHyperparameters hyperparameters, float[] weights) {
        super(key, hyperparameters, weights.length - 1);
        this.weights = weights;
    }

    /**
     * Takes the weights out of a trained Tribuo model.
     *
     * @param key the registry key
     * @param hyperparameters the hyperparameters it was fitted with
     * @param model the trained model, over features named by {@link TribuoFeatures#names}
     * @param inputDim the number of features d
     * @return the fitted model
     */
    static LinearOcsvmModel of(String key, LinearOcsvmHyperparameters hyperparameters, LibLinearAnomalyModel model,
            int inputDim) {
        de.bwaldvogel.liblinear.Model inner = model.getInnerModels().get(0);
        // One weight per LIBLINEAR feature index 1…d (Tribuo's feature ids 0…d−1, in name order = column order),
        // then the bias feature Tribuo appends at index d+1 with value 1, then LIBLINEAR's own bias term if enabled.
        double[] w = inner.getFeatureWeights();
        double constant = -inner.getDecfunRho();
        for (int j = inputDim; j < w.length; j++) {
            constant += w[j] * (j == inputDim ? 1.0 : Math.max(inner.getBias(), 0));
        }
        float[] weights = new float[inputDim + 1];
        for (int j = 0; j < inputDim; j++) {
            weights[j] = j < w.length ? (float) w[j] : 0f;
        }
        weights[inputDim] = (float) constant;
        return new LinearOcsvmModel(key, hyperparameters, weights);
    }

    /**
     * Rebuilds a model from what {@link #state()} returned.
     *
     * @param key the registry key
     * @param hyperparameters the hyperparameters it was fitted with
     * @param state the fitted state
     * @return the model
     */
    static LinearOcsvmModel restore(String key, LinearOcsvmHyperparameters hyperparameters, ModelState state) {
        return new LinearOcsvmModel(key, hyperparameters,
                StateArrays.read(key, state, ENTRY, state.inputDim() + 1L));
    }

    @Override
    double[] scoreChecked(FeatureMatrix x) {
        double[] scores = new double[x.rows()];
        for (int i = 0; i < scores.length; i++) {
            double decision = weights[inputDim];
            for (int j = 0; j < inputDim; j++) {
                decision += (double) weights[j] * x.get(i, j);
            }
            scores[i] = -decision;
        }
        return scores;
    }

    @Override
    public ModelState state() {
        return new ModelState(inputDim, Map.of(ENTRY, StateArrays.encode(weights, inputDim + 1L)), List.of());
    }
}
