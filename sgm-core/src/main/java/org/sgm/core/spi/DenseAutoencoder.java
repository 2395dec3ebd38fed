package org.sgm.core.spi;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The dense autoencoder backbone of SG-AE (METHOD.md §2), the paper's reference model.
 *
 * <p>Encoder: Linear + ReLU per layer, the bottleneck too (so z ≥ 0); the decoder mirrors it and its last Linear
 * back to d has no activation. L_B = mean over batch and features of (x − x̂)²; m = ‖x − x̂‖₂. Parameters are
 * {@code enc<i>_W}, {@code enc<i>_b}, {@code dec<i>_W}, {@code dec<i>_b}, drawn from {@link ParamInit} in that
 * order.
 *
 * <p>Because this network is fixed, the training loop may run it on a fused path with hand-derived gradients
 * ({@code org.sgm.core.train.FusedAutoencoderNetwork}) instead of the SameDiff graph built here; both compute the
 * same function from the same initial weights, and a test checks their losses and gradients against each other.
 *
 * <p>Reference: Z. Huang, B. Zhang, G. Hu, L. Li, Y. Xu, Y. Jin, "Enhancing Unsupervised Anomaly Detection with
 * Score-Guided Network", IEEE Transactions on Neural Networks and Learning Systems, 2023,
 * DOI 10.1109/TNNLS.2023.3281501.
 */
public final class DenseAutoencoder implements RepresentationLearner {
    private final int[] widths;

    /**
     * @param widths encoder widths from the input (d) to the bottleneck, at least two
     */
    public DenseAutoencoder(int[] widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("an autoencoder needs at least one hidden layer");
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("layer widths must be ≥ 1, got " + java.util.Arrays.toString(widths));
            }
        }
        this.widths = widths.clone();
    }

    /** @return the encoder widths from the input to the bottleneck */
    public int[] widths() {
        return widths.clone();
    }

    /** @return the decoder widths from the bottleneck back to the input */
    public int[] decoderWidths() {
        int[] back = new int[widths.length];
        for (int i = 0; i < widths.length; i++) {
            back[i] = widths[widths.length - 1 - i];
        }
        return back;
    }

    @Override
    public LearnerGraph build(SameDiff sd, SDVariable x, ParamInit init) {
        SDVariable z = Layers.mlp(sd, "enc", x, widths, init, true, true);
        SDVariable xHat = Layers.mlp(sd, "dec", z, decoderWidths(), init, false, true);
        SDVariable residual = x.sub(xHat);
        SDVariable loss = sd.mean("reconstructionLoss", sd.math.square(residual));
        SDVariable metric = sd.identity("reconstructionError", Layers.rowNorm(sd, residual));
        return new LearnerGraph(z, widths[widths.length - 1], loss, metric);
    }

    @Override
    public String metricDescription() {
        return "reconstruction error ‖x − x̂‖₂";
    }
}
