package org.sgm.models.dsvdd;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.spi.Layers;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.spi.LearnerGraph;
import org.sgm.core.spi.ParamInit;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.spi.TapeLayers;
import org.sgm.core.spi.TapeLearner;
import org.sgm.core.tape.Tape;
import org.sgm.core.tape.Tensor;

/**
 * Deep SVDD, one-class objective, as a score-guided backbone (METHOD.md §4).
 *
 * <p>Network φ_W: fully connected layers <em>without bias terms</em> (a bias would let φ map every input onto the
 * centre, the "hypersphere collapse" Ruff et al. rule out), ReLU after each hidden layer, a linear output. The
 * centre c is the mean of φ_W(x) over the training data with the initial weights, computed once in
 * {@link #onTrainingStart}; coordinates with |c_j| &lt; 0.1 are set to ±0.1 with their sign, as in Ruff et al.'s
 * code, and an exact 0 (which their code leaves at 0) becomes +0.1. c is a SameDiff constant: it is not trained,
 * and it is saved with the model.
 *
 * <ul>
 *   <li>L_B = mean over the batch of ‖φ_W(x) − c‖², plus {@code (w/2)·Σ‖W‖²} when a weight decay w &gt; 0 is set;</li>
 *   <li>latent code z = φ_W(x), where the scoring network attaches;</li>
 *   <li>metric m = ‖φ_W(x) − c‖², the score of the plain backbone.</li>
 * </ul>
 * The SGM paper's pseudo-labelling, margins and early stopping apply unchanged (the scoring network reads z).
 * Autoencoder pre-training of W (optional in Ruff et al.) is not done: W starts from the seeded initialiser.
 *
 * <p>References: L. Ruff, R. Vandermeulen, N. Görnitz, L. Deecke, S. A. Siddiqui, A. Binder, E. Müller,
 * M. Kloft, "Deep One-Class Classification", Proceedings of the 35th International Conference on Machine Learning
 * (ICML), PMLR 80, 2018. Z. Huang, B. Zhang, G. Hu, L. Li, Y. Xu, Y. Jin, "Enhancing Unsupervised Anomaly
 * Detection with Score-Guided Network", IEEE Transactions on Neural Networks and Learning Systems, 2023,
 * DOI 10.1109/TNNLS.2023.3281501.
 */
public final class DsvddLearner implements RepresentationLearner, TapeLearner {
    /** Graph name of the network output φ_W(x). */
    public static final String OUTPUT = "dsvddOutput";
    /** Graph name of the centre c, a constant of shape {@code [1, repDim]} saved with the model. */
    public static final String CENTER = "dsvddCenter";
    /** Graph name of the metric ‖φ_W(x) − c‖². */
    public static final String DISTANCE = "dsvddDistance";
    /** Centre coordinates closer to 0 than this are pushed to ±this (Ruff et al.'s {@code eps}). */
    public static final double CENTER_EPS = 0.1;
    /** Prefix of the layers' variables: {@code svdd0_W}, {@code svdd1_W}, … */
    static final String LAYER = "svdd";

    private final int[] widths;
    private final double weightDecay;

    /**
     * @param widths layer widths from the input to the output, {@code [d, hidden..., repDim]}, at least two
     * @param weightDecay coefficient of the L2 penalty on the weights (≥ 0; 0 = none)
     */
    public DsvddLearner(int[] widths, double weightDecay) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("Deep SVDD needs an input and an output width");
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be ≥ 0, got " + weightDecay);
        }
        this.widths = widths.clone();
        this.weightDecay = weightDecay;
    }

    /** @return the layer widths from the input to the output */
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public LearnerGraph build(SameDiff sd, SDVariable x, ParamInit init) {
        int rep = widths[widths.length - 1];
        SDVariable phi = sd.identity(OUTPUT, Layers.mlp(sd, LAYER, x, widths, init, false, false));
        SDVariable c = sd.constant(CENTER, Nd4j.zeros(init.dataType(), 1, rep));
        SDVariable distance = sd.sum(DISTANCE, sd.math.square(phi.sub(c)), false, 1);
        SDVariable loss = sd.mean(distance);
        if (weightDecay > 0) {
            SDVariable penalty = null;
            for (int i = 0; i + 1 < widths.length; i++) {
                SDVariable sq = sd.sum(sd.math.square(sd.getVariable(LAYER + i + "_W")));
                penalty = penalty == null ? sq : penalty.add(sq);
            }
            loss = loss.add(penalty.mul(weightDecay / 2));
        }
        loss = sd.identity("dsvddLoss", loss);
        return new LearnerGraph(phi, rep, loss, distance);
    }

    @Override
    public TapeLearner tape() {
        return this;
    }

    @Override
    public Tensor latent(Tape t, Tensor x, ParamInit init) {
        return t.output(OUTPUT, TapeLayers.mlp(t, LAYER, x, widths, init, false, false));
    }

    @Override
    public Objective objective(Tape t, Tensor x, Tensor phi, ParamInit init) {
        int rep = widths[widths.length - 1];
        Tensor c = t.constant(CENTER, 1, rep, () -> Nd4j.zeros(init.dataType(), 1, rep));
        Tensor distance = t.output(DISTANCE, t.rowSumSquares(t.sub(phi, c)));
        Tensor loss = t.mean(distance);
        if (weightDecay > 0) {
            Tensor penalty = null;
            for (int i = 0; i + 1 < widths.length; i++) {
                String name = LAYER + i + "_W";
                Tensor w = t.param(name, widths[i], widths[i + 1], () -> {
                    throw new IllegalStateException(name + " is declared by the network");
                });
                Tensor sq = t.sum(t.square(w));
                penalty = penalty == null ? sq : t.add(penalty, sq);
            }
            loss = t.add(loss, t.mul(penalty, weightDecay / 2));
        }
        return new Objective(distance, loss);
    }

    /**
     * Sets the centre c from the network's initial outputs over the training data (a running sum over the
     * batches: no output is kept).
     *
     * @param ctx the forward pass and the learner's constants
     */
    @Override
    public void onTrainingStart(LearnerContext ctx) {
        int rep = widths[widths.length - 1];
        double[] sum = new double[rep];
        ctx.evaluate(OUTPUT, (from, values) -> {
            double[] v = values.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            for (int i = 0; i < v.length; i++) {
                sum[i % rep] += v[i];
            }
        });
        int n = ctx.input().rows();
        for (int j = 0; j < rep; j++) {
            sum[j] /= n;
        }
        double[] centre = awayFromZero(sum, CENTER_EPS);
        ctx.assignConstant(CENTER, Nd4j.create(centre, new long[] {1, rep}, DataType.DOUBLE));
    }

    /**
     * Ruff et al.'s guard against a trivial centre: coordinates with |c_j| &lt; eps become eps with the sign of
     * c_j, and exact zeros become +eps.
     *
     * @param mean the mean output
     * @param eps the minimum magnitude
     * @return a new array, the adjusted centre
     */
    static double[] awayFromZero(double[] mean, double eps) {
        double[] c = mean.clone();
        for (int j = 0; j < c.length; j++) {
            if (Math.abs(c[j]) < eps) {
                c[j] = c[j] < 0 ? -eps : eps;
            }
        }
        return c;
    }

    @Override
    public String metricDescription() {
        return "squared distance to the centre ‖φ(x) − c‖²";
    }
}
