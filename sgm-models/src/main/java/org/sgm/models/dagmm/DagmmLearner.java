package org.sgm.models.dagmm;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 * The DAGMM backbone (METHOD.md §4): a compression autoencoder, an estimation network giving soft memberships of a
 * Gaussian mixture, and the mixture's sample energy.
 *
 * <ul>
 *   <li>Compression network: dense layers with tanh (as the original) down to a linear bottleneck z_c, mirrored back
 *       to a linear reconstruction x̂. z = [z_c, ‖x − x̂‖/‖x‖, cos(x, x̂)]; norms are {@code sqrt(Σv² + δ²)} with
 *       δ = 1e-6, so a zero row does not divide by zero.</li>
 *   <li>Estimation network: Linear(D → h) → tanh → Linear(h → K) → softmax gives γ. The original's dropout(0.5)
 *       is left out: it would need a second random stream inside each step and the training loop keeps every
 *       step a deterministic function of the seed.</li>
 *   <li>Batch GMM φ, μ, Σ (+ε·I) from γ and the energy E(z) = −log Σ_k φ_k N(z; μ_k, Σ_k), unrolled into elementary
 *       ops ({@link GmmEnergy}).</li>
 *   <li>L_B = mean_n ‖x_n − x̂_n‖² + λ1·mean_n E(z_n) + λ2·Σ_k Σ_j 1/Σ_k,jj.</li>
 *   <li>z (where the scoring network attaches) = the estimation network's input.</li>
 *   <li>m = E(z) under the GMM estimated on the <em>whole</em> training set, held in three graph constants
 *       ({@code dagmm_phi}, {@code dagmm_mu}, {@code dagmm_chol}: the Cholesky factor of Σ_k + ε·I). They are
 *       re-estimated from the current weights at the start of every epoch (so pre-judging uses current statistics)
 *       and after the last epoch (so the saved model scores with the final ones); being constants, they are saved
 *       with the model.</li>
 * </ul>
 *
 * <p>References: B. Zong, Q. Song, M. R. Min, W. Cheng, C. Lumezanu, D. Cho, H. Chen, "Deep Autoencoding Gaussian
 * Mixture Model for Unsupervised Anomaly Detection", International Conference on Learning Representations (ICLR),
 * 2018. Z. Huang, B. Zhang, G. Hu, L. Li, Y. Xu, Y. Jin, "Enhancing Unsupervised Anomaly Detection with
 * Score-Guided Network", IEEE Transactions on Neural Networks and Learning Systems, 2023,
 * DOI 10.1109/TNNLS.2023.3281501.
 */
public final class DagmmLearner implements RepresentationLearner, TapeLearner {
    /** Name of the latent code z = [z_c, relative error, cosine similarity]. */
    public static final String LATENT = "dagmm_z";
    /** The compression network's reconstruction x̂, named in both engines. */
    public static final String RECONSTRUCTION = "dagmm_reconstruction";
    /** Name of the memberships γ. */
    public static final String GAMMA = "dagmm_gamma";
    /** Name of [z, γ] side by side, {@code [N, D + K]}: what the statistics are estimated from, in one pass. */
    public static final String LATENT_AND_GAMMA = "dagmm_zGamma";
    /** Name of the constant mixture weights φ used by the metric. */
    public static final String PHI = "dagmm_phi";
    /** Name of the constant means μ used by the metric. */
    public static final String MU = "dagmm_mu";
    /** Name of the constant Cholesky factors of Σ + ε·I used by the metric. */
    public static final String CHOL = "dagmm_chol";
    /** Name of the metric, the sample energy under the training-set GMM. */
    public static final String METRIC = "gmmEnergy";
    /** The original guard δ in the norms {@code sqrt(Σv² + δ²)} of the relative error and the cosine similarity. */
    static final double NORM_GUARD = 1e-6;
    /** Name of the per-row squared reconstruction error on the fast engine. */
    static final String RESIDUAL_SQUARES = "dagmm_residualSquares";

    private final int[] widths;
    private final int estimationHidden;
    private final int components;
    private final double lambdaEnergy;
    private final double lambdaCovariance;
    private final double covarianceEpsilon;
    private final double normGuard;

    /**
     * @param widths compression-encoder widths from the input (d) to the bottleneck z_c
     * @param estimationHidden hidden width of the estimation network
     * @param components number of mixture components K
     * @param lambdaEnergy λ1, weight of the mean energy in L_B
     * @param lambdaCovariance λ2, weight of the penalty on small variances
     * @param covarianceEpsilon ε added to every covariance diagonal
     */
    public DagmmLearner(int[] widths, int estimationHidden, int components, double lambdaEnergy,
            double lambdaCovariance, double covarianceEpsilon) {
        this(widths, estimationHidden, components, lambdaEnergy, lambdaCovariance, covarianceEpsilon, NORM_GUARD);
    }

    /**
     * @param widths compression-encoder widths from the input (d) to the bottleneck z_c
     * @param estimationHidden hidden width of the estimation network
     * @param components number of mixture components K
     * @param lambdaEnergy λ1, weight of the mean energy in L_B
     * @param lambdaCovariance λ2, weight of the penalty on small variances
     * @param covarianceEpsilon ε added to every covariance diagonal
     * @param normGuard δ in the norms of the relative error and the cosine similarity
     */
    public DagmmLearner(int[] widths, int estimationHidden, int components, double lambdaEnergy,
            double lambdaCovariance, double covarianceEpsilon, double normGuard) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("the compression network needs an input and a bottleneck width");
        }
        this.widths = widths.clone();
        this.estimationHidden = estimationHidden;
        this.components = components;
        this.lambdaEnergy = lambdaEnergy;
        this.lambdaCovariance = lambdaCovariance;
        this.covarianceEpsilon = covarianceEpsilon;
        this.normGuard = normGuard;
    }

    /** @return the width D of z: the bottleneck plus the two reconstruction features */
    public int latentDim() {
        return widths[widths.length - 1] + 2;
    }

    @Override
    public LearnerGraph build(SameDiff sd, SDVariable x, ParamInit init) {
        int dim = latentDim();
        SDVariable zc = tanhStack(sd, "cmp_enc", x, widths, init);
        int[] back = new int[widths.length];
        for (int i = 0; i < widths.length; i++) {
            back[i] = widths[widths.length - 1 - i];
        }
        SDVariable xHat = sd.identity(RECONSTRUCTION, tanhStack(sd, "cmp_dec", zc, back, init));
        SDVariable residual = x.sub(xHat);
        SDVariable residualSq = sd.sum(sd.math.square(residual), false, 1);
        SDVariable reconstruction = sd.mean("dagmmReconstructionLoss", residualSq);
        SDVariable normX = guardedNorm(sd, sd.sum(sd.math.square(x), false, 1));
        SDVariable normXHat = guardedNorm(sd, sd.sum(sd.math.square(xHat), false, 1));
        SDVariable relative = guardedNorm(sd, residualSq).div(normX);
        SDVariable cosine = sd.sum(x.mul(xHat), false, 1).div(normX.mul(normXHat));
        SDVariable z = sd.concat(LATENT, 1, zc, relative.reshape(-1, 1), cosine.reshape(-1, 1));

        SDVariable hidden = sd.math.tanh(Layers.dense(sd, "est0", z, dim, estimationHidden, init, true));
        SDVariable logits = Layers.dense(sd, "est1", hidden, estimationHidden, components, init, true);
        SDVariable gamma = sd.nn.softmax(GAMMA, logits, 1);
        sd.concat(LATENT_AND_GAMMA, 1, z, gamma);

        GmmEnergy.Params batch = GmmEnergy.fromBatch(sd, z, gamma, dim, covarianceEpsilon);
        SDVariable energy = sd.mean("dagmmEnergyLoss", GmmEnergy.energy(sd, z, batch));
        SDVariable penalty = sd.identity("dagmmCovariancePenalty", GmmEnergy.covariancePenalty(sd, batch));
        SDVariable loss = reconstruction.add("dagmmLoss",
                energy.mul(lambdaEnergy).add(penalty.mul(lambdaCovariance)));

        SDVariable phi = sd.constant(PHI, initialPhi(init.dataType()));
        SDVariable mu = sd.constant(MU, Nd4j.zeros(init.dataType(), components, dim));
        SDVariable chol = sd.constant(CHOL, initialChol(init.dataType()));
        GmmEnergy.Params fixed = GmmEnergy.fromConstants(sd, phi, mu, chol, dim);
        SDVariable metric = sd.identity(METRIC, GmmEnergy.energy(sd, z, fixed));
        return new LearnerGraph(z, dim, loss, metric);
    }

    private INDArray initialPhi(DataType type) {
        return Nd4j.valueArrayOf(new long[] {components}, 1.0 / components, type);
    }

    private INDArray initialChol(DataType type) {
        int dim = latentDim();
        INDArray identity = Nd4j.zeros(type, components, dim, dim);
        for (int k = 0; k < components; k++) {
            for (int i = 0; i < dim; i++) {
                identity.putScalar(new long[] {k, i, i}, 1.0);
            }
        }
        return identity;
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
        Tensor zc = tanhStack(t, "cmp_enc", x, widths, init);
        int[] back = new int[widths.length];
        for (int i = 0; i < widths.length; i++) {
            back[i] = widths[widths.length - 1 - i];
        }
        Tensor xHat = t.output(RECONSTRUCTION, tanhStack(t, "cmp_dec", zc, back, init));
        Tensor residualSq = t.output(RESIDUAL_SQUARES, t.rowSumSquares(t.sub(x, xHat)));
        Tensor normX = guardedNorm(t, t.rowSumSquares(x));
        Tensor normXHat = guardedNorm(t, t.rowSumSquares(xHat));
        Tensor relative = t.div(guardedNorm(t, residualSq), normX);
        Tensor cosine = t.div(t.sumRows(t.mul(x, xHat)), t.mul(normX, normXHat));
        return t.output(LATENT, t.concatCols(zc, relative, cosine));
    }

    @Override
    public Objective objective(Tape t, Tensor x, Tensor z, ParamInit init) {
        int dim = latentDim();
        Tensor hidden = t.tanh(TapeLayers.dense(t, "est0", z, estimationHidden, init, true));
        Tensor gamma = t.output(GAMMA, t.softmaxRows(TapeLayers.dense(t, "est1", hidden, components, init, true)));
        t.output(LATENT_AND_GAMMA, t.concatCols(z, gamma));
        Tensor phi = t.constant(PHI, 1, components, () -> initialPhi(init.dataType()));
        Tensor mu = t.constant(MU, components, dim, () -> Nd4j.zeros(init.dataType(), components, dim));
        Tensor chol = t.constant(CHOL, components, dim * dim, () -> initialChol(init.dataType()));
        t.params().setShape(PHI, components);
        t.params().setShape(CHOL, components, dim, dim);
        Tensor metric = t.output(METRIC, GmmTape.energy(t, z, GmmTape.fromConstants(t, phi, mu, chol, dim)));
        if (!t.training()) {
            return new Objective(metric, null);
        }
        GmmTape.Params batch = GmmTape.fromBatch(t, z, gamma, covarianceEpsilon);
        Tensor reconstruction = t.mean(t.named(RESIDUAL_SQUARES));
        Tensor energy = t.mean(GmmTape.energy(t, z, batch));
        Tensor penalty = GmmTape.covariancePenalty(t, batch);
        Tensor loss = t.add(reconstruction, t.add(t.mul(energy, lambdaEnergy), t.mul(penalty, lambdaCovariance)));
        return new Objective(metric, loss);
    }

    private static Tensor tanhStack(Tape t, String name, Tensor in, int[] widths, ParamInit init) {
        Tensor h = in;
        for (int i = 0; i + 1 < widths.length; i++) {
            h = TapeLayers.dense(t, name + i, h, widths[i + 1], init, true);
            if (i + 2 < widths.length) {
                h = t.tanh(h);
            }
        }
        return h;
    }

    private Tensor guardedNorm(Tape t, Tensor squaredNorm) {
        return t.sqrt(t.add(squaredNorm, normGuard * normGuard));
    }

    @Override
    public String metricDescription() {
        return "sample energy E(z) under the GMM estimated on the training set";
    }

    @Override
    public void onEpochStart(LearnerContext ctx, int epoch) {
        refreshStatistics(ctx);
    }

    @Override
    public void onTrainingEnd(LearnerContext ctx) {
        refreshStatistics(ctx);
    }

    /**
     * Re-estimates φ, μ and the Cholesky factors of Σ + ε·I over the whole current training input with the current
     * weights, in double precision, and stores them in the metric's constants.
     *
     * @param ctx the learner context
     * @return the estimates stored
     */
    GmmStatistics refreshStatistics(LearnerContext ctx) {
        int dim = latentDim();
        GmmStatistics.Accumulator acc = new GmmStatistics.Accumulator(dim, components);
        double[] z = new double[dim];
        double[] gamma = new double[components];
        ctx.evaluate(LATENT_AND_GAMMA, (from, values) -> {
            // One flat copy of the batch (INDArray.toDoubleMatrix makes an ND4J call per row).
            double[] flat = values.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            int width = dim + components;
            for (int r = 0; r < flat.length / width; r++) {
                System.arraycopy(flat, r * width, z, 0, dim);
                System.arraycopy(flat, r * width + dim, gamma, 0, components);
                acc.add(z, gamma);
            }
        });
        GmmStatistics stats = acc.finish(covarianceEpsilon);
        store(ctx, stats);
        return stats;
    }

    /**
     * Writes estimates into the metric's constants.
     *
     * @param ctx the learner context of the engine that trains
     * @param stats the estimates
     */
    static void store(LearnerContext ctx, GmmStatistics stats) {
        int k = stats.phi().length;
        int dim = stats.mu()[0].length;
        double[] chol = new double[k * dim * dim];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    chol[(c * dim + i) * dim + j] = stats.chol()[c][i][j];
                }
            }
        }
        ctx.assignConstant(PHI, Nd4j.create(stats.phi()));
        ctx.assignConstant(MU, Nd4j.create(stats.mu()));
        ctx.assignConstant(CHOL, Nd4j.create(chol, new long[] {k, dim, dim}, DataType.DOUBLE));
    }

    private static SDVariable tanhStack(SameDiff sd, String name, SDVariable in, int[] widths, ParamInit init) {
        SDVariable h = in;
        for (int i = 0; i + 1 < widths.length; i++) {
            h = Layers.dense(sd, name + i, h, widths[i], widths[i + 1], init, true);
            if (i + 2 < widths.length) {
                h = sd.math.tanh(h);
            }
        }
        return h;
    }

    private SDVariable guardedNorm(SameDiff sd, SDVariable squaredNorm) {
        return sd.math.sqrt(squaredNorm.add(normGuard * normGuard));
    }
}
