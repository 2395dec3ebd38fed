package org.sgm.eval.baselines;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.io.ModelFileException;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyModel;
import org.tribuo.protos.core.ModelProto;

/**
 * A fitted one-class SVM. Its score is the negated LibSVM decision value {@code −(Σᵢ αᵢ k(xᵢ, x) − ρ)}: LibSVM's
 * value is positive inside the learned support (normal) and negative outside, so the negation is higher for more
 * anomalous rows.
 *
 * <p>The fitted state is Tribuo's own protobuf form of the model (one entry, {@value #ENTRY}); no Java
 * serialization.
 */
final class OcsvmModel extends BaselineModel<OcsvmHyperparameters> {
    /** Name of the model-state entry holding the Tribuo model's protobuf bytes. */
    static final String ENTRY = "tribuo-model.pb";

    private final LibSVMAnomalyModel model;

    /**
     * @param key the registry key
     * @param hyperparameters the hyperparameters it was fitted with
     * @param model the trained Tribuo model
     * @param inputDim the number of features
     */
    OcsvmModel(String key, OcsvmHyperparameters hyperparameters, LibSVMAnomalyModel model, int inputDim) {
        super(key, hyperparameters, inputDim);
        this.model = model;
    }

    /**
     * Rebuilds a model from what {@link #state()} returned.
     *
     * @param key the registry key
     * @param hyperparameters the hyperparameters it was fitted with
     * @param state the fitted state
     * @return the model
     * @throws ModelFileException if the state is missing its entry, is not a Tribuo model, or is a different model
     */
    static OcsvmModel restore(String key, OcsvmHyperparameters hyperparameters, ModelState state) {
        byte[] bytes = state.entries().get(ENTRY);
        if (bytes == null) {
            throw new ModelFileException(key + ": model state has no entry " + ENTRY + " (entries: "
                    + state.entries().keySet() + ")");
        }
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelFileException(key + ": model entry " + ENTRY + " is not a Tribuo model: " + e.getMessage(),
                    e);
        }
        // Checked before deserialising: Tribuo instantiates whatever class the proto names.
        String expected = LibSVMAnomalyModel.class.getName();
        if (!expected.equals(proto.getClassName())) {
            throw new ModelFileException(key + ": model entry " + ENTRY + " holds a " + proto.getClassName()
                    + ", expected a " + expected);
        }
        Model<?> restored;
        try {
            restored = Model.deserialize(proto);
        } catch (RuntimeException e) {
            throw new ModelFileException(key + ": cannot rebuild the Tribuo model in " + ENTRY + ": " + e.getMessage(),
                    e);
        }
        if (!(restored instanceof LibSVMAnomalyModel svm)) {
            throw new ModelFileException(key + ": model entry " + ENTRY + " rebuilt as a "
                    + restored.getClass().getName() + ", expected a " + expected);
        }
        checkFeatures(key, svm.getFeatureIDMap(), state.inputDim());
        return new OcsvmModel(key, hyperparameters, svm, state.inputDim());
    }

    private static void checkFeatures(String key, ImmutableFeatureMap features, int inputDim) {
        String[] expected = TribuoFeatures.names(inputDim);
        boolean ok = features.size() == inputDim && Arrays.stream(expected).allMatch(n -> features.getID(n) >= 0);
        if (!ok) {
            throw new ModelFileException(key + ": the stored Tribuo model has " + features.size()
                    + " features, which do not match the model file's " + inputDim);
        }
    }

    @Override
    double[] scoreChecked(FeatureMatrix x) {
        List<Example<Event>> examples = TribuoFeatures.examples(x, AnomalyFactory.UNKNOWN_EVENT);
        double[] scores = new double[examples.size()];
        for (int i = 0; i < scores.length; i++) {
            // Tribuo's Event score is LibSVM's decision value: higher = more normal.
            scores[i] = -model.predict(examples.get(i)).getOutput().getScore();
        }
        return scores;
    }

    @Override
    public ModelState state() {
        return new ModelState(inputDim, Map.of(ENTRY, model.serialize().toByteArray()), List.of());
    }
}
