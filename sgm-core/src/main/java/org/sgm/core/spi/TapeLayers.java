package org.sgm.core.spi;

import org.sgm.core.tape.Tape;
import org.sgm.core.tape.Tensor;

/** The building blocks of {@link Layers} on the fast engine: same names, shapes and initial draws. */
public final class TapeLayers {
    private TapeLayers() {}

    /**
     * A fully connected layer {@code in·W + b}, W and b from U(±1/√fanIn), as {@link Layers#dense}.
     *
     * @param t the tape
     * @param name prefix of the layer's parameters ({@code name_W}, {@code name_b})
     * @param in input {@code [n, fanIn]}
     * @param fanOut output width
     * @param init the seeded initialiser
     * @param bias whether the layer has a bias
     * @return the pre-activation output, {@code [n, fanOut]}
     */
    public static Tensor dense(Tape t, String name, Tensor in, int fanOut, ParamInit init, boolean bias) {
        int fanIn = in.cols();
        double bound = 1.0 / Math.sqrt(fanIn);
        Tensor w = t.param(name + "_W", fanIn, fanOut, () -> init.uniform(bound, fanIn, fanOut));
        Tensor b = bias ? t.param(name + "_b", 1, fanOut, () -> init.uniform(bound, 1, fanOut)) : null;
        return t.dense(in, w, b);
    }

    /**
     * A stack of dense layers with ReLU after each one except, optionally, the last, as {@link Layers#mlp}.
     *
     * @param t the tape
     * @param name prefix ({@code name0}, {@code name1}, …)
     * @param in input {@code [n, widths[0]]}
     * @param widths the widths from input to output
     * @param init the seeded initialiser
     * @param reluOnLast whether the last layer has a ReLU too
     * @param bias whether the layers have biases
     * @return the output
     */
    public static Tensor mlp(Tape t, String name, Tensor in, int[] widths, ParamInit init, boolean reluOnLast,
            boolean bias) {
        Tensor h = in;
        for (int i = 0; i + 1 < widths.length; i++) {
            h = dense(t, name + i, h, widths[i + 1], init, bias);
            if (i + 2 < widths.length || reluOnLast) {
                h = t.relu(h);
            }
        }
        return h;
    }

    /**
     * @param t the tape
     * @param residual {@code [n, d]}
     * @return the per-row L2 norm, {@code [n, 1]}, as {@link Layers#rowNorm}
     */
    public static Tensor rowNorm(Tape t, Tensor residual) {
        return t.sqrt(t.rowSumSquares(residual));
    }
}
