package org.sgm.eval.baselines;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;

/**
 * Reads and writes the float arrays that the baselines computing their own scores (linear one-class SVM, k-means,
 * HDBSCAN*) keep as their fitted state, in the model file's array format ({@link ModelState#encode}). A fitted
 * model scores with the float-rounded arrays from the start, so a restored model scores identically.
 *
 * <p>Double arrays ({@link #encodeDoubles}, {@link #readDoubles}) have the same layout with 8-byte values, for state
 * that float rounding would move away from the library that fitted it (the kernel one-class SVM's coefficients and
 * offset).
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
     * @return the entry's shape
     * @throws ModelFileException if the entry is missing or malformed
     */
    static long[] shape(String key, ModelState state, String entry) {
        return decode(key, state, entry).shape();
    }

    private static INDArray decode(String key, ModelState state, String entry) {
        return ModelState.decode(bytes(key, state, entry), entry);
    }

    private static byte[] bytes(String key, ModelState state, String entry) {
        byte[] bytes = state.entries().get(entry);
        if (bytes == null) {
            throw new ModelFileException(key + ": model state has no entry " + entry + " (entries: "
                    + state.entries().keySet() + ")");
        }
        return bytes;
    }

    /**
     * Encodes doubles as the rank (int), the shape (longs), then the values (8 bytes each), little-endian.
     *
     * @param values row-major values
     * @param shape the array's shape; the product must equal {@code values.length}
     * @return the encoded entry
     * @throws IllegalArgumentException if the shape does not hold {@code values.length} values
     */
    static byte[] encodeDoubles(double[] values, long... shape) {
        long n = 1;
        for (long s : shape) {
            n = Math.multiplyExact(n, s);
        }
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got "
                    + values.length);
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.addExact(4 + 8 * shape.length, Math.multiplyExact(8, values.length)))
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(shape.length);
        for (long s : shape) {
            buf.putLong(s);
        }
        buf.asDoubleBuffer().put(values);
        return buf.array();
    }

    /**
     * Checks a double entry written by {@link #encodeDoubles} without decoding it: its rank and extents against
     * {@code shape}, and its length against the number of values its shape holds. Nothing is allocated but the shape.
     *
     * @param key the registry key, for messages
     * @param state the fitted state
     * @param entry the entry's name
     * @param shape the shape the entry must have; a negative extent accepts any
     * @return the entry's shape
     * @throws ModelFileException if the entry is missing, truncated, longer than its shape or of another shape
     */
    static long[] doubleShape(String key, ModelState state, String entry, long... shape) {
        byte[] bytes = bytes(key, state, entry);
        String where = key + ": model entry " + entry;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.remaining() < 4) {
            throw new ModelFileException(where + " is truncated (" + bytes.length + " bytes)");
        }
        int rank = buf.getInt();
        if (rank != shape.length) {
            throw new ModelFileException(where + " has rank " + rank + ", expected " + shape.length);
        }
        if (buf.remaining() < 8L * rank) {
            throw new ModelFileException(where + " is truncated (" + bytes.length + " bytes)");
        }
        long[] actual = new long[rank];
        boolean ok = true;
        for (int i = 0; i < rank; i++) {
            actual[i] = buf.getLong();
            if (actual[i] < 0 || actual[i] > Integer.MAX_VALUE) {
                throw new ModelFileException(where + " has a bad shape " + Arrays.toString(actual));
            }
            ok &= shape[i] < 0 || shape[i] == actual[i];
        }
        if (!ok) {
            throw new ModelFileException(where + " has shape " + Arrays.toString(actual) + ", expected "
                    + describe(shape));
        }
        long n = 1;
        for (long s : actual) {
            n = s != 0 && n > Long.MAX_VALUE / s ? Long.MAX_VALUE : n * s; // saturates: no entry holds that many
        }
        if (buf.remaining() % 8 != 0 || buf.remaining() / 8 != n) {
            throw new ModelFileException(where + " has " + buf.remaining() + " bytes of values, expected " + n
                    + " doubles (8 bytes each) for shape " + Arrays.toString(actual) + " (truncated or modified)");
        }
        return actual;
    }

    /**
     * Decodes a double entry written by {@link #encodeDoubles}, after {@link #doubleShape} has checked it; the array
     * allocated is the size the entry's bytes hold.
     *
     * @param key the registry key, for messages
     * @param state the fitted state
     * @param entry the entry's name
     * @param shape the shape the entry must have; a negative extent accepts any
     * @return its values, row-major
     * @throws ModelFileException if the entry is missing, truncated, longer than its shape or of another shape
     */
    static double[] readDoubles(String key, ModelState state, String entry, long... shape) {
        long[] actual = doubleShape(key, state, entry, shape);
        byte[] bytes = state.entries().get(entry);
        int offset = 4 + 8 * actual.length;
        double[] values = new double[(bytes.length - offset) / 8];
        ByteBuffer.wrap(bytes, offset, bytes.length - offset).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer()
                .get(values);
        return values;
    }

    /**
     * Checks that every value of a double entry is finite, reading the entry in place (no array is allocated).
     *
     * @param key the registry key, for messages
     * @param state the fitted state
     * @param entry the entry's name
     * @param shape the shape the entry must have; a negative extent accepts any
     * @throws ModelFileException if the entry is not as {@link #doubleShape} requires, or naming the first value
     *     that is not finite and its row-major index
     */
    static void requireFiniteDoubles(String key, ModelState state, String entry, long... shape) {
        long[] actual = doubleShape(key, state, entry, shape);
        byte[] bytes = state.entries().get(entry);
        int offset = 4 + 8 * actual.length;
        DoubleBuffer values =
                ByteBuffer.wrap(bytes, offset, bytes.length - offset).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        for (int i = 0; i < values.limit(); i++) {
            if (!Double.isFinite(values.get(i))) {
                throw new ModelFileException(key + ": model entry " + entry + " holds a non-finite value "
                        + values.get(i) + " (index " + i + ", row-major, shape " + Arrays.toString(actual) + ")");
            }
        }
    }

    /** @return the shape with "any" for each negative extent */
    private static String describe(long[] shape) {
        String[] parts = new String[shape.length];
        for (int i = 0; i < shape.length; i++) {
            parts[i] = shape[i] < 0 ? "any" : Long.toString(shape[i]);
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /**
     * @param key the registry key, for messages
     * @param state the fitted state
     * @param entry the entry's name
     * @param shape the shape the entry must have; a negative extent accepts any (read it back with {@link #shape})
     * @return its values, row-major
     * @throws ModelFileException if the entry is missing, malformed or of another shape
     */
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
