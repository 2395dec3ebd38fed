package org.sgm.core.spi;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Building blocks for backbones written against SameDiff. */
public final class Layers {
    private Layers() {}

    /**
     * A fully connected layer {@code in·W + b}, initialised as PyTorch's {@code nn.Linear}: W and b from
     * U(±1/√fanIn).
     *
     * @param sd the graph
     * @param name unique prefix for the layer's variables ({@code name_W}, {@code name_b})
     * @param in input of shape {@code [N, fanIn]}
     * @param fanIn input width
     * @param fanOut output width
     * @param init the seeded initialiser
     * @param bias whether the layer has a bias (Deep SVDD's network has none)
     * @return the pre-activation output, {@code [N, fanOut]}
     */
    public static SDVariable dense(SameDiff sd, String name, SDVariable in, long fanIn, long fanOut, ParamInit init,
            boolean bias) {
        double bound = 1.0 / Math.sqrt(fanIn);
        SDVariable w = sd.var(name + "_W", init.uniform(bound, fanIn, fanOut));
        SDVariable out = in.mmul(w);
        if (bias) {
            SDVariable b = sd.var(name + "_b", init.uniform(bound, 1, fanOut));
            out = out.add(b);
        }
        return out;
    }

    /**
     * A stack of dense layers with ReLU after each one except, optionally, the last.
     *
     * @param sd the graph
     * @param name unique prefix ({@code name0}, {@code name1}, …)
     * @param in input of shape {@code [N, widths[0]]}
     * @param widths the widths from input to output
     * @param init the seeded initialiser
     * @param reluOnLast whether the last layer has a ReLU too
     * @param bias whether the layers have biases
     * @return the output, {@code [N, widths[last]]}
     */
    public static SDVariable mlp(SameDiff sd, String name, SDVariable in, int[] widths, ParamInit init,
            boolean reluOnLast, boolean bias) {
        SDVariable h = in;
        for (int i = 0; i + 1 < widths.length; i++) {
            h = dense(sd, name + i, h, widths[i], widths[i + 1], init, bias);
            if (i + 2 < widths.length || reluOnLast) {
                h = sd.nn.relu(h, 0);
            }
        }
        return h;
    }

    /**
     * @param sd the graph
     * @param residual {@code [N, d]}
     * @return the per-row L2 norm, {@code [N]}
     */
    public static SDVariable rowNorm(SameDiff sd, SDVariable residual) {
        return sd.math.sqrt(sd.sum(sd.math.square(residual), false, 1));
    }
}
