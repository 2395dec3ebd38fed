package org.sgm.models.sgae;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.sgm.core.spi.Layers;
import org.sgm.core.spi.LearnerGraph;
import org.sgm.core.spi.ParamInit;
import org.sgm.core.spi.RepresentationLearner;

/**
 * The autoencoder backbone of SG-AE (METHOD.md §2).
 *
 * <p>Encoder: Linear + ReLU per layer, the bottleneck too (so z ≥ 0); the decoder mirrors it and its last Linear
 * back to d has no activation. L_B = mean over batch and features of (x − x̂)²; m = ‖x − x̂‖₂.
 *
 * <p>Reference: Z. Huang, B. Zhang, G. Hu, L. Li, Y. Xu, Y. Jin, "Enhancing Unsupervised Anomaly Detection with
 * Score-Guided Network", IEEE Transactions on Neural Networks and Learning Systems, 2023,
 * DOI 10.1109/TNNLS.2023.3281501.
 */
public final class SgAeLearner implements RepresentationLearner {
    private final int[] widths;

    /**
     * @param widths encoder widths from the input (d) to the bottleneck
     */
    public SgAeLearner(int[] widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("an autoencoder needs at least one hidden layer");
        }
        this.widths = widths.clone();
    }

    /** @return the encoder widths from the input to the bottleneck */
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public LearnerGraph build(SameDiff sd, SDVariable x, ParamInit init) {
        SDVariable z = Layers.mlp(sd, "enc", x, widths, init, true, true);
        int[] back = new int[widths.length];
        for (int i = 0; i < widths.length; i++) {
            back[i] = widths[widths.length - 1 - i];
        }
        SDVariable xHat = Layers.mlp(sd, "dec", z, back, init, false, true);
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
