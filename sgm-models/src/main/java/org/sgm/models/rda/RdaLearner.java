package org.sgm.models.rda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.spi.Layers;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.spi.LearnerGraph;
import org.sgm.core.spi.ParamInit;
import org.sgm.core.spi.PercentileLabeler;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.spi.TapeLayers;
import org.sgm.core.spi.TapeLearner;
import org.sgm.core.tape.Tape;
import org.sgm.core.tape.Tensor;

/**
 * The Robust Deep Autoencoder backbone, ℓ2,1 variant (METHOD.md §4): the training data is split as X = L + S, an
 * autoencoder learns the "clean" part L and S holds the rows it cannot reconstruct, made row-sparse by the ℓ2,1
 * proximal step.
 *
 * <p>Between outer steps the autoencoder trains on L = X − S (with the score-guided term added to its loss when
 * guided). Every {@code innerEpochs} epochs (at the start of epochs {@code innerEpochs + 1},
 * {@code 2·innerEpochs + 1}, …), or, for a learner made by {@link #spread}, every {@code totalSteps / outerIterations}
 * optimizer steps, and once after the last epoch, the outer step runs:
 * L̂ = AE(L) over the current input, {@code S = prox_{λ·ℓ2,1}(X − L̂)} row by row ({@link L21Shrinkage}), and the
 * loop's input becomes L = X − S. S starts at 0, so the first inner epochs train on X.
 *
 * <ul>
 *   <li>Autoencoder: the SG-AE network (Linear + ReLU per layer, bottleneck included; mirrored decoder with a
 *       linear output), so SG-RDA and SG-AE differ only by the robust decomposition. L_B = mean over batch and
 *       features of (L − L̂)².</li>
 *   <li>z = the bottleneck of the autoencoder on its input (L while training, x when scoring).</li>
 *   <li>m = ‖x − AE(x)‖₂, the reconstruction error of the input, which exists for unseen rows too (S exists only
 *       for training rows). While training the input is L, so pre-judging ranks rows by ‖L − AE(L)‖₂.</li>
 * </ul>
 *
 * <p>References: C. Zhou, R. C. Paffenroth, "Anomaly Detection with Robust Deep Autoencoders", Proceedings of the
 * 23rd ACM SIGKDD International Conference on Knowledge Discovery and Data Mining (KDD), 2017. Z. Huang, B. Zhang,
 * G. Hu, L. Li, Y. Xu, Y. Jin, "Enhancing Unsupervised Anomaly Detection with Score-Guided Network", IEEE
 * Transactions on Neural Networks and Learning Systems, 2023, DOI 10.1109/TNNLS.2023.3281501.
 */
public final class RdaLearner implements RepresentationLearner, TapeLearner {
    /** Name of the reconstruction L̂ = AE(input). */
    public static final String RECONSTRUCTION = "rda_reconstruction";
    /** Name of the metric ‖x − AE(x)‖₂. */
    public static final String METRIC = "reconstructionError";

    private final int[] widths;
    private final double lambda;
    private final Double lambdaPercentile;
    private double lastLambda = Double.NaN;
    private final int innerEpochs;
    /** &gt; 0: outer steps spread over the optimizer steps ({@link #spread}); 0: every {@code innerEpochs} epochs. */
    private final int outerIterations;
    /** Rows of S that are not zero after the last outer step, and their values (row-major); null before it. */
    private int[] sparseRows;
    private float[] sparseValues;
    private float[] residualNorms;

    /**
     * @param widths encoder widths from the input (d) to the bottleneck
     * @param lambda the absolute shrinkage threshold λ &gt; 0 of the ℓ2,1 proximal step
     * @param innerEpochs epochs of autoencoder training between two outer steps, ≥ 1
     */
    public RdaLearner(int[] widths, double lambda, int innerEpochs) {
        this(widths, lambda, null, innerEpochs);
    }

    /**
     * @param widths encoder widths from the input (d) to the bottleneck
     * @param lambda the absolute shrinkage threshold λ &gt; 0, used when {@code lambdaPercentile} is null
     * @param lambdaPercentile if not null, λ is re-chosen at every outer step as this percentile of the residual row
     *     norms
     * @param innerEpochs epochs of autoencoder training between two outer steps, ≥ 1
     */
    public RdaLearner(int[] widths, double lambda, Double lambdaPercentile, int innerEpochs) {
        this(widths, lambda, lambdaPercentile, innerEpochs, 0);
    }

    /**
     * An RDA whose outer steps are spread evenly over the fit's optimizer steps instead of falling on epoch starts:
     * one every {@code round(totalSteps / outerIterations)} steps, and one after the last epoch. A fit that is a
     * single epoch (the automatic budget on a large file) still alternates; on the epoch schedule its S would never
     * reach the training, and RDA would be the plain autoencoder.
     *
     * @param widths encoder widths from the input (d) to the bottleneck
     * @param lambda the absolute shrinkage threshold λ &gt; 0, used when {@code lambdaPercentile} is null
     * @param lambdaPercentile if not null, λ is re-chosen at every outer step as this percentile of the residual row
     *     norms
     * @param outerIterations the outer iterations of a fit that runs its whole budget, ≥ 1
     * @return the learner
     */
    public static RdaLearner spread(int[] widths, double lambda, Double lambdaPercentile, int outerIterations) {
        if (outerIterations < 1) {
            throw new IllegalArgumentException("outerIterations must be ≥ 1, got " + outerIterations);
        }
        return new RdaLearner(widths, lambda, lambdaPercentile, 1, outerIterations);
    }

    private RdaLearner(int[] widths, double lambda, Double lambdaPercentile, int innerEpochs, int outerIterations) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("an autoencoder needs at least one hidden layer");
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("λ must be a finite value > 0, got " + lambda);
        }
        if (innerEpochs < 1) {
            throw new IllegalArgumentException("innerEpochs must be ≥ 1, got " + innerEpochs);
        }
        this.widths = widths.clone();
        this.lambda = lambda;
        this.lambdaPercentile = lambdaPercentile;
        this.innerEpochs = innerEpochs;
        this.outerIterations = outerIterations;
    }

    @Override
    public LearnerGraph build(SameDiff sd, SDVariable x, ParamInit init) {
        SDVariable z = Layers.mlp(sd, "enc", x, widths, init, true, true);
        int[] back = new int[widths.length];
        for (int i = 0; i < widths.length; i++) {
            back[i] = widths[widths.length - 1 - i];
        }
        SDVariable xHat = sd.identity(RECONSTRUCTION, Layers.mlp(sd, "dec", z, back, init, false, true));
        SDVariable residual = x.sub(xHat);
        SDVariable loss = sd.mean("reconstructionLoss", sd.math.square(residual));
        SDVariable metric = sd.identity(METRIC, Layers.rowNorm(sd, residual));
        return new LearnerGraph(z, widths[widths.length - 1], loss, metric);
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
        return TapeLayers.mlp(t, "enc", x, widths, init, true, true);
    }

    @Override
    public Objective objective(Tape t, Tensor x, Tensor z, ParamInit init) {
        int[] back = new int[widths.length];
        for (int i = 0; i < widths.length; i++) {
            back[i] = widths[widths.length - 1 - i];
        }
        Tensor xHat = t.output(RECONSTRUCTION, TapeLayers.mlp(t, "dec", z, back, init, false, true));
        Tensor squares = t.rowSumSquares(t.sub(x, xHat));
        Tensor loss = t.mul(t.sum(squares), 1.0 / ((double) x.rows() * x.cols()));
        return new Objective(t.output(METRIC, t.sqrt(squares)), loss);
    }

    @Override
    public String metricDescription() {
        return "reconstruction error ‖x − AE(x)‖₂";
    }

    @Override
    public void onEpochStart(LearnerContext ctx, int epoch) {
        if (outerIterations == 0 && epoch > 1 && (epoch - 1) % innerEpochs == 0) {
            outerStep(ctx);
        }
    }

    @Override
    public void onStep(LearnerContext ctx, long step, long totalSteps) {
        if (outerIterations > 0 && step < totalSteps
                && step % Math.max(1, Math.round((double) totalSteps / outerIterations)) == 0) {
            outerStep(ctx);
        }
    }

    @Override
    public void onTrainingEnd(LearnerContext ctx) {
        outerStep(ctx);
    }

    /**
     * One outer iteration's update: L̂ = AE(L), S = prox(X − L̂), input ← X − S, batch by batch. Only the rows where S
     * is not zero are stored; the new input shares every other row with X.
     *
     * @param ctx the learner context
     */
    void outerStep(LearnerContext ctx) {
        FeatureMatrix train = ctx.train();
        int d = train.cols();
        double threshold = lambda;
        if (lambdaPercentile != null) {
            // A first pass for the residual norms, whose percentile is this step's λ.
            float[] all = new float[train.rows()];
            float[] xs = new float[Math.min(train.rows(), FittedDetector.SCORING_BATCH) * d];
            ctx.evaluate(RECONSTRUCTION, (from, lHat) -> {
                int n = (int) lHat.rows();
                train.rowsInto(from, from + n, xs);
                float[] rec = lHat.castTo(DataType.FLOAT).dup('c').data().asFloat();
                for (int i = 0; i < n; i++) {
                    double sq = 0;
                    for (int j = 0; j < d; j++) {
                        double r = xs[i * d + j] - rec[i * d + j];
                        sq += r * r;
                    }
                    all[from + i] = (float) Math.sqrt(sq);
                }
            });
            threshold = Math.max(Double.MIN_NORMAL, PercentileLabeler.percentile(all, lambdaPercentile));
        }
        double lambda = threshold;
        lastLambda = threshold;
        float[] norms = new float[train.rows()];
        List<Integer> rows = new ArrayList<>();
        float[][] kept = new float[1][Math.max(16, d * 16)];
        int[] count = new int[1];
        float[] x = new float[Math.min(train.rows(), FittedDetector.SCORING_BATCH) * d];
        ctx.evaluate(RECONSTRUCTION, (from, lHat) -> {
            int n = (int) lHat.rows();
            train.rowsInto(from, from + n, x);
            float[] rec = lHat.castTo(DataType.FLOAT).dup('c').data().asFloat();
            float[] residual = new float[d];
            for (int i = 0; i < n; i++) {
                double sq = 0;
                for (int j = 0; j < d; j++) {
                    residual[j] = x[i * d + j] - rec[i * d + j];
                    sq += (double) residual[j] * residual[j];
                }
                double norm = Math.sqrt(sq);
                norms[from + i] = (float) norm;
                double factor = L21Shrinkage.factor(norm, lambda);
                if (factor > 0) {
                    if ((count[0] + 1) * d > kept[0].length) {
                        kept[0] = Arrays.copyOf(kept[0], kept[0].length * 2);
                    }
                    for (int j = 0; j < d; j++) {
                        kept[0][count[0] * d + j] = (float) (factor * residual[j]);
                    }
                    rows.add(from + i);
                    count[0]++;
                }
            }
        });
        residualNorms = norms;
        sparseRows = rows.stream().mapToInt(Integer::intValue).toArray();
        sparseValues = Arrays.copyOf(kept[0], count[0] * d);
        float[] low = new float[sparseValues.length];
        for (int k = 0; k < sparseRows.length; k++) {
            for (int j = 0; j < d; j++) {
                low[k * d + j] = train.get(sparseRows[k], j) - sparseValues[k * d + j];
            }
        }
        ctx.replaceInput(train.withRows(sparseRows, low));
    }

    /** @return the shrinkage threshold λ of the last outer step (the fixed λ before the first) */
    public double lambda() {
        return Double.isNaN(lastLambda) ? lambda : lastLambda;
    }

    /** @return the sparse part S of the training rows after the last outer step, {@code [N, d]}, or null before it */
    public INDArray sparsePart() {
        if (residualNorms == null) {
            return null;
        }
        int d = widths[0];
        INDArray s = Nd4j.zeros(DataType.FLOAT, residualNorms.length, d);
        for (int k = 0; k < sparseRows.length; k++) {
            for (int j = 0; j < d; j++) {
                s.putScalar(sparseRows[k], j, sparseValues[k * d + j]);
            }
        }
        return s;
    }

    /** @return how many training rows have a non-zero sparse part after the last outer step (0 before it) */
    public int sparseRowCount() {
        return sparseRows == null ? 0 : sparseRows.length;
    }

    /**
     * @return the row norms ‖X − L̂‖₂ of the residual that the last outer step shrank, {@code [N]}, or null before
     *     it
     */
    public INDArray residualNorms() {
        return residualNorms == null ? null : Nd4j.create(residualNorms.clone(), new long[] {residualNorms.length},
                DataType.FLOAT);
    }
}
