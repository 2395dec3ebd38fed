package org.sgm.core.data;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable dense {@code rows × cols} matrix of features with column names, and nothing else: labels never live
 * here, so nothing that takes a {@code FeatureMatrix} (above all {@code fit}) can see them.
 *
 * <p>Values are stored row-major as {@code float}, the precision every model trains in: either in a Java array
 * ({@link #of}, {@link #wrap}) or in a memory-mapped file of little-endian floats ({@link #map}), which the
 * operating system pages in and out, so that data larger than the heap (or than RAM) can be trained on and scored.
 * Both behave the same; the training loop and scoring read rows in mini-batches only ({@link #gatherRows},
 * {@link #rowsInto}). Methods that return the whole matrix ({@link #toArray}, {@link #toINDArray()}) copy it onto
 * the heap or into native memory, and are meant for data that fits there.
 */
public final class FeatureMatrix {
    /** Bytes per value in a mapped file. */
    private static final int FLOAT_BYTES = Float.BYTES;

    private final float[] data;
    /** The mapped file in segments of {@link #rowsPerSegment} whole rows (one buffer maps at most 2 GiB); or null. */
    private final FloatBuffer[] segments;
    private final int rowsPerSegment;
    private final int rows;
    private final int cols;
    private final List<String> columnNames;
    /** For a matrix with some rows replaced ({@link #withRows}): the matrix it reads the other rows from; or null. */
    private final FeatureMatrix base;
    /** Row → index of its replacement in {@link #replaced}, or −1; null unless {@link #base} is set. */
    private final int[] slot;
    private final float[] replaced;

    private FeatureMatrix(float[] data, int rows, int cols, List<String> columnNames) {
        this.data = data;
        this.segments = null;
        this.rowsPerSegment = 0;
        this.rows = rows;
        this.cols = cols;
        this.columnNames = columnNames;
        this.base = null;
        this.slot = null;
        this.replaced = null;
    }

    private FeatureMatrix(FloatBuffer[] segments, int rowsPerSegment, int rows, int cols, List<String> columnNames) {
        this.data = null;
        this.segments = segments;
        this.rowsPerSegment = rowsPerSegment;
        this.rows = rows;
        this.cols = cols;
        this.columnNames = columnNames;
        this.base = null;
        this.slot = null;
        this.replaced = null;
    }

    private FeatureMatrix(FeatureMatrix base, int[] slot, float[] replaced) {
        this.data = null;
        this.segments = null;
        this.rowsPerSegment = 0;
        this.rows = base.rows;
        this.cols = base.cols;
        this.columnNames = base.columnNames;
        this.base = base;
        this.slot = slot;
        this.replaced = replaced;
    }

    /**
     * This matrix with some rows replaced, sharing the others (nothing is copied but the new rows), e.g. RDA's
     * {@code L = X − S} where the sparse part S is non-zero on a few rows only.
     *
     * @param rowIndices the rows to replace, distinct
     * @param values their new values, row-major, {@code rowIndices.length × cols}
     * @return the new matrix; this one is unchanged
     */
    public FeatureMatrix withRows(int[] rowIndices, float[] values) {
        if (values.length != rowIndices.length * cols) {
            throw new IllegalArgumentException(
                    "values has " + values.length + " entries, expected " + rowIndices.length + " × " + cols);
        }
        FeatureMatrix root = base != null ? base : this;
        int[] slots = new int[rows];
        Arrays.fill(slots, -1);
        // Rows this matrix already replaced and the new call does not: carried over.
        int carried = 0;
        if (base != null) {
            for (int r = 0; r < rows; r++) {
                if (slot[r] >= 0) {
                    carried++;
                }
            }
        }
        float[] all = new float[(carried + rowIndices.length) * cols];
        int next = 0;
        for (int k = 0; k < rowIndices.length; k++) {
            int r = rowIndices[k];
            if (r < 0 || r >= rows || slots[r] >= 0) {
                throw new IllegalArgumentException("row index " + r + " out of range or repeated");
            }
            slots[r] = next;
            System.arraycopy(values, k * cols, all, next * cols, cols);
            next++;
        }
        if (base != null) {
            for (int r = 0; r < rows; r++) {
                if (slot[r] >= 0 && slots[r] < 0) {
                    slots[r] = next;
                    System.arraycopy(replaced, slot[r] * cols, all, next * cols, cols);
                    next++;
                }
            }
        }
        return new FeatureMatrix(root, slots, Arrays.copyOf(all, next * cols));
    }

    /**
     * Creates a matrix from a row-major array, copying it.
     *
     * @param data row-major values, {@code rows * columnNames.size()} of them
     * @param rows the number of rows
     * @param columnNames one name per column
     * @return the matrix
     */
    public static FeatureMatrix of(float[] data, int rows, List<String> columnNames) {
        return wrap(data.clone(), rows, columnNames);
    }

    /**
     * Creates a matrix from rows of values, copying them; columns are named {@code f1 … fd}.
     *
     * @param rows the values, one array per row, all of the same length
     * @return the matrix
     */
    public static FeatureMatrix of(double[][] rows) {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        float[] data = new float[n * d];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                data[i * d + j] = (float) rows[i][j];
            }
        }
        return wrap(data, n, defaultNames(d));
    }

    /**
     * Wraps a row-major array without copying it; the caller must not modify it afterwards.
     *
     * @param data row-major values
     * @param rows the number of rows
     * @param columnNames one name per column
     * @return the matrix
     */
    public static FeatureMatrix wrap(float[] data, int rows, List<String> columnNames) {
        Objects.requireNonNull(data, "data");
        List<String> names = List.copyOf(columnNames);
        if (rows < 0 || (long) rows * names.size() != data.length) {
            throw new IllegalArgumentException(
                    "data has " + data.length + " values, expected rows × cols = " + rows + " × " + names.size());
        }
        return new FeatureMatrix(data, rows, names.size(), names);
    }

    /**
     * Maps a file of row-major little-endian 32-bit floats (as {@link FeatureFileWriter} writes) read-only, without
     * reading it: rows are paged in by the operating system when they are used. The mapping stays valid after the
     * file is deleted (on POSIX systems), until the matrix is garbage-collected.
     *
     * @param file the file, exactly {@code rows × columnNames.size() × 4} bytes
     * @param rows the number of rows
     * @param columnNames one name per column
     * @return the matrix
     * @throws IOException if the file cannot be mapped
     * @throws IllegalArgumentException if the file's size does not match
     */
    public static FeatureMatrix map(Path file, int rows, List<String> columnNames) throws IOException {
        return map(file, rows, columnNames, Integer.MAX_VALUE);
    }

    /** As {@link #map(Path, int, List)}, with segments of at most {@code maxSegmentBytes} (tests use small ones). */
    static FeatureMatrix map(Path file, int rows, List<String> columnNames, int maxSegmentBytes) throws IOException {
        List<String> names = List.copyOf(columnNames);
        int cols = names.size();
        if (rows < 0 || cols < 1) {
            throw new IllegalArgumentException("a mapped matrix needs rows ≥ 0 and at least one column");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long expected = (long) rows * cols * FLOAT_BYTES;
            if (channel.size() != expected) {
                throw new IllegalArgumentException(file + " has " + channel.size() + " bytes, expected rows × cols × 4 = "
                        + expected);
            }
            int perSegment = Math.max(1, maxSegmentBytes / (cols * FLOAT_BYTES));
            int count = rows == 0 ? 0 : (rows - 1) / perSegment + 1;
            FloatBuffer[] segments = new FloatBuffer[count];
            for (int s = 0; s < count; s++) {
                long first = (long) s * perSegment;
                long size = Math.min(perSegment, rows - first) * cols * FLOAT_BYTES;
                segments[s] = channel.map(FileChannel.MapMode.READ_ONLY, first * cols * FLOAT_BYTES, size)
                        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            }
            return new FeatureMatrix(segments, perSegment, rows, cols, names);
        }
    }

    /** @return whether the values live in a memory-mapped file ({@link #map}) rather than in a Java array */
    public boolean isMapped() {
        return segments != null || base != null && base.isMapped();
    }

    /**
     * @param d the number of columns
     * @return {@code f1 … fd}
     */
    public static List<String> defaultNames(int d) {
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = "f" + (j + 1);
        }
        return List.of(names);
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns (features) */
    public int cols() {
        return cols;
    }

    /** @return the column names, in column order */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * @param row the row index
     * @param col the column index
     * @return the value
     */
    public float get(int row, int col) {
        if (base != null) {
            return slot[row] >= 0 ? replaced[slot[row] * cols + col] : base.get(row, col);
        }
        if (data != null) {
            return data[row * cols + col];
        }
        return segments[row / rowsPerSegment].get((row % rowsPerSegment) * cols + col);
    }

    /**
     * @param row the row index
     * @return a copy of the row's values
     */
    public float[] row(int row) {
        float[] out = new float[cols];
        copyRows(row, row + 1, out, 0);
        return out;
    }

    /**
     * Copies the consecutive rows {@code [from, to)} into {@code out} at {@code offset}, from either storage.
     */
    private void copyRows(int from, int to, float[] out, int offset) {
        if (base != null) {
            for (int r = from; r < to; r++) {
                if (slot[r] >= 0) {
                    System.arraycopy(replaced, slot[r] * cols, out, offset + (r - from) * cols, cols);
                } else {
                    base.copyRows(r, r + 1, out, offset + (r - from) * cols);
                }
            }
            return;
        }
        if (data != null) {
            System.arraycopy(data, from * cols, out, offset, (to - from) * cols);
            return;
        }
        int row = from;
        while (row < to) {
            int segment = row / rowsPerSegment;
            int inSegment = row % rowsPerSegment;
            int count = Math.min(to - row, rowsPerSegment - inSegment);
            segments[segment].get(inSegment * cols, out, offset, count * cols);
            offset += count * cols;
            row += count;
        }
    }

    /**
     * Copies the consecutive rows {@code [from, to)} into {@code out} (row-major), so that a pass over the rows can
     * reuse one buffer for every batch.
     *
     * @param from first row
     * @param to one past the last row
     * @param out destination, at least {@code (to - from) * cols} long
     */
    public void rowsInto(int from, int to, float[] out) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + rows);
        }
        copyRows(from, to, out, 0);
    }

    /**
     * Copies the given rows, in the given order, into {@code out} (row-major), so a training loop can reuse one
     * buffer for every minibatch.
     *
     * @param rowIndices the rows to copy
     * @param from first position in {@code rowIndices}
     * @param to one past the last position
     * @param out destination, at least {@code (to - from) * cols} long
     */
    public void gatherRows(int[] rowIndices, int from, int to, float[] out) {
        if (base != null) {
            for (int k = from; k < to; k++) {
                int r = rowIndices[k];
                copyRows(r, r + 1, out, (k - from) * cols);
            }
            return;
        }
        if (data != null) {
            for (int k = from; k < to; k++) {
                System.arraycopy(data, rowIndices[k] * cols, out, (k - from) * cols, cols);
            }
            return;
        }
        for (int k = from; k < to; k++) {
            int row = rowIndices[k];
            segments[row / rowsPerSegment].get((row % rowsPerSegment) * cols, out, (k - from) * cols, cols);
        }
    }

    /**
     * @param rowIndices the rows to keep, in order (repeats allowed)
     * @return a new matrix with those rows
     */
    public FeatureMatrix selectRows(int[] rowIndices) {
        float[] out = new float[rowIndices.length * cols];
        gatherRows(rowIndices, 0, rowIndices.length, out);
        return new FeatureMatrix(out, rowIndices.length, cols, columnNames);
    }

    /**
     * @param from first row, inclusive
     * @param to last row, exclusive
     * @return the rows {@code [from, to)} as a new {@code [to-from, cols]} float INDArray
     */
    public INDArray toINDArray(int from, int to) {
        if (data != null) {
            return floats(data, from * cols, to - from, cols);
        }
        return rowsInto(from, to, Nd4j.createUninitialized(DataType.FLOAT, to - from, cols));
    }

    /**
     * Copies row-major values into a new float INDArray with one bulk native copy. ({@code Nd4j.create(float[])}
     * copies element by element: measured 0.6–0.9 ms for a 1024 × 51 batch, a quarter of a training step.)
     *
     * @param src row-major values
     * @param offset index of the first value to copy
     * @param rows rows of the result
     * @param cols columns of the result
     * @return a new c-order {@code [rows, cols]} float array
     */
    public static INDArray floats(float[] src, int offset, int rows, int cols) {
        return copyInto(src, offset, Nd4j.createUninitialized(DataType.FLOAT, rows, cols));
    }

    /**
     * Overwrites a float INDArray with row-major values in one bulk native copy.
     *
     * @param src row-major values
     * @param offset index of the first value to copy
     * @param target a c-order float array with contiguous storage; receives {@code target.length()} values
     * @return {@code target}
     */
    public static INDArray copyInto(float[] src, int offset, INDArray target) {
        ((FloatPointer) target.data().addressPointer()).put(src, offset, (int) target.length());
        return target;
    }

    /**
     * Copies rows {@code [from, to)} into {@code target} (a reusable {@code [to-from, cols]} float array).
     *
     * @param from first row
     * @param to one past the last row
     * @param target the destination
     * @return {@code target}
     */
    public INDArray rowsInto(int from, int to, INDArray target) {
        if (target.rows() != to - from || target.columns() != cols) {
            throw new IllegalArgumentException("target has shape " + Arrays.toString(target.shape()));
        }
        if (data != null) {
            return copyInto(data, from * cols, target);
        }
        if (base != null) {
            float[] buffer = new float[(to - from) * cols];
            copyRows(from, to, buffer, 0);
            return copyInto(buffer, 0, target);
        }
        // Straight from the mapped pages into the array's native memory (both direct buffers): no heap copy.
        FloatBuffer out = target.data().asNioFloat();
        int row = from;
        int offset = 0;
        while (row < to) {
            int inSegment = row % rowsPerSegment;
            int count = Math.min(to - row, rowsPerSegment - inSegment);
            out.put(offset, segments[row / rowsPerSegment], inSegment * cols, count * cols);
            offset += count * cols;
            row += count;
        }
        return target;
    }

    /** @return the whole matrix as a {@code [rows, cols]} float INDArray */
    public INDArray toINDArray() {
        return toINDArray(0, rows);
    }

    /**
     * Stacks two matrices with the same columns.
     *
     * @param below the rows to append
     * @return a new matrix with this matrix's rows followed by {@code below}'s
     */
    public FeatureMatrix append(FeatureMatrix below) {
        if (!columnNames.equals(below.columnNames)) {
            throw new IllegalArgumentException("cannot append rows with different columns");
        }
        float[] out = new float[Math.multiplyExact(rows + below.rows, cols)];
        copyRows(0, rows, out, 0);
        below.copyRows(0, below.rows, out, rows * cols);
        return new FeatureMatrix(out, rows + below.rows, cols, columnNames);
    }

    /** @return a copy of all values, row-major, on the heap (for a mapped matrix: every row is read) */
    public float[] toArray() {
        float[] out = new float[Math.multiplyExact(rows, cols)];
        copyRows(0, rows, out, 0);
        return out;
    }
}
