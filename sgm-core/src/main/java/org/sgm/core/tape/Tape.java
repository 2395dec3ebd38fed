package org.sgm.core.tape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A lean reverse-mode tape: the fast engine's way to write a backbone. Each operation computes its value at once
 * into a Java array (matrix products on OpenBLAS, element-wise work in plain loops) and, when gradients are
 * wanted, records how to send its output's gradient back to its inputs; {@link #backward} runs those records in
 * reverse. There is no graph to build or optimise: a forward pass is ordinary Java code, and a step costs the
 * arithmetic plus a few nanoseconds per operation, where a SameDiff step pays tens of microseconds per op.
 *
 * <p>Values are 2-D ({@code [rows, cols]}); a per-row value is a column {@code [n, 1]}, a loss a {@code [1, 1]}
 * scalar. Binary operations broadcast a {@code [1, c]} row, an {@code [r, 1]} column or a {@code [1, 1]} scalar.
 * Parameters and constants come from a {@link Params} store by name, created on first use from the initial value
 * their supplier gives, as SameDiff variables are.
 *
 * <p>A tape serves one pass at a time: {@link #reset} after each step or batch recycles every array of the pass
 * (tensors of an earlier pass must not be used after it). Not thread-safe.
 */
public final class Tape {
    private final Params params;
    private final boolean single;
    private boolean recording;
    private final List<Tensor> nodes = new ArrayList<>();
    private final Map<String, Tensor> outputs = new LinkedHashMap<>();
    private final Map<String, Double> stepScalars = new HashMap<>();
    private final Map<String, INDArray> stepArrays = new HashMap<>();
    /** The arrays of one kind of pass (training or not, batch rows), reused in order by the next such pass. */
    private static final class Arena {
        final List<float[]> f = new ArrayList<>();
        final List<double[]> d = new ArrayList<>();
        int nextF;
        int nextD;
    }

    private final Map<Long, Arena> arenas = new HashMap<>();
    private Arena arena;

    /**
     * @param params the named parameters and constants, in the tape's precision
     */
    public Tape(Params params) {
        this.params = params;
        this.single = params.precision() == Precision.FLOAT;
    }

    /** @return the parameter store */
    public Params params() {
        return params;
    }

    /** @return the precision */
    public Precision precision() {
        return params.precision();
    }

    /**
     * Starts a pass: clears what the last one recorded and recycles its arrays.
     *
     * @param withGradients whether this pass will be differentiated ({@link #backward})
     */
    public void reset(boolean withGradients) {
        nodes.clear();
        outputs.clear();
        stepScalars.clear();
        stepArrays.clear();
        // A pass of the same kind makes the same operations on the same shapes: its k-th array is the k-th array of
        // the last such pass, so arrays are reused by position, without any lookup. The arena is picked by the
        // first input's rows.
        arena = null;
        recording = withGradients;
    }

    /** Recycles the arrays of the last pass. */
    public void reset() {
        reset(false);
    }

    /**
     * Drops every array kept for reuse (one set per kind of pass and batch rows); the next pass allocates afresh.
     * Tensors of earlier passes must not be used after it.
     */
    public void releaseArrays() {
        reset(false);
        arenas.clear();
    }

    /** @return whether this pass records gradients (a training step) rather than only computing values */
    public boolean training() {
        return recording;
    }

    // ---- leaves ----

    /**
     * A trainable parameter.
     *
     * @param name unique name ({@code enc0_W}, as the SameDiff graph names it)
     * @param rows rows
     * @param cols columns
     * @param init its initial value, drawn only the first time the parameter is asked for
     * @return the parameter as a tensor
     */
    public Tensor param(String name, int rows, int cols, Supplier<INDArray> init) {
        Params.Entry e = params.get(name, rows, cols, true, init);
        Tensor t = new Tensor(rows, cols, e.f, e.d, recording);
        if (recording) {
            t.gf = e.gf;
            t.gd = e.gd;
        }
        return t;
    }

    /**
     * A constant: learner state saved with the model but not trained (a centre, GMM statistics), set by hooks
     * through {@link Params#assign}.
     *
     * @param name unique name
     * @param rows rows
     * @param cols columns
     * @param init its initial value, used the first time it is asked for
     * @return the constant as a tensor
     */
    public Tensor constant(String name, int rows, int cols, Supplier<INDArray> init) {
        Params.Entry e = params.get(name, rows, cols, false, init);
        return new Tensor(rows, cols, e.f, e.d, false);
    }

    /**
     * An input: rows of float values, row-major. In float precision the array is used as it is (it must not change
     * during the pass); in double precision it is copied.
     *
     * @param data the values
     * @param rows rows
     * @param cols columns
     * @return the input as a tensor (no gradient)
     */
    public Tensor input(float[] data, int rows, int cols) {
        pickArena(rows);
        int n = rows * cols;
        if (data.length < n) {
            throw new IllegalArgumentException("input has " + data.length + " values, expected " + n);
        }
        if (single) {
            return new Tensor(rows, cols, data, null, false);
        }
        double[] d = allocD(n);
        for (int i = 0; i < n; i++) {
            d[i] = data[i];
        }
        return new Tensor(rows, cols, null, d, false);
    }

    /**
     * An input that gradients flow into, for the gradient of an output with respect to the input (explanations):
     * after {@link #backward}, {@link #gradient} reads it. Only on a recorded pass ({@code reset(true)}).
     *
     * @param data the values, row-major (copied)
     * @param rows rows
     * @param cols columns
     * @return the input as a tensor that collects its gradient
     */
    public Tensor variableInput(float[] data, int rows, int cols) {
        if (!recording) {
            throw new IllegalStateException("an input's gradient needs a recorded pass (reset(true))");
        }
        pickArena(rows);
        int n = rows * cols;
        if (data.length < n) {
            throw new IllegalArgumentException("input has " + data.length + " values, expected " + n);
        }
        if (single) {
            return new Tensor(rows, cols, Arrays.copyOf(data, n), null, true);
        }
        double[] d = allocD(n);
        for (int i = 0; i < n; i++) {
            d[i] = data[i];
        }
        return new Tensor(rows, cols, null, d, true);
    }

    /**
     * @param t a tensor of this pass, after {@link #backward}
     * @return a copy of its gradient (zeros where none flowed into it)
     */
    public double[] gradient(Tensor t) {
        double[] out = new double[t.size()];
        if (t.gradF() != null) {
            float[] g = t.gradF();
            for (int i = 0; i < out.length; i++) {
                out[i] = g[i];
            }
        } else if (t.gradD() != null) {
            System.arraycopy(t.gradD(), 0, out, 0, out.length);
        }
        return out;
    }

    /**
     * An input given in double precision (rounded to float in float precision).
     *
     * @param data the values, row-major
     * @param rows rows
     * @param cols columns
     * @return the input as a tensor (no gradient)
     */
    public Tensor input(double[] data, int rows, int cols) {
        pickArena(rows);
        int n = rows * cols;
        if (single) {
            float[] f = allocF(n);
            for (int i = 0; i < n; i++) {
                f[i] = (float) data[i];
            }
            return new Tensor(rows, cols, f, null, false);
        }
        return new Tensor(rows, cols, null, Arrays.copyOf(data, n), false);
    }

    /**
     * @param value a number
     * @return a {@code [1, 1]} constant
     */
    public Tensor scalar(double value) {
        return filled(1, 1, value);
    }

    /**
     * @param rows rows
     * @param cols columns
     * @param value the value of every entry
     * @return a constant tensor
     */
    public Tensor filled(int rows, int cols, double value) {
        Tensor t = out(rows, cols, false);
        if (single) {
            Arrays.fill(t.f, (float) value);
        } else {
            Arrays.fill(t.d, value);
        }
        return t;
    }

    /**
     * Feeds a scalar step input (e.g. the weights of alternating objectives) for the next pass.
     *
     * @param name the name the learner asks for
     * @param value the value
     */
    public void feedScalar(String name, double value) {
        stepScalars.put(name, value);
    }

    /**
     * Feeds an array step input (e.g. reparameterisation noise) for the next pass.
     *
     * @param name the name the learner asks for
     * @param value the value
     */
    public void feedArray(String name, INDArray value) {
        stepArrays.put(name, value);
    }

    /**
     * @param name a scalar step input's name
     * @param otherwise its value when none was fed (a pass that only computes metrics and scores)
     * @return the value fed for this pass, or {@code otherwise}
     */
    public double stepScalar(String name, double otherwise) {
        Double v = stepScalars.get(name);
        return v != null ? v : otherwise;
    }

    /**
     * @param name an array step input's name
     * @param rows its rows
     * @param cols its columns
     * @return the array fed for this pass, or zeros when none was fed (a pass that only computes metrics and scores)
     */
    public Tensor stepArray(String name, int rows, int cols) {
        INDArray v = stepArrays.get(name);
        if (v == null) {
            return filled(rows, cols, 0);
        }
        if (v.length() != (long) rows * cols) {
            throw new IllegalArgumentException("step input '" + name + "' has " + v.length() + " values, expected "
                    + rows + " × " + cols);
        }
        return input(v.castTo(DataType.DOUBLE).dup('c').data().asDouble(), rows, cols);
    }

    /**
     * Names a value so that hooks can read it ({@code LearnerContext.evaluate}).
     *
     * @param name the name (as the SameDiff graph names the same value)
     * @param t the value
     * @return {@code t}
     */
    public Tensor output(String name, Tensor t) {
        outputs.put(name, t);
        return t;
    }

    /**
     * @param name a name given to {@link #output}
     * @return the value named so in this pass, or null
     */
    public Tensor named(String name) {
        return outputs.get(name);
    }

    // ---- linear algebra ----

    /**
     * @param a {@code [m, k]}
     * @param b {@code [k, n]}
     * @return {@code a·b}
     */
    public Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, b, false, false);
    }

    /**
     * @param a a matrix
     * @param b a matrix
     * @param transA whether to use aᵀ
     * @param transB whether to use bᵀ
     * @return {@code op(a)·op(b)}
     */
    public Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
        int m = transA ? a.cols : a.rows;
        int k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows;
        int n = transB ? b.rows : b.cols;
        if (k != kb) {
            throw new IllegalArgumentException("matmul: " + shape(a) + (transA ? "ᵀ" : "") + " · " + shape(b)
                    + (transB ? "ᵀ" : ""));
        }
        Tensor y = out(m, n, a.needsGrad || b.needsGrad);
        if (single) {
            Blas.gemm(transA, transB, m, n, k, 1, a.f, a.cols, b.f, b.cols, 0, y.f, n);
        } else {
            Blas.gemm(transA, transB, m, n, k, 1, a.d, a.cols, b.d, b.cols, 0, y.d, n);
        }
        if (y.needsGrad) {
            record(y, () -> {
                if (single) {
                    if (a.needsGrad && !transA) { // dA [m, k] = dY · op(B)ᵀ
                        Blas.gemm(false, !transB, m, k, n, 1, y.gf, n, b.f, b.cols, 1, gradF(a), k);
                    } else if (a.needsGrad) { // A is [k, m]: dA = op(B) · dYᵀ
                        Blas.gemm(transB, true, k, m, n, 1, b.f, b.cols, y.gf, n, 1, gradF(a), m);
                    }
                    if (b.needsGrad && !transB) { // dB [k, n] = op(A)ᵀ · dY
                        Blas.gemm(!transA, false, k, n, m, 1, a.f, a.cols, y.gf, n, 1, gradF(b), n);
                    } else if (b.needsGrad) { // B is [n, k]: dB = dYᵀ · op(A)
                        Blas.gemm(true, transA, n, k, m, 1, y.gf, n, a.f, a.cols, 1, gradF(b), k);
                    }
                } else {
                    if (a.needsGrad && !transA) {
                        Blas.gemm(false, !transB, m, k, n, 1, y.gd, n, b.d, b.cols, 1, gradD(a), k);
                    } else if (a.needsGrad) {
                        Blas.gemm(transB, true, k, m, n, 1, b.d, b.cols, y.gd, n, 1, gradD(a), m);
                    }
                    if (b.needsGrad && !transB) {
                        Blas.gemm(!transA, false, k, n, m, 1, a.d, a.cols, y.gd, n, 1, gradD(b), n);
                    } else if (b.needsGrad) {
                        Blas.gemm(true, transA, n, k, m, 1, y.gd, n, a.d, a.cols, 1, gradD(b), k);
                    }
                }
            });
        }
        return y;
    }

    /**
     * A dense layer {@code x·W + b}, W {@code [in, out]} and b {@code [1, out]} (or null for no bias).
     *
     * @param x {@code [n, in]}
     * @param w {@code [in, out]}
     * @param b {@code [1, out]}, or null
     * @return {@code [n, out]}
     */
    public Tensor dense(Tensor x, Tensor w, Tensor b) {
        if (x.cols != w.rows || b != null && (b.rows != 1 || b.cols != w.cols)) {
            throw new IllegalArgumentException("dense: " + shape(x) + " · " + shape(w) + (b == null ? "" : " + "
                    + shape(b)));
        }
        int n = x.rows;
        int in = w.rows;
        int o = w.cols;
        Tensor y = out(n, o, x.needsGrad || w.needsGrad || b != null && b.needsGrad);
        // The bias is written into every row first and the product added to it (β = 1): JavaCPP copies the output
        // array into native memory in any case, so this costs one row copy instead of a separate pass adding b.
        if (single) {
            if (b != null) {
                Kernels.fillRows(y.f, b.f, n, o);
            }
            Blas.gemm(false, false, n, o, in, 1, x.f, in, w.f, o, b != null ? 1 : 0, y.f, o);
        } else {
            if (b != null) {
                Kernels.fillRows(y.d, b.d, n, o);
            }
            Blas.gemm(false, false, n, o, in, 1, x.d, in, w.d, o, b != null ? 1 : 0, y.d, o);
        }
        if (y.needsGrad) {
            record(y, () -> {
                if (single) {
                    if (w.needsGrad) {
                        Blas.gemm(true, false, in, o, n, 1, x.f, in, y.gf, o, 1, gradF(w), o);
                    }
                    if (b != null && b.needsGrad) {
                        Kernels.colSumsInto(y.gf, n, o, gradF(b));
                    }
                    if (x.needsGrad) {
                        Blas.gemm(false, true, n, in, o, 1, y.gf, o, w.f, o, 1, gradF(x), in);
                    }
                } else {
                    if (w.needsGrad) {
                        Blas.gemm(true, false, in, o, n, 1, x.d, in, y.gd, o, 1, gradD(w), o);
                    }
                    if (b != null && b.needsGrad) {
                        Kernels.colSumsInto(y.gd, n, o, gradD(b));
                    }
                    if (x.needsGrad) {
                        Blas.gemm(false, true, n, in, o, 1, y.gd, o, w.d, o, 1, gradD(x), in);
                    }
                }
            });
        }
        return y;
    }

    /**
     * @param a a matrix
     * @return aᵀ
     */
    public Tensor transpose(Tensor a) {
        Tensor y = out(a.cols, a.rows, a.needsGrad);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) {
                if (single) {
                    y.f[j * a.rows + i] = a.f[i * a.cols + j];
                } else {
                    y.d[j * a.rows + i] = a.d[i * a.cols + j];
                }
            }
        }
        if (y.needsGrad) {
            record(y, () -> {
                for (int i = 0; i < a.rows; i++) {
                    for (int j = 0; j < a.cols; j++) {
                        if (single) {
                            gradF(a)[i * a.cols + j] += y.gf[j * a.rows + i];
                        } else {
                            gradD(a)[i * a.cols + j] += y.gd[j * a.rows + i];
                        }
                    }
                }
            });
        }
        return y;
    }

    // ---- element-wise ----

    /** @param a input @return max(a, 0) */
    public Tensor relu(Tensor a) {
        return unary(Kernels.RELU, 0, 0, a);
    }

    /** @param a input @param slope slope for negative inputs @return a &gt; 0 ? a : slope·a */
    public Tensor leakyRelu(Tensor a, double slope) {
        return unary(Kernels.LEAKY_RELU, slope, 0, a);
    }

    /** @param a input @return tanh(a) */
    public Tensor tanh(Tensor a) {
        return unary(Kernels.TANH, 0, 0, a);
    }

    /** @param a input @return 1 / (1 + exp(−a)) */
    public Tensor sigmoid(Tensor a) {
        return unary(Kernels.SIGMOID, 0, 0, a);
    }

    /** @param a input @return exp(a) */
    public Tensor exp(Tensor a) {
        return unary(Kernels.EXP, 0, 0, a);
    }

    /** @param a input @return log(a) */
    public Tensor log(Tensor a) {
        return unary(Kernels.LOG, 0, 0, a);
    }

    /** @param a input @return √a */
    public Tensor sqrt(Tensor a) {
        return unary(Kernels.SQRT, 0, 0, a);
    }

    /** @param a input @return a² */
    public Tensor square(Tensor a) {
        return unary(Kernels.SQUARE, 0, 0, a);
    }

    /** @param a input @return |a| (gradient sign(a), 0 at 0) */
    public Tensor abs(Tensor a) {
        return unary(Kernels.ABS, 0, 0, a);
    }

    /** @param a input @return −a */
    public Tensor neg(Tensor a) {
        return unary(Kernels.AFFINE, -1, 0, a);
    }

    /** @param a input @param c a number @return c·a */
    public Tensor mul(Tensor a, double c) {
        return unary(Kernels.AFFINE, c, 0, a);
    }

    /** @param a input @param c a number @return a + c */
    public Tensor add(Tensor a, double c) {
        return unary(Kernels.AFFINE, 1, c, a);
    }

    /** @param a input @param c a number @return c − a */
    public Tensor rsub(Tensor a, double c) {
        return unary(Kernels.AFFINE, -1, c, a);
    }

    /** @param a input @param c a number @return c / a */
    public Tensor rdiv(Tensor a, double c) {
        return unary(Kernels.RDIV, c, 0, a);
    }

    private Tensor unary(int op, double p, double q, Tensor a) {
        Tensor y = out(a.rows, a.cols, a.needsGrad);
        int n = a.size();
        if (single) {
            Kernels.unary(op, p, q, a.f, y.f, n);
        } else {
            Kernels.unary(op, p, q, a.d, y.d, n);
        }
        if (y.needsGrad) {
            record(y, () -> {
                if (single) {
                    Kernels.unaryBack(op, p, a.f, y.f, y.gf, gradF(a), n);
                } else {
                    Kernels.unaryBack(op, p, a.d, y.d, y.gd, gradD(a), n);
                }
            });
        }
        return y;
    }

    /** @param a left @param b right (broadcast) @return a + b */
    public Tensor add(Tensor a, Tensor b) {
        return binary(Kernels.ADD, a, b);
    }

    /** @param a left @param b right (broadcast) @return a − b */
    public Tensor sub(Tensor a, Tensor b) {
        return binary(Kernels.SUB, a, b);
    }

    /** @param a left @param b right (broadcast) @return a ⊙ b */
    public Tensor mul(Tensor a, Tensor b) {
        return binary(Kernels.MUL, a, b);
    }

    /** @param a left @param b right (broadcast) @return a / b */
    public Tensor div(Tensor a, Tensor b) {
        return binary(Kernels.DIV, a, b);
    }

    private Tensor binary(int op, Tensor a, Tensor b) {
        int r = broadcast(a.rows, b.rows, a, b);
        int c = broadcast(a.cols, b.cols, a, b);
        Tensor y = out(r, c, a.needsGrad || b.needsGrad);
        boolean same = a.rows == b.rows && a.cols == b.cols;
        if (single) {
            if (same && op == Kernels.SUB) {
                Kernels.sub(a.f, b.f, y.f, r * c);
            } else {
                Kernels.binary(op, a.f, a.rows, a.cols, b.f, b.rows, b.cols, y.f, r, c);
            }
        } else {
            if (same && op == Kernels.SUB) {
                Kernels.sub(a.d, b.d, y.d, r * c);
            } else {
                Kernels.binary(op, a.d, a.rows, a.cols, b.d, b.rows, b.cols, y.d, r, c);
            }
        }
        if (y.needsGrad) {
            record(y, () -> {
                if (same && (op == Kernels.ADD || op == Kernels.SUB)) {
                    if (single) {
                        if (a.needsGrad) {
                            Kernels.addTo(y.gf, gradF(a), r * c, 1f);
                        }
                        if (b.needsGrad) {
                            Kernels.addTo(y.gf, gradF(b), r * c, op == Kernels.ADD ? 1f : -1f);
                        }
                    } else {
                        if (a.needsGrad) {
                            Kernels.addTo(y.gd, gradD(a), r * c, 1);
                        }
                        if (b.needsGrad) {
                            Kernels.addTo(y.gd, gradD(b), r * c, op == Kernels.ADD ? 1 : -1);
                        }
                    }
                } else if (single) {
                    Kernels.binaryBack(op, a.f, a.rows, a.cols, b.f, b.rows, b.cols, y.gf, r, c,
                            a.needsGrad ? gradF(a) : null, b.needsGrad ? gradF(b) : null);
                } else {
                    Kernels.binaryBack(op, a.d, a.rows, a.cols, b.d, b.rows, b.cols, y.gd, r, c,
                            a.needsGrad ? gradD(a) : null, b.needsGrad ? gradD(b) : null);
                }
            });
        }
        return y;
    }

    private static int broadcast(int x, int y, Tensor a, Tensor b) {
        if (x == y || y == 1) {
            return x;
        }
        if (x == 1) {
            return y;
        }
        throw new IllegalArgumentException("cannot broadcast " + shape(a) + " with " + shape(b));
    }

    // ---- reductions ----

    /** @param a {@code [r, c]} @return the sum of each row, {@code [r, 1]} */
    public Tensor sumRows(Tensor a) {
        int r = a.rows;
        int c = a.cols;
        Tensor y = out(r, 1, a.needsGrad);
        for (int i = 0; i < r; i++) {
            double s = 0;
            int o = i * c;
            if (single) {
                for (int j = 0; j < c; j++) {
                    s += a.f[o + j];
                }
                y.f[i] = (float) s;
            } else {
                for (int j = 0; j < c; j++) {
                    s += a.d[o + j];
                }
                y.d[i] = s;
            }
        }
        if (y.needsGrad) {
            record(y, () -> {
                for (int i = 0; i < r; i++) {
                    int o = i * c;
                    if (single) {
                        float g = y.gf[i];
                        float[] da = gradF(a);
                        for (int j = 0; j < c; j++) {
                            da[o + j] += g;
                        }
                    } else {
                        double g = y.gd[i];
                        double[] da = gradD(a);
                        for (int j = 0; j < c; j++) {
                            da[o + j] += g;
                        }
                    }
                }
            });
        }
        return y;
    }

    /** @param a {@code [r, c]} @return the sum of each column, {@code [1, c]} */
    public Tensor sumCols(Tensor a) {
        int r = a.rows;
        int c = a.cols;
        Tensor y = out(1, c, a.needsGrad);
        double[] s = new double[c];
        for (int i = 0; i < r; i++) {
            int o = i * c;
            for (int j = 0; j < c; j++) {
                s[j] += single ? a.f[o + j] : a.d[o + j];
            }
        }
        for (int j = 0; j < c; j++) {
            if (single) {
                y.f[j] = (float) s[j];
            } else {
                y.d[j] = s[j];
            }
        }
        if (y.needsGrad) {
            record(y, () -> {
                if (single) {
                    float[] da = gradF(a);
                    for (int i = 0; i < r; i++) {
                        for (int j = 0; j < c; j++) {
                            da[i * c + j] += y.gf[j];
                        }
                    }
                } else {
                    double[] da = gradD(a);
                    for (int i = 0; i < r; i++) {
                        for (int j = 0; j < c; j++) {
                            da[i * c + j] += y.gd[j];
                        }
                    }
                }
            });
        }
        return y;
    }

    /** @param a a tensor @return the sum of all its values, {@code [1, 1]} */
    public Tensor sum(Tensor a) {
        int n = a.size();
        Tensor y = out(1, 1, a.needsGrad);
        double s = 0;
        if (single) {
            for (int i = 0; i < n; i++) {
                s += a.f[i];
            }
            y.f[0] = (float) s;
        } else {
            for (int i = 0; i < n; i++) {
                s += a.d[i];
            }
            y.d[0] = s;
        }
        if (y.needsGrad) {
            record(y, () -> {
                if (single) {
                    float g = y.gf[0];
                    float[] da = gradF(a);
                    for (int i = 0; i < n; i++) {
                        da[i] += g;
                    }
                } else {
                    double g = y.gd[0];
                    double[] da = gradD(a);
                    for (int i = 0; i < n; i++) {
                        da[i] += g;
                    }
                }
            });
        }
        return y;
    }

    /** @param a a tensor @return the mean of all its values, {@code [1, 1]} */
    public Tensor mean(Tensor a) {
        return mul(sum(a), 1.0 / a.size());
    }

    /** @param a {@code [r, c]} @return Σ_j a_ij² per row, {@code [r, 1]} */
    public Tensor rowSumSquares(Tensor a) {
        int r = a.rows;
        int c = a.cols;
        Tensor y = out(r, 1, a.needsGrad);
        for (int i = 0; i < r; i++) {
            double s = 0;
            int o = i * c;
            if (single) {
                y.f[i] = Kernels.sumSquares(a.f, o, c);
            } else {
                for (int j = 0; j < c; j++) {
                    double v = a.d[o + j];
                    s += v * v;
                }
                y.d[i] = s;
            }
        }
        if (y.needsGrad) {
            record(y, () -> {
                for (int i = 0; i < r; i++) {
                    int o = i * c;
                    if (single) {
                        float g = 2 * y.gf[i];
                        float[] da = gradF(a);
                        for (int j = 0; j < c; j++) {
                            da[o + j] += g * a.f[o + j];
                        }
                    } else {
                        double g = 2 * y.gd[i];
                        double[] da = gradD(a);
                        for (int j = 0; j < c; j++) {
                            da[o + j] += g * a.d[o + j];
                        }
                    }
                }
            });
        }
        return y;
    }

    /** @param a {@code [r, c]} @return the softmax of each row */
    public Tensor softmaxRows(Tensor a) {
        int r = a.rows;
        int c = a.cols;
        Tensor y = out(r, c, a.needsGrad);
        for (int i = 0; i < r; i++) {
            int o = i * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, single ? a.f[o + j] : a.d[o + j]);
            }
            double s = 0;
            for (int j = 0; j < c; j++) {
                s += Math.exp((single ? a.f[o + j] : a.d[o + j]) - max);
            }
            for (int j = 0; j < c; j++) {
                double v = Math.exp((single ? a.f[o + j] : a.d[o + j]) - max) / s;
                if (single) {
                    y.f[o + j] = (float) v;
                } else {
                    y.d[o + j] = v;
                }
            }
        }
        if (y.needsGrad) {
            record(y, () -> {
                for (int i = 0; i < r; i++) {
                    int o = i * c;
                    double dot = 0;
                    for (int j = 0; j < c; j++) {
                        dot += single ? (double) y.gf[o + j] * y.f[o + j] : y.gd[o + j] * y.d[o + j];
                    }
                    for (int j = 0; j < c; j++) {
                        if (single) {
                            gradF(a)[o + j] += (float) (y.f[o + j] * (y.gf[o + j] - dot));
                        } else {
                            gradD(a)[o + j] += y.d[o + j] * (y.gd[o + j] - dot);
                        }
                    }
                }
            });
        }
        return y;
    }

    /** @param a {@code [r, c]} @return log Σ_j exp(a_ij) per row, computed stably, {@code [r, 1]} */
    public Tensor logSumExpRows(Tensor a) {
        int r = a.rows;
        int c = a.cols;
        Tensor y = out(r, 1, a.needsGrad);
        for (int i = 0; i < r; i++) {
            int o = i * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, single ? a.f[o + j] : a.d[o + j]);
            }
            double s = 0;
            for (int j = 0; j < c; j++) {
                s += Math.exp((single ? a.f[o + j] : a.d[o + j]) - max);
            }
            double v = max + Math.log(s);
            if (single) {
                y.f[i] = (float) v;
            } else {
                y.d[i] = v;
            }
        }
        if (y.needsGrad) {
            record(y, () -> {
                for (int i = 0; i < r; i++) {
                    int o = i * c;
                    for (int j = 0; j < c; j++) {
                        if (single) {
                            gradF(a)[o + j] += (float) (y.gf[i] * Math.exp((double) a.f[o + j] - y.f[i]));
                        } else {
                            gradD(a)[o + j] += y.gd[i] * Math.exp(a.d[o + j] - y.d[i]);
                        }
                    }
                }
            });
        }
        return y;
    }

    // ---- shape ----

    /**
     * @param a {@code [r, c]}
     * @param from first column
     * @param to one past the last column
     * @return columns {@code [from, to)} of a, {@code [r, to − from]}
     */
    public Tensor columns(Tensor a, int from, int to) {
        if (from < 0 || to > a.cols || from >= to) {
            throw new IllegalArgumentException("columns [" + from + ", " + to + ") of " + shape(a));
        }
        int r = a.rows;
        int w = to - from;
        Tensor y = out(r, w, a.needsGrad);
        for (int i = 0; i < r; i++) {
            if (single) {
                System.arraycopy(a.f, i * a.cols + from, y.f, i * w, w);
            } else {
                System.arraycopy(a.d, i * a.cols + from, y.d, i * w, w);
            }
        }
        if (y.needsGrad) {
            record(y, () -> {
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < w; j++) {
                        if (single) {
                            gradF(a)[i * a.cols + from + j] += y.gf[i * w + j];
                        } else {
                            gradD(a)[i * a.cols + from + j] += y.gd[i * w + j];
                        }
                    }
                }
            });
        }
        return y;
    }

    /**
     * @param a {@code [r, c]}
     * @param j a column
     * @return column j, {@code [r, 1]}
     */
    public Tensor column(Tensor a, int j) {
        return columns(a, j, j + 1);
    }

    /**
     * @param parts tensors with the same number of rows
     * @return them side by side
     */
    public Tensor concatCols(Tensor... parts) {
        int r = parts[0].rows;
        int c = 0;
        boolean grad = false;
        for (Tensor p : parts) {
            if (p.rows != r) {
                throw new IllegalArgumentException("concatCols: " + shape(p) + " has " + p.rows + " rows, not " + r);
            }
            c += p.cols;
            grad |= p.needsGrad;
        }
        int cols = c;
        Tensor y = out(r, cols, grad);
        int at = 0;
        for (Tensor p : parts) {
            for (int i = 0; i < r; i++) {
                if (single) {
                    System.arraycopy(p.f, i * p.cols, y.f, i * cols + at, p.cols);
                } else {
                    System.arraycopy(p.d, i * p.cols, y.d, i * cols + at, p.cols);
                }
            }
            at += p.cols;
        }
        if (y.needsGrad) {
            record(y, () -> {
                int offset = 0;
                for (Tensor p : parts) {
                    if (p.needsGrad) {
                        for (int i = 0; i < r; i++) {
                            for (int j = 0; j < p.cols; j++) {
                                if (single) {
                                    gradF(p)[i * p.cols + j] += y.gf[i * cols + offset + j];
                                } else {
                                    gradD(p)[i * p.cols + j] += y.gd[i * cols + offset + j];
                                }
                            }
                        }
                    }
                    offset += p.cols;
                }
            });
        }
        return y;
    }

    // ---- gradients ----

    /**
     * Adds an outside gradient to a tensor before {@link #backward}: how the score-guided loss, computed once for
     * both engines, enters the backbone's gradients through the scores.
     *
     * @param t a tensor of this pass
     * @param gradient dL/dt, row-major, one value per entry
     */
    public void addGradient(Tensor t, double[] gradient) {
        if (!t.needsGrad) {
            return;
        }
        if (gradient.length != t.size()) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " values for " + shape(t));
        }
        if (single) {
            float[] g = gradF(t);
            for (int i = 0; i < g.length; i++) {
                g[i] += (float) gradient[i];
            }
        } else {
            double[] g = gradD(t);
            for (int i = 0; i < g.length; i++) {
                g[i] += gradient[i];
            }
        }
    }

    /**
     * Back-propagates from a scalar loss (plus any gradients added with {@link #addGradient}) into every parameter's
     * gradient ({@link Params.Entry#gradFloats()}, which the caller zeroes before the pass).
     *
     * @param loss a {@code [1, 1]} tensor of this pass
     */
    public void backward(Tensor loss) {
        if (!recording) {
            throw new IllegalStateException("this pass was not recorded for gradients (reset(true) starts one)");
        }
        if (loss.size() != 1) {
            throw new IllegalArgumentException("the loss must be a scalar, got " + shape(loss));
        }
        if (loss.needsGrad) {
            if (single) {
                gradF(loss)[0] += 1f;
            } else {
                gradD(loss)[0] += 1.0;
            }
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Tensor t = nodes.get(i);
            if (t.gf != null || t.gd != null) {
                t.backward.run();
            }
        }
    }

    // ---- internals ----

    private void record(Tensor y, Runnable back) {
        if (recording) {
            y.backward = back;
            nodes.add(y);
        }
    }

    private Tensor out(int rows, int cols, boolean needsGrad) {
        int n = rows * cols;
        boolean grad = needsGrad && recording;
        return single ? new Tensor(rows, cols, allocF(n), null, grad) : new Tensor(rows, cols, null, allocD(n), grad);
    }

    private float[] gradF(Tensor t) {
        if (t.gf == null) {
            float[] g = allocF(t.size());
            Arrays.fill(g, 0f);
            t.gf = g;
        }
        return t.gf;
    }

    private double[] gradD(Tensor t) {
        if (t.gd == null) {
            double[] g = allocD(t.size());
            Arrays.fill(g, 0.0);
            t.gd = g;
        }
        return t.gd;
    }

    private void pickArena(int rows) {
        if (arena == null) {
            arena = arenas.computeIfAbsent(((long) rows << 1) | (recording ? 1 : 0), k -> new Arena());
            arena.nextF = 0;
            arena.nextD = 0;
        }
    }

    private float[] allocF(int n) {
        pickArena(-1);
        Arena a = arena;
        if (a.nextF < a.f.size() && a.f.get(a.nextF).length == n) {
            return a.f.get(a.nextF++);
        }
        float[] fresh = new float[n];
        if (a.nextF < a.f.size()) {
            a.f.set(a.nextF, fresh);
        } else {
            a.f.add(fresh);
        }
        a.nextF++;
        return fresh;
    }

    private double[] allocD(int n) {
        pickArena(-1);
        Arena a = arena;
        if (a.nextD < a.d.size() && a.d.get(a.nextD).length == n) {
            return a.d.get(a.nextD++);
        }
        double[] fresh = new double[n];
        if (a.nextD < a.d.size()) {
            a.d.set(a.nextD, fresh);
        } else {
            a.d.add(fresh);
        }
        a.nextD++;
        return fresh;
    }

    private static String shape(Tensor t) {
        return "[" + t.rows + ", " + t.cols + "]";
    }
}
