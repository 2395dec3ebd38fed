package org.sgm.core;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fitted state of a model, as named binary entries (weights, a baseline's own serialised form) plus the
 * training history. This is what the model file stores besides its JSON metadata; no Java serialization.
 *
 * @param inputDim the number of features the model expects
 * @param entries named binary entries, in a stable order
 * @param history per-epoch training statistics
 */
public record ModelState(int inputDim, Map<String, byte[]> entries, List<EpochStats> history) {

    /** Copies the collections. */
    public ModelState {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        history = List.copyOf(history);
    }

    /**
     * Encodes a float array as bytes: rank, the shape, then the values, little-endian.
     *
     * @param array the array (any numeric type; stored as float)
     * @return the encoded bytes
     */
    public static byte[] encode(INDArray array) {
        long[] shape = array.shape();
        float[] values = array.castTo(DataType.FLOAT).dup('c').data().asFloat();
        ByteBuffer buf = ByteBuffer.allocate(4 + 8 * shape.length + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(shape.length);
        for (long s : shape) {
            buf.putLong(s);
        }
        for (float f : values) {
            buf.putFloat(f);
        }
        return buf.array();
    }

    /**
     * Decodes what {@link #encode} wrote.
     *
     * @param bytes the encoded bytes
     * @param name the entry's name, for messages
     * @return a float array
     * @throws ModelFileException if the bytes are not a well-formed array
     */
    public static INDArray decode(byte[] bytes, String name) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int rank = buf.getInt();
            if (rank < 0 || rank > 8) {
                throw new ModelFileException("model entry " + name + ": bad rank " + rank);
            }
            long[] shape = new long[rank];
            long n = 1;
            for (int i = 0; i < rank; i++) {
                shape[i] = buf.getLong();
                if (shape[i] < 0 || shape[i] > Integer.MAX_VALUE) {
                    throw new ModelFileException("model entry " + name + ": bad shape "
                            + Arrays.toString(shape));
                }
                n = Math.multiplyExact(n, shape[i]);
            }
            if (buf.remaining() % 4 != 0 || buf.remaining() / 4 != n) {
                throw new ModelFileException("model entry " + name + ": expected " + n + " values for shape "
                        + Arrays.toString(shape) + ", found " + buf.remaining() / 4 + " (truncated or modified)");
            }
            float[] values = new float[(int) n];
            buf.asFloatBuffer().get(values);
            return Nd4j.create(values, shape, DataType.FLOAT);
        } catch (ArithmeticException e) {
            throw new ModelFileException("model entry " + name + ": shape too large");
        } catch (BufferUnderflowException e) {
            throw new ModelFileException("model entry " + name + " is truncated");
        }
    }
}
