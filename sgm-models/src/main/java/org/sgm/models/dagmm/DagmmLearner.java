package org.sgm.models.dagmm;

import java.util.Arrays;
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
public final class DagmmLearner implements RepresentationLearner {
    /** Name of the latent code z = [z_c, relative error, cosine similarity]. */
    public static final String LATENT = "dagmm_z";
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
    /** Guard δ in the norms {@code sqrt(Σv² + δ²)} of the relative error and the cosine similarity. */
    static final double NORM_GUARD = 1e-6;

    private final int[] widths;
    private final int estimationHidden;
    private final int components;
    private final double lambdaEnergy;
    private final double lambdaCovariance;
    private final double covarianceEpsilon;

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
        if (widths.length < 2) {
            throw new IllegalArgumentException("the compression network needs an input and a bottleneck width");
        }
        this.widths = widths.clone();
        this.estimationHidden = estimationHidden;
        this.components = components;
        this.lambdaEnergy = lambdaEnergy;
        this.lambdaCovariance = lambdaCovariance;
        this.covarianceEpsilon = covarianceEpsilon;
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
        SDVariable xHat = tanhStack(sd, "cmp_dec", zc, back, init);
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

        SDVariable phi = sd.constant(PHI, Nd4j.valueArrayOf(new long[] {components}, 1.0 / components,
                DataType.FLOAT));
        SDVariable mu = sd.constant(MU, Nd4j.zeros(DataType.FLOAT, components, dim));
        INDArray identity = Nd4j.zeros(DataType.FLOAT, components, dim, dim);
        for (int k = 0; k < components; k++) {
            for (int i = 0; i < dim; i++) {
                identity.putScalar(new long[] {k, i, i}, 1.0);
            }
        }
        SDVariable chol = sd.constant(CHOL, identity);
        GmmEnergy.Params fixed = GmmEnergy.fromConstants(sd, phi, mu, chol, dim);
        SDVariable metric = sd.identity(METRIC, GmmEnergy.energy(sd, z, fixed));
        return new LearnerGraph(z, dim, loss, metric);
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
        double[][] both = ctx.evaluate(LATENT_AND_GAMMA).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] z = new double[both.length][];
        double[][] gamma = new double[both.length][];
        for (int i = 0; i < both.length; i++) {
            z[i] = Arrays.copyOfRange(both[i], 0, dim);
            gamma[i] = Arrays.copyOfRange(both[i], dim, both[i].length);
        }
        GmmStatistics stats = GmmStatistics.estimate(z, gamma, covarianceEpsilon);
        store(ctx.graph(), stats);
        return stats;
    }

    /**
     * Writes estimates into the metric's constants.
     *
     * @param sd the graph built by {@link #build}
     * @param stats the estimates
     */
    static void store(SameDiff sd, GmmStatistics stats) {
        int k = stats.phi().length;
        int dim = stats.mu()[0].length;
        float[] chol = new float[k * dim * dim];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    chol[(c * dim + i) * dim + j] = (float) stats.chol()[c][i][j];
                }
            }
        }
        sd.getVariable(PHI).getArr().assign(Nd4j.create(stats.phi()).castTo(DataType.FLOAT));
        sd.getVariable(MU).getArr().assign(Nd4j.create(stats.mu()).castTo(DataType.FLOAT));
        sd.getVariable(CHOL).getArr().assign(Nd4j.create(chol, new long[] {k, dim, dim}, DataType.FLOAT));
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

    private static SDVariable guardedNorm(SameDiff sd, SDVariable squaredNorm) {
        return sd.math.sqrt(squaredNorm.add(NORM_GUARD * NORM_GUARD));
    }
}
