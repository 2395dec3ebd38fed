package org.sgm.eval.baselines;

import java.util.ArrayList;
import java.util.List;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.data.SchemaMismatchException;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Converts a {@link FeatureMatrix} into Tribuo examples. Columns are renamed {@code f0000, f0001, …} (at least
 * four digits, all of the same width) so that Tribuo's lexicographic feature numbering is the column order.
 * Zeros are kept, so every column is in the trained model's feature map even if it was always zero in training.
 */
final class TribuoFeatures {
    private TribuoFeatures() {}

    /**
     * @param d the number of columns
     * @return {@code f0000 … f(d-1)}, zero-padded to one width
     */
    static String[] names(int d) {
        int width = Math.max(4, Integer.toString(Math.max(d - 1, 0)).length());
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = "f" + "0".repeat(width - Integer.toString(j).length()) + j;
        }
        return names;
    }

    /**
     * @param x the features (finite)
     * @param factory the output factory of the dataset
     * @param output the output every example gets (the baselines train without labels)
     * @param <T> the output type
     * @return a Tribuo dataset with one example per row of {@code x}
     */
    static <T extends Output<T>> MutableDataset<T> dataset(FeatureMatrix x,
            OutputFactory<T> factory, T output) {
        MutableDataset<T> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("SGM feature matrix", factory), factory);
        examples(x, output).forEach(dataset::add);
        return dataset;
    }

    /**
     * @param <T> the Tribuo output type
     * @param x the rows to convert
     * @param output the output every example carries (e.g. {@code EXPECTED} for training, unknown for scoring)
     * @return one example per row, in row order
     * @throws SgmException if a value is not finite (Tribuo's trainers would silently produce meaningless scores)
     */
    static <T extends Output<T>> List<Example<T>> examples(FeatureMatrix x, T output) {
        String[] names = names(x.cols());
        List<Example<T>> out = new ArrayList<>(x.rows());
        double[] values = new double[x.cols()];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < values.length; j++) {
                values[j] = x.get(i, j);
                if (!Double.isFinite(values[j])) {
                    throw new SgmException("row " + i + ", column " + x.columnNames().get(j) + ": value " + values[j]
                            + " is not finite (the Tribuo baselines need finite features)");
                }
            }
            out.add(new ArrayExample<>(output, names, values));
        }
        return out;
    }

    /**
     * Checks that every value is finite, for baselines that compute their scores without Tribuo.
     *
     * @param x the rows
     * @throws SgmException naming the first row and column whose value is not finite
     */
    static void requireFinite(FeatureMatrix x) {
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                float v = x.get(i, j);
                if (!Float.isFinite(v)) {
                    throw new SgmException("row " + i + ", column " + x.columnNames().get(j) + ": value " + v
                            + " is not finite (the Tribuo baselines need finite features)");
                }
            }
        }
    }

    /**
     * @param key the registry key, for the message
     * @param x the training rows
     * @throws InvalidDataException if there is no row or no column
     */
    static void requireNonEmpty(String key, FeatureMatrix x) {
        if (x.rows() == 0 || x.cols() == 0) {
            throw new InvalidDataException(key + ": cannot fit on " + x.rows() + " rows × " + x.cols()
                    + " columns (need at least one of each)");
        }
    }

    /**
     * @param key the registry key, for the message
     * @param inputDim the number of features the model expects
     * @param x the rows to score
     * @throws SchemaMismatchException if {@code x} has another number of columns
     */
    static void requireWidth(String key, int inputDim, FeatureMatrix x) {
        if (x.cols() != inputDim) {
            throw new SchemaMismatchException("model " + key + " expects " + inputDim + " features, got " + x.cols());
        }
    }
}
