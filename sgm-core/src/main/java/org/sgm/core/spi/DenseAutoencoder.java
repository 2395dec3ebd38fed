package org.sgm.core.spi;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.sgm.core.tape.Tape;
import org.sgm.core.tape.Tensor;

/**
 * The dense autoencoder backbone of SG-AE (METHOD.md §2), the paper's reference model.
 *
 * <p>Encoder: Linear + ReLU per layer, the bottleneck too (so z ≥ 0); the decoder mirrors it and its last Linear
 * back to d has no activation. L_B = mean over batch and features of (x − x̂)²; m = ‖x − x̂‖₂. Parameters are
 * {@code enc<i>_W}, {@code enc<i>_b}, {@code dec<i>_W}, {@code dec<i>_b}, drawn from {@link ParamInit} in that
 * order.
 *
 * <p>{@link #tape()} gives the same network on the fast engine (what it trains on by default); the SameDiff graph
 * built here is its oracle: a test compares their losses and gradients.
 *
 * <p>Reference: Z. Huang, B. Zhang, G. Hu, L. Li, Y. Xu, Y. Jin, "Enhancing Unsupervised Anomaly Detection with
 * Score-Guided Network", IEEE Transactions on Neural Networks and Learning Systems, 2023,
 * DOI 10.1109/TNNLS.2023.3281501.
 */
public final class DenseAutoencoder implements RepresentationLearner, TapeLearner {
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
                throw new IllegalArgumentException("layer widths must be ≥ 1, got " + Arrays.toString(widths));
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
        SDVariable xHat = sd.identity(RECONSTRUCTION, Layers.mlp(sd, "dec", z, decoderWidths(), init, false, true));
        SDVariable residual = x.sub(xHat);
        SDVariable loss = sd.mean("reconstructionLoss", sd.math.square(residual));
        SDVariable metric = sd.identity("reconstructionError", Layers.rowNorm(sd, residual));
        return new LearnerGraph(z, widths[widths.length - 1], loss, metric);
    }

    @Override
    public TapeLearner tape() {
        return this;
    }

    /** The name of x̂ in both engines. */
    public static final String RECONSTRUCTION = "ae_reconstruction";

    @Override
    public String reconstruction() {
        return RECONSTRUCTION;
    }

    @Override
    public Tensor latent(Tape t, Tensor x, ParamInit init) {
        return TapeLayers.mlp(t, "enc", x, widths, init, true, true);
    }

    @Override
    public Objective objective(Tape t, Tensor x, Tensor z, ParamInit init) {
        Tensor xHat = t.output(RECONSTRUCTION, TapeLayers.mlp(t, "dec", z, decoderWidths(), init, false, true));
        Tensor squares = t.rowSumSquares(t.sub(x, xHat));
        Tensor loss = t.mul(t.sum(squares), 1.0 / ((double) x.rows() * x.cols()));
        return new Objective(t.output("reconstructionError", t.sqrt(squares)), loss);
    }

    @Override
    public String metricDescription() {
        return "reconstruction error ‖x − x̂‖₂";
    }
}
