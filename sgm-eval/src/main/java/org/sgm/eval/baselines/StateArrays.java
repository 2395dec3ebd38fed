package org.sgm.eval.baselines;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.ModelState;
import org.sgm.core.io.ModelFileException;

/**
 * Reads and writes the float arrays that the baselines computing their own scores (linear one-class SVM, k-means,
 * HDBSCAN*) keep as their fitted state, in the model file's array format ({@link ModelState#encode}). A fitted
 * model scores with the float-rounded arrays from the start, so a restored model scores identically.
 */
final class StateArrays {
    private StateArrays() {}

    /**
     * @param values row-major values
     * @param shape the array's shape; the product must equal {@code values.length}
     * @return the encoded entry
     */
    static byte[] encode(float[] values, long... shape) {
        return ModelState.encode(Nd4j.create(values, shape, 'c'));
    }

    /**
     * @param key the registry key, for messages
     * @param state the fitted state
     * @param entry the entry's name
     * @param shape the shape the entry must have; a negative extent accepts any (read it back with {@link #shape})
     * @return its values, row-major
     * @throws ModelFileException if the entry is missing, malformed or of another shape
     */
    /**
     * @param key the registry key, for messages
     * @param state the fitted state
     * @param entry the entry's name
     * @return the entry's shape
     * @throws ModelFileException if the entry is missing or malformed
     */
    static long[] shape(String key, ModelState state, String entry) {
        return decode(key, state, entry).shape();
    }

    private static INDArray decode(String key, ModelState state, String entry) {
        byte[] bytes = state.entries().get(entry);
        if (bytes == null) {
            throw new ModelFileException(key + ": model state has no entry " + entry + " (entries: "
                    + state.entries().keySet() + ")");
        }
        return ModelState.decode(bytes, entry);
    }

    static float[] read(String key, ModelState state, String entry, long... shape) {
        INDArray a = decode(key, state, entry);
        boolean ok = a.rank() == shape.length;
        for (int i = 0; ok && i < shape.length; i++) {
            ok = shape[i] < 0 || shape[i] == a.size(i);
        }
        if (!ok) {
            throw new ModelFileException(key + ": model entry " + entry + " has shape " + Arrays.toString(a.shape())
                    + ", expected " + Arrays.toString(shape));
        }
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
