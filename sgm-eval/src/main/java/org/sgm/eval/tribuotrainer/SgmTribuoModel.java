package org.sgm.eval.tribuotrainer;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.io.ModelFile;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.anomaly.Event;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * A Tribuo anomaly-detection {@link Model} around a fitted SGM detector, made by {@link SgmAnomalyTrainer}.
 *
 * <p>{@link #predict} gives an {@link Event} whose score is the detector's score (higher = more anomalous, unlike
 * Tribuo's LibSVM/LIBLINEAR models, whose score is higher for more normal rows) and whose type is {@code ANOMALOUS}
 * when the score is above {@link #threshold()}. Features are matched by name through the training feature map:
 * missing features are 0, unknown ones are ignored, and an example with no known feature is refused, as Tribuo's
 * models do. Batches ({@code predict(Iterable)}, {@code predict(Dataset)}) are scored as one matrix.
 *
 * <p>The model does not support Tribuo's protobuf or Java serialization; save {@link #fittedDetector()} in an SGM
 * model file ({@code ModelFile}) instead.
 */
public final class SgmTribuoModel extends Model<Event> {
    private static final long serialVersionUID = 1L;

    private final transient FittedDetector fitted;
    private final double threshold;

    SgmTribuoModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
            ImmutableOutputInfo<Event> outputs, FittedDetector fitted, double threshold) {
        super(name, provenance, features, outputs, false);
        this.fitted = fitted;
        this.threshold = threshold;
    }

    /** @return the fitted SGM detector */
    public FittedDetector fittedDetector() {
        return fitted;
    }

    /** @return the score above which an example is {@code ANOMALOUS} */
    public double threshold() {
        return threshold;
    }

    @Override
    public Prediction<Event> predict(Example<Event> example) {
        return innerPredict(List.of(example)).get(0);
    }

    @Override
    protected List<Prediction<Event>> innerPredict(Iterable<Example<Event>> examples) {
        List<Example<Event>> list = new ArrayList<>();
        examples.forEach(list::add);
        int d = featureIDMap.size();
        float[] data = new float[list.size() * d];
        int[] used = new int[list.size()];
        float[] row = new float[d];
        for (int i = 0; i < list.size(); i++) {
            Arrays.fill(row, 0f);
            used[i] = TribuoMatrices.fill(list.get(i), featureIDMap, row);
            if (used[i] == 0) {
                throw new IllegalArgumentException("No features found in Example " + list.get(i));
            }
            System.arraycopy(row, 0, data, i * d, d);
        }
        double[] scores = fitted.score(FeatureMatrix.wrap(data, list.size(), TribuoMatrices.columns(featureIDMap)));
        List<Prediction<Event>> out = new ArrayList<>(list.size());
        for (int i = 0; i < scores.length; i++) {
            Event.EventType type = scores[i] > threshold ? Event.EventType.ANOMALOUS : Event.EventType.EXPECTED;
            out.add(new Prediction<>(new Event(type, scores[i]), used[i], list.get(i)));
        }
        return out;
    }

    /** @return an empty map: SGM detectors do not rank features */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    /** @return empty: SGM detectors give no explanations */
    @Override
    public Optional<Excuse<Event>> getExcuse(Example<Event> example) {
        return Optional.empty();
    }

    /**
     * @throws UnsupportedOperationException always: the model has no protobuf form
     */
    @Override
    public ModelProto serialize() {
        throw new UnsupportedOperationException("SgmTribuoModel has no Tribuo protobuf form; save fittedDetector() in "
                + "an SGM model file (org.sgm.core.io.ModelFile)");
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        throw new NotSerializableException("SgmTribuoModel does not support Java serialization; save "
                + "fittedDetector() in an SGM model file (org.sgm.core.io.ModelFile)");
    }

    @Override
    protected SgmTribuoModel copy(String newName, ModelProvenance newProvenance) {
        return new SgmTribuoModel(newName, newProvenance, featureIDMap, outputIDInfo, fitted, threshold);
    }
}
