package org.sgm.eval.baselines;

import java.util.ArrayList;
import java.util.List;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.tribuo.Example;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;

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
     * @param x the rows to convert
     * @param output the output every example carries ({@code EXPECTED} for training, unknown for scoring)
     * @return one example per row, in row order
     * @throws SgmException if a value is not finite (LibSVM would silently produce meaningless scores)
     */
    static List<Example<Event>> examples(FeatureMatrix x, Event output) {
        String[] names = names(x.cols());
        List<Example<Event>> out = new ArrayList<>(x.rows());
        double[] values = new double[x.cols()];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < values.length; j++) {
                values[j] = x.get(i, j);
                if (!Double.isFinite(values[j])) {
                    throw new SgmException("row " + i + ", column " + x.columnNames().get(j) + ": value " + values[j]
                            + " is not finite (a one-class SVM needs finite features)");
                }
            }
            out.add(new ArrayExample<>(output, names, values));
        }
        return out;
    }
}
