package org.sgm.core.tape;

/**
 * A value on a {@link Tape}: a row-major {@code rows × cols} matrix (a column {@code [n, 1]} for per-row values, a
 * {@code [1, 1]} scalar for losses) in the tape's precision, and, when gradients flow into it, its gradient.
 *
 * <p>Tensors are made by the tape's operations and live until the tape is {@linkplain Tape#reset() reset}; their
 * arrays may then be reused, so no tensor may be kept across steps.
 */
public final class Tensor {
    final int rows;
    final int cols;
    final float[] f;
    final double[] d;
    float[] gf;
    double[] gd;
    /** Whether a gradient flows into this tensor (a trainable parameter or something computed from one). */
    final boolean needsGrad;
    /** Propagates this tensor's gradient to its inputs; null for leaves. */
    Runnable backward;

    Tensor(int rows, int cols, float[] f, double[] d, boolean needsGrad) {
        this.rows = rows;
        this.cols = cols;
        this.f = f;
        this.d = d;
        this.needsGrad = needsGrad;
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int cols() {
        return cols;
    }

    /** @return rows × cols */
    public int size() {
        return rows * cols;
    }

    /**
     * @param row a row
     * @param col a column
     * @return the value there
     */
    public double get(int row, int col) {
        int at = row * cols + col;
        return f != null ? f[at] : d[at];
    }

    /** @return the value of a {@code [1, 1]} tensor */
    public double scalar() {
        if (rows != 1 || cols != 1) {
            throw new IllegalStateException("not a scalar: " + rows + " × " + cols);
        }
        return get(0, 0);
    }

    /** @return a copy of the values, row-major, in double precision */
    public double[] toDoubles() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f != null ? f[i] : d[i];
        }
        return out;
    }

    /**
     * Copies the values into {@code out} as floats.
     *
     * @param out the destination
     * @param offset where the first value goes
     */
    public void copyTo(float[] out, int offset) {
        if (f != null) {
            System.arraycopy(f, 0, out, offset, size());
        } else {
            for (int i = 0; i < size(); i++) {
                out[offset + i] = (float) d[i];
            }
        }
    }

    /** @return whether this tensor is a single column {@code [n, 1]} */
    boolean isColumn() {
        return cols == 1;
    }

    float[] gradF() {
        return gf;
    }

    double[] gradD() {
        return gd;
    }

    @Override
    public String toString() {
        return "Tensor[" + rows + " × " + cols + "]";
    }
}
