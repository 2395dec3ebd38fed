package org.sgm.core.tape;

/**
 * The element-wise loops of the tape, once per precision. Each takes plain arrays; sums accumulate in double.
 * Every backward loop adds into the gradient it is given ({@code +=}), so that a value used twice collects both
 * contributions.
 */
final class Kernels {
    static final int RELU = 0;
    static final int LEAKY_RELU = 1;
    static final int TANH = 2;
    static final int SIGMOID = 3;
    static final int EXP = 4;
    static final int LOG = 5;
    static final int SQRT = 6;
    static final int SQUARE = 7;
    static final int ABS = 8;
    static final int AFFINE = 9;
    static final int RDIV = 10;

    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;

    private Kernels() {}

    // ---- unary: y = f(x); p, q parameters (leaky slope; affine p·x + q; rdiv p / x) ----

    static void unary(int op, double p, double q, float[] x, float[] y, int n) {
        switch (op) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] > 0 ? x[i] : 0f;
                }
            }
            case LEAKY_RELU -> {
                float s = (float) p;
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] > 0 ? x[i] : s * x[i];
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.tanh(x[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) (1 / (1 + Math.exp(-x[i])));
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.exp(x[i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.log(x[i]);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.sqrt(x[i]);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] * x[i];
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.abs(x[i]);
                }
            }
            case AFFINE -> {
                float a = (float) p;
                float b = (float) q;
                for (int i = 0; i < n; i++) {
                    y[i] = a * x[i] + b;
                }
            }
            case RDIV -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) (p / x[i]);
                }
            }
            default -> throw new IllegalArgumentException("unary op " + op);
        }
    }

    static void unary(int op, double p, double q, double[] x, double[] y, int n) {
        switch (op) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] > 0 ? x[i] : 0;
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] > 0 ? x[i] : p * x[i];
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.tanh(x[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    y[i] = 1 / (1 + Math.exp(-x[i]));
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.exp(x[i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.log(x[i]);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.sqrt(x[i]);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] * x[i];
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.abs(x[i]);
                }
            }
            case AFFINE -> {
                for (int i = 0; i < n; i++) {
                    y[i] = p * x[i] + q;
                }
            }
            case RDIV -> {
                for (int i = 0; i < n; i++) {
                    y[i] = p / x[i];
                }
            }
            default -> throw new IllegalArgumentException("unary op " + op);
        }
    }

    /** dx += dy · f'(x), with y = f(x) given where the derivative is cheaper from it. */
    static void unaryBack(int op, double p, float[] x, float[] y, float[] dy, float[] dx, int n) {
        switch (op) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += x[i] > 0 ? dy[i] : 0f;
                }
            }
            case LEAKY_RELU -> {
                float s = (float) p;
                for (int i = 0; i < n; i++) {
                    dx[i] += x[i] > 0 ? dy[i] : s * dy[i];
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += dy[i] * (1 - y[i] * y[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += dy[i] * y[i] * (1 - y[i]);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += dy[i] * y[i];
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += dy[i] / x[i];
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += 0.5f * dy[i] / y[i];
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += 2 * x[i] * dy[i];
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += Math.signum(x[i]) * dy[i];
                }
            }
            case AFFINE -> {
                float a = (float) p;
                for (int i = 0; i < n; i++) {
                    dx[i] += a * dy[i];
                }
            }
            case RDIV -> {
                for (int i = 0; i < n; i++) {
                    dx[i] -= dy[i] * y[i] / x[i];
                }
            }
            default -> throw new IllegalArgumentException("unary op " + op);
        }
    }

    static void unaryBack(int op, double p, double[] x, double[] y, double[] dy, double[] dx, int n) {
        switch (op) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += x[i] > 0 ? dy[i] : 0;
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += x[i] > 0 ? dy[i] : p * dy[i];
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += dy[i] * (1 - y[i] * y[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += dy[i] * y[i] * (1 - y[i]);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += dy[i] * y[i];
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += dy[i] / x[i];
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += 0.5 * dy[i] / y[i];
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += 2 * x[i] * dy[i];
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += Math.signum(x[i]) * dy[i];
                }
            }
            case AFFINE -> {
                for (int i = 0; i < n; i++) {
                    dx[i] += p * dy[i];
                }
            }
            case RDIV -> {
                for (int i = 0; i < n; i++) {
                    dx[i] -= dy[i] * y[i] / x[i];
                }
            }
            default -> throw new IllegalArgumentException("unary op " + op);
        }
    }

    // ---- binary with broadcasting: out [r, c]; a [ar, ac], b [br, bc], each dimension equal or 1 ----

    static void binary(int op, float[] a, int ar, int ac, float[] b, int br, int bc, float[] y, int r, int c) {
        int sa = ac == 1 ? 0 : 1;
        int sb = bc == 1 ? 0 : 1;
        for (int i = 0; i < r; i++) {
            int ia = (ar == 1 ? 0 : i) * ac;
            int ib = (br == 1 ? 0 : i) * bc;
            int o = i * c;
            switch (op) {
                case ADD -> {
                    for (int j = 0; j < c; j++) {
                        y[o + j] = a[ia + j * sa] + b[ib + j * sb];
                    }
                }
                case SUB -> {
                    for (int j = 0; j < c; j++) {
                        y[o + j] = a[ia + j * sa] - b[ib + j * sb];
                    }
                }
                case MUL -> {
                    for (int j = 0; j < c; j++) {
                        y[o + j] = a[ia + j * sa] * b[ib + j * sb];
                    }
                }
                case DIV -> {
                    for (int j = 0; j < c; j++) {
                        y[o + j] = a[ia + j * sa] / b[ib + j * sb];
                    }
                }
                default -> throw new IllegalArgumentException("binary op " + op);
            }
        }
    }

    static void binary(int op, double[] a, int ar, int ac, double[] b, int br, int bc, double[] y, int r, int c) {
        int sa = ac == 1 ? 0 : 1;
        int sb = bc == 1 ? 0 : 1;
        for (int i = 0; i < r; i++) {
            int ia = (ar == 1 ? 0 : i) * ac;
            int ib = (br == 1 ? 0 : i) * bc;
            int o = i * c;
            switch (op) {
                case ADD -> {
                    for (int j = 0; j < c; j++) {
                        y[o + j] = a[ia + j * sa] + b[ib + j * sb];
                    }
                }
                case SUB -> {
                    for (int j = 0; j < c; j++) {
                        y[o + j] = a[ia + j * sa] - b[ib + j * sb];
                    }
                }
                case MUL -> {
                    for (int j = 0; j < c; j++) {
                        y[o + j] = a[ia + j * sa] * b[ib + j * sb];
                    }
                }
                case DIV -> {
                    for (int j = 0; j < c; j++) {
                        y[o + j] = a[ia + j * sa] / b[ib + j * sb];
                    }
                }
                default -> throw new IllegalArgumentException("binary op " + op);
            }
        }
    }

    /**
     * Gradients of a broadcast binary op: {@code da}/{@code db} (either may be null) receive the output gradient
     * {@code dy} times the partial derivative, summed over the dimensions each input was broadcast along.
     */
    static void binaryBack(int op, float[] a, int ar, int ac, float[] b, int br, int bc, float[] dy, int r, int c,
            float[] da, float[] db) {
        int sa = ac == 1 ? 0 : 1;
        int sb = bc == 1 ? 0 : 1;
        for (int i = 0; i < r; i++) {
            int ia = (ar == 1 ? 0 : i) * ac;
            int ib = (br == 1 ? 0 : i) * bc;
            int o = i * c;
            for (int j = 0; j < c; j++) {
                float g = dy[o + j];
                int pa = ia + j * sa;
                int pb = ib + j * sb;
                switch (op) {
                    case ADD -> {
                        if (da != null) {
                            da[pa] += g;
                        }
                        if (db != null) {
                            db[pb] += g;
                        }
                    }
                    case SUB -> {
                        if (da != null) {
                            da[pa] += g;
                        }
                        if (db != null) {
                            db[pb] -= g;
                        }
                    }
                    case MUL -> {
                        if (da != null) {
                            da[pa] += g * b[pb];
                        }
                        if (db != null) {
                            db[pb] += g * a[pa];
                        }
                    }
                    case DIV -> {
                        if (da != null) {
                            da[pa] += g / b[pb];
                        }
                        if (db != null) {
                            db[pb] -= g * a[pa] / (b[pb] * b[pb]);
                        }
                    }
                    default -> throw new IllegalArgumentException("binary op " + op);
                }
            }
        }
    }

    static void binaryBack(int op, double[] a, int ar, int ac, double[] b, int br, int bc, double[] dy, int r, int c,
            double[] da, double[] db) {
        int sa = ac == 1 ? 0 : 1;
        int sb = bc == 1 ? 0 : 1;
        for (int i = 0; i < r; i++) {
            int ia = (ar == 1 ? 0 : i) * ac;
            int ib = (br == 1 ? 0 : i) * bc;
            int o = i * c;
            for (int j = 0; j < c; j++) {
                double g = dy[o + j];
                int pa = ia + j * sa;
                int pb = ib + j * sb;
                switch (op) {
                    case ADD -> {
                        if (da != null) {
                            da[pa] += g;
                        }
                        if (db != null) {
                            db[pb] += g;
                        }
                    }
                    case SUB -> {
                        if (da != null) {
                            da[pa] += g;
                        }
                        if (db != null) {
                            db[pb] -= g;
                        }
                    }
                    case MUL -> {
                        if (da != null) {
                            da[pa] += g * b[pb];
                        }
                        if (db != null) {
                            db[pb] += g * a[pa];
                        }
                    }
                    case DIV -> {
                        if (da != null) {
                            da[pa] += g / b[pb];
                        }
                        if (db != null) {
                            db[pb] -= g * a[pa] / (b[pb] * b[pb]);
                        }
                    }
                    default -> throw new IllegalArgumentException("binary op " + op);
                }
            }
        }
    }

    // ---- same-shape fast paths (the hot loops of dense networks) ----

    static void sub(float[] a, float[] b, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = a[i] - b[i];
        }
    }

    static void sub(double[] a, double[] b, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = a[i] - b[i];
        }
    }

    static void addTo(float[] g, float[] acc, int n, float sign) {
        for (int i = 0; i < n; i++) {
            acc[i] += sign * g[i];
        }
    }

    static void addTo(double[] g, double[] acc, int n, double sign) {
        for (int i = 0; i < n; i++) {
            acc[i] += sign * g[i];
        }
    }

    /** y[i, :] += b for every row: the bias of a dense layer. */
    static void addRow(float[] y, float[] b, int r, int c) {
        for (int i = 0; i < r; i++) {
            int o = i * c;
            for (int j = 0; j < c; j++) {
                y[o + j] += b[j];
            }
        }
    }

    static void addRow(double[] y, double[] b, int r, int c) {
        for (int i = 0; i < r; i++) {
            int o = i * c;
            for (int j = 0; j < c; j++) {
                y[o + j] += b[j];
            }
        }
    }

    /** db += column sums of dy. */
    static void colSumsInto(float[] dy, int r, int c, float[] db) {
        double[] s = new double[c];
        for (int i = 0; i < r; i++) {
            int o = i * c;
            for (int j = 0; j < c; j++) {
                s[j] += dy[o + j];
            }
        }
        for (int j = 0; j < c; j++) {
            db[j] += (float) s[j];
        }
    }

    static void colSumsInto(double[] dy, int r, int c, double[] db) {
        double[] s = new double[c];
        for (int i = 0; i < r; i++) {
            int o = i * c;
            for (int j = 0; j < c; j++) {
                s[j] += dy[o + j];
            }
        }
        for (int j = 0; j < c; j++) {
            db[j] += s[j];
        }
    }
}
