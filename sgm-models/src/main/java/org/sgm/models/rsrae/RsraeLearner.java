package org.sgm.models.rsrae;

import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.sgm.core.spi.Layers;
import org.sgm.core.spi.LearnerGraph;
import org.sgm.core.spi.ParamInit;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.spi.TapeLayers;
import org.sgm.core.spi.TapeLearner;
import org.sgm.core.tape.Tape;
import org.sgm.core.tape.Tensor;

/**
 * The robust subspace recovery autoencoder (RSRAE) as a score-guided backbone (METHOD.md §4).
 *
 * <p>Network: encoder E (dense layers, each followed by a leaky ReLU of slope 0.2, the last one included) gives
 * y ∈ R^D; the RSR layer gives {@code z̃ = A·y} with a learned A ∈ R^{d×D}, renormalised row-wise to unit length
 * ({@code z̃ / sqrt(‖z̃‖² + 1e-12)}); the decoder mirrors the encoder (leaky ReLU after each hidden layer) and ends
 * with a linear layer back to the input width. Lai et al.'s code picks the activation from the data's range (ReLU
 * for non-negative data, tanh for data in [−1, 1], leaky ReLU otherwise); SGM's inputs are z-scored, for which that
 * rule gives leaky ReLU (TensorFlow's default slope 0.2). Their decoder's last layer is activated as well; here it
 * is linear, since z-scored targets take any sign and size. Their batch normalisation is not used.
 *
 * <p>Losses, with {@code w_AE} and {@code w_RSR} scalar placeholders fed by {@link #stepInputs}:
 * <ul>
 *   <li>L_AE = mean over the batch of ‖x − x̃‖₂ (not squared, Lai et al.'s "L21" loss);</li>
 *   <li>L_RSR = λ1·mean ‖y − AᵀA y‖₂ + λ2·‖A Aᵀ − I_d‖_F²;</li>
 *   <li>L_B = w_AE·L_AE + w_RSR·L_RSR. Lai et al. alternate, per batch, an Adam step on L_AE and Adam steps with a
 *       10× learning rate on the two RSR terms. Here even optimizer steps use (w_AE, w_RSR) = (1, 0) and odd steps
 *       (0, 1), each step on the next batch; both are taken by the one Adam of the training loop, with the shared
 *       learning rate and shared moment estimates. Adam's step size does not scale with the loss, so the 10×
 *       learning rate of the RSR steps is not reproduced, and parameters a step's objective does not touch (the
 *       decoder on RSR steps) still move by their Adam momentum. With {@code alternate = false} both weights are 1
 *       on every step (the joint variant of Lai et al.'s code).</li>
 * </ul>
 * Latent code z = z̃, the renormalised RSR output (where the scoring network attaches); metric m = ‖x − x̃‖₂ (the
 * default) or −cos(x, x̃), Lai et al.'s score (see {@link RsraeMetric} for the measurement behind the default);
 * neither depends on the step weights. A is initialised from N(0, 1/D), so that
 * A Aᵀ ≈ I_d at the start (Lai et al. draw N(0, 1), whose penalty starts near d·D²; with one shared learning rate
 * the orthogonality term would take about ten times longer to bring it down).
 *
 * <p>References: C.-H. Lai, D. Zou, G. Lerman, "Robust Subspace Recovery Layer for Unsupervised Anomaly Detection",
 * International Conference on Learning Representations (ICLR), 2020. Z. Huang, B. Zhang, G. Hu, L. Li, Y. Xu,
 * Y. Jin, "Enhancing Unsupervised Anomaly Detection with Score-Guided Network", IEEE Transactions on Neural
 * Networks and Learning Systems, 2023, DOI 10.1109/TNNLS.2023.3281501.
 */
public final class RsraeLearner implements RepresentationLearner, TapeLearner {
    /** Graph name of the scalar placeholder w_AE. */
    public static final String WEIGHT_AE = "rsraeWeightAE";
    /** Graph name of the scalar placeholder w_RSR. */
    public static final String WEIGHT_RSR = "rsraeWeightRSR";
    /** Graph name of the renormalised RSR output z̃, the latent code. */
    public static final String LATENT = "rsraeLatent";
    /** Graph name of the reconstruction x̃. */
    public static final String RECONSTRUCTION = "rsraeReconstruction";
    /** Graph name of the RSR matrix, stored as {@code [D, d]} (the transpose of the paper's A: rows multiply y). */
    public static final String RSR_MATRIX = "rsrA";
    /** Graph name of the orthogonality penalty ‖A Aᵀ − I_d‖_F². */
    public static final String ORTHOGONALITY = "rsrOrthogonality";
    /** Graph name of the metric m. */
    public static final String METRIC = "rsraeMetric";
    /** Name of the encoder output y on the fast engine. */
    static final String Y = "rsraeY";
    /** Name of the RSR output y·A before renormalisation on the fast engine. */
    static final String Y_RSR = "rsraeYRsr";
    /** Slope of the leaky ReLU for negative inputs. */
    public static final double LEAKY_SLOPE = 0.2;
    private static final double NORM_EPS = 1e-12;
    private static final double COSINE_EPS = 1e-6;

    private final int inputDim;
    private final int[] hidden;
    private final int intrinsicDim;
    private final double lambda1;
    private final double lambda2;
    private final boolean alternate;
    private final RsraeMetric metric;

    /**
     * @param inputDim the input width
     * @param hidden encoder widths after the input, the last one being D (at least one)
     * @param intrinsicDim d, the RSR layer's output width (1 ≤ d ≤ D)
     * @param lambda1 weight of the projection term (≥ 0)
     * @param lambda2 weight of the orthogonality term (≥ 0)
     * @param alternate whether optimizer steps alternate between L_AE and L_RSR
     * @param metric the discrimination metric
     */
    public RsraeLearner(int inputDim, int[] hidden, int intrinsicDim, double lambda1, double lambda2, boolean alternate,
            RsraeMetric metric) {
        if (inputDim < 1 || hidden.length < 1 || intrinsicDim < 1 || intrinsicDim > hidden[hidden.length - 1]) {
            throw new IllegalArgumentException("RSRAE needs d ≥ 1 inputs, at least one encoder layer and "
                    + "1 ≤ intrinsicDim ≤ D");
        }
        this.inputDim = inputDim;
        this.hidden = hidden.clone();
        this.intrinsicDim = intrinsicDim;
        this.lambda1 = lambda1;
        this.lambda2 = lambda2;
        this.alternate = alternate;
        this.metric = Objects.requireNonNull(metric, "metric");
    }

    @Override
    public LearnerGraph build(SameDiff sd, SDVariable x, ParamInit init) {
        SDVariable h = x;
        long in = inputDim;
        for (int i = 0; i < hidden.length; i++) {
            h = sd.nn.leakyRelu(Layers.dense(sd, "rsraeEnc" + i, h, in, hidden[i], init, true), LEAKY_SLOPE);
            in = hidden[i];
        }
        SDVariable y = h;
        long bigD = in;
        SDVariable a = sd.var(RSR_MATRIX, init.normal(1 / Math.sqrt(bigD), bigD, intrinsicDim));
        SDVariable yRsr = y.mmul(a);
        SDVariable z = sd.identity(LATENT,
                yRsr.div(sd.math.sqrt(sd.sum(sd.math.square(yRsr), true, 1).add(NORM_EPS))));

        h = z;
        in = intrinsicDim;
        for (int i = hidden.length - 1; i >= 0; i--) {
            h = sd.nn.leakyRelu(Layers.dense(sd, "rsraeDec" + (hidden.length - 1 - i), h, in, hidden[i], init, true),
                    LEAKY_SLOPE);
            in = hidden[i];
        }
        SDVariable xTilde = sd.identity(RECONSTRUCTION, Layers.dense(sd, "rsraeOut", h, in, inputDim, init, true));

        SDVariable reconstructionError = norm(sd, x.sub(xTilde)); // [N]; also the L2 metric
        SDVariable lossAE = sd.mean("rsraeLossAE", reconstructionError);
        SDVariable aT = sd.transpose(a);
        SDVariable projection = sd.mean(norm(sd, y.sub(yRsr.mmul(aT))));
        SDVariable gram = aT.mmul(a).sub(sd.math.eye(intrinsicDim, intrinsicDim, init.dataType()));
        SDVariable orthogonality = sd.sum(ORTHOGONALITY, sd.math.square(gram));
        SDVariable lossRSR = sd.identity("rsraeLossRSR", projection.mul(lambda1).add(orthogonality.mul(lambda2)));
        SDVariable wAE = sd.placeHolder(WEIGHT_AE, init.dataType());
        SDVariable wRSR = sd.placeHolder(WEIGHT_RSR, init.dataType());
        SDVariable loss = sd.identity("rsraeLoss", lossAE.mul(wAE).add(lossRSR.mul(wRSR)));

        SDVariable m = switch (metric) {
            case L2 -> sd.identity(METRIC, reconstructionError);
            case COSINE -> {
                SDVariable dot = sd.sum(x.mul(xTilde), false, 1);
                SDVariable norms = Layers.rowNorm(sd, x).add(COSINE_EPS).mul(Layers.rowNorm(sd, xTilde).add(COSINE_EPS));
                yield sd.identity(METRIC, dot.div(norms).neg());
            }
        };
        return new LearnerGraph(z, intrinsicDim, loss, m);
    }

    @Override
    public TapeLearner tape() {
        return this;
    }

    @Override
    public String reconstruction() {
        return RECONSTRUCTION;
    }

    @Override
    public Tensor latent(Tape t, Tensor x, ParamInit init) {
        Tensor h = x;
        for (int i = 0; i < hidden.length; i++) {
            h = t.leakyRelu(TapeLayers.dense(t, "rsraeEnc" + i, h, hidden[i], init, true), LEAKY_SLOPE);
        }
        int bigD = h.cols();
        Tensor a = t.param(RSR_MATRIX, bigD, intrinsicDim, () -> init.normal(1 / Math.sqrt(bigD), bigD, intrinsicDim));
        Tensor yRsr = t.output(Y_RSR, t.matmul(h, a));
        t.output(Y, h);
        return t.output(LATENT, t.div(yRsr, t.sqrt(t.add(t.rowSumSquares(yRsr), NORM_EPS))));
    }

    @Override
    public Objective objective(Tape t, Tensor x, Tensor z, ParamInit init) {
        Tensor h = z;
        for (int i = hidden.length - 1; i >= 0; i--) {
            h = t.leakyRelu(TapeLayers.dense(t, "rsraeDec" + (hidden.length - 1 - i), h, hidden[i], init, true),
                    LEAKY_SLOPE);
        }
        Tensor xTilde = t.output(RECONSTRUCTION, TapeLayers.dense(t, "rsraeOut", h, inputDim, init, true));
        Tensor reconstructionError = norm(t, t.sub(x, xTilde));
        Tensor m = switch (metric) {
            case L2 -> reconstructionError;
            case COSINE -> {
                Tensor dot = t.sumRows(t.mul(x, xTilde));
                Tensor norms = t.mul(t.add(TapeLayers.rowNorm(t, x), COSINE_EPS),
                        t.add(TapeLayers.rowNorm(t, xTilde), COSINE_EPS));
                yield t.neg(t.div(dot, norms));
            }
        };
        t.output(METRIC, m);
        if (!t.training()) {
            return new Objective(m, null);
        }
        Tensor y = t.named(Y);
        Tensor yRsr = t.named(Y_RSR);
        Tensor a = t.param(RSR_MATRIX, y.cols(), intrinsicDim, () -> {
            throw new IllegalStateException(RSR_MATRIX + " is declared by latent()");
        });
        Tensor lossAE = t.mean(reconstructionError);
        Tensor projection = t.mean(norm(t, t.sub(y, t.matmul(yRsr, a, false, true))));
        double[] eye = new double[intrinsicDim * intrinsicDim];
        for (int i = 0; i < intrinsicDim; i++) {
            eye[i * intrinsicDim + i] = 1;
        }
        Tensor gram = t.sub(t.matmul(a, a, true, false), t.input(eye, intrinsicDim, intrinsicDim));
        Tensor orthogonality = t.sum(t.square(gram));
        Tensor lossRSR = t.add(t.mul(projection, lambda1), t.mul(orthogonality, lambda2));
        Tensor loss = t.add(t.mul(lossAE, t.stepScalar(WEIGHT_AE, 1.0)), t.mul(lossRSR, t.stepScalar(WEIGHT_RSR, 1.0)));
        return new Objective(m, loss);
    }

    private static Tensor norm(Tape t, Tensor rows) {
        return t.sqrt(t.add(t.rowSumSquares(rows), NORM_EPS));
    }

    /** Row-wise L2 norm with a tiny floor inside the root, so that its gradient stays finite at 0. */
    private static SDVariable norm(SameDiff sd, SDVariable rows) {
        return sd.math.sqrt(sd.sum(sd.math.square(rows), false, 1).add(NORM_EPS));
    }

    /**
     * @param iteration the 0-based optimizer step
     * @return {@code w_AE = 1, w_RSR = 0} on even steps and the reverse on odd ones when alternating; both 1 otherwise
     */
    @Override
    public Map<String, Double> stepInputs(long iteration) {
        if (!alternate) {
            return Map.of(WEIGHT_AE, 1.0, WEIGHT_RSR, 1.0);
        }
        boolean aeStep = iteration % 2 == 0;
        return Map.of(WEIGHT_AE, aeStep ? 1.0 : 0.0, WEIGHT_RSR, aeStep ? 0.0 : 1.0);
    }

    @Override
    public String metricDescription() {
        return metric == RsraeMetric.L2 ? "reconstruction error ‖x − x̃‖₂" : "negative cosine similarity −cos(x, x̃)";
    }
}
