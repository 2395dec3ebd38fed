package org.sgm.eval.tribuotrainer;

import java.util.ArrayList;
import java.util.List;
import org.sgm.core.data.FeatureMatrix;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;

/**
 * Converts Tribuo examples into an SGM {@link FeatureMatrix} through a feature map: column {@code j} is the feature
 * with id {@code j}, features an example lacks are 0, and features the map does not know are ignored (Tribuo's
 * semantics).
 */
final class TribuoMatrices {
    private TribuoMatrices() {}

    /**
     * @param features the feature map
     * @return the column names: the feature names in id order
     */
    static List<String> columns(ImmutableFeatureMap features) {
        List<String> names = new ArrayList<>(features.size());
        for (int j = 0; j < features.size(); j++) {
            names.add(features.get(j).getName());
        }
        return names;
    }

    /**
     * @param <T> the output type
     * @param examples the examples, in order
     * @param features the feature map fixing the columns
     * @return one row per example
     */
    static <T extends Output<T>> FeatureMatrix of(Iterable<Example<T>> examples, ImmutableFeatureMap features) {
        int d = features.size();
        List<float[]> rows = new ArrayList<>();
        for (Example<T> example : examples) {
            float[] row = new float[d];
            fill(example, features, row);
            rows.add(row);
        }
        float[] data = new float[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, i * d, d);
        }
        return FeatureMatrix.wrap(data, rows.size(), columns(features));
    }

    /**
     * Writes an example's known features into a row of zeros.
     *
     * @param <T> the output type
     * @param example the example
     * @param features the feature map
     * @param row the row, {@code features.size()} zeros
     * @return how many of the example's features the map knows
     */
    static <T extends Output<T>> int fill(Example<T> example, ImmutableFeatureMap features, float[] row) {
        int used = 0;
        for (Feature f : example) {
            int id = features.getID(f.getName());
            if (id >= 0) {
                row[id] = (float) f.getValue();
                used++;
            }
        }
        return used;
    }
}
