package org.sgm.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sgm.core.EpochStats;
import org.sgm.core.FittedDetector;
import org.sgm.core.TrainingListener;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.spi.PseudoLabels;
import org.sgm.core.spi.RepresentationLearner;

/**
 * The one training loop of every score-guided model (METHOD.md §2):
 * <ol>
 *   <li>at the start of each epoch, the backbone metric m of every training row with the current weights gives
 *       the threshold τ (the pseudo-labeller, ε-th percentile by default);</li>
 *   <li>the rows are shuffled (a seeded permutation: each row is seen once per epoch, unlike the authors' sampling
 *       with replacement) and split into {@code max(1, n / batch)} near-equal batches; each batch is one optimizer
 *       step on {@code L = L_B + λ_DE·L_SG} with pseudo-labels {@code m ≥ τ} and a fresh μ_R;</li>
 *   <li>after the epoch one forward pass gives the next epoch's metrics and the mean training score; a guided
 *       model stops early once that mean exceeds {@code a / 2}.</li>
 * </ol>
 * Networks must not keep the batch arrays they are given: the loop refills them. Rows are read batch by batch from
 * the {@link FeatureMatrix} (a memory-mapped one included), never all at once.
 * A learner's hooks may replace the rows trained on ({@link LearnerContext#replaceInput}); the loop then uses the
 * new rows for the pass and the batches. All randomness comes from the seed given; ND4J's global generator is
 * never used.
 */
public final class TrainingLoop {

    private TrainingLoop() {}

    /**
     * What a fit leaves besides the weights.
     *
     * @param history per-epoch statistics
     * @param metric the metric m of every training row under the final weights (the loop's last forward pass), or
     *     null where the end-of-training hook replaced the input or assigned a constant after that pass
     * @param score the score of every training row under the final weights (m for a plain network), or null as
     *     {@code metric}
     */
    public record Result(List<EpochStats> history, float[] metric, float[] score) {}

    /**
     * Trains {@code net} in place.
     *
     * @param net the network
     * @param learner the backbone, for its hooks
     * @param context the learner's hook context (may be null if the learner has none)
     * @param train the training data
     * @param training optimisation settings, resolved ({@link TrainingConfig#resolve})
     * @param guidance guidance settings
     * @param components the pseudo-labeller and regularizer
     * @param seed the seed of batch order and μ_R draws
     * @param listeners progress observers
     * @return per-epoch statistics, and the last pass over the training rows where it is still current
     */
    public static Result run(TrainableNetwork net, RepresentationLearner learner, LearnerContext context,
            FeatureMatrix train, TrainingConfig training, ScoreGuidance guidance, ScoreGuidedComponents components,
            long seed, List<TrainingListener> listeners) {
        int n = train.rows();
        int d = train.cols();
        if (n < 1) {
            throw new IllegalArgumentException("training data has no rows");
        }
        if (!training.resolved()) {
            throw new IllegalArgumentException("training settings not resolved: " + training);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int batch = Math.min(training.batchSize(), n);
        int steps = Math.max(1, n / batch);
        boolean guided = net.guided();
        listeners.forEach(l -> l.onTrainingStart(n, d, training.epochs(), steps));
        if (context != null) {
            learner.onTrainingStart(context);
        }
        FeatureMatrix rows = context == null ? train : context.input();

        float[] metric = new float[n];
        float[] score = new float[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float[] buffer = new float[(n / steps + 1) * d];
        float[] passBuffer = new float[Math.min(n, FittedDetector.SCORING_BATCH) * d];
        List<EpochStats> history = new ArrayList<>();
        String stopReason = "epoch budget of " + training.epochs() + " reached";
        boolean passIsCurrent = false;
        // The warm-up: the first steps train the backbone alone; the guidance starts with τ from the trained metric.
        long warmupSteps = guided ? Math.round(guidance.warmup() * training.epochs() * (double) steps) : 0;
        int refresh = guidance.refreshEvery();
        long step = 0;
        long totalSteps = (long) training.epochs() * steps;
        SplittableRandom sampling = new SplittableRandom(seed ^ 0x5DEECE66DL); // τ samples; leaves rng alone
        for (int epoch = 1; epoch <= training.epochs(); epoch++) {
            long start = System.nanoTime();
            if (context != null) {
                long before = changes(context);
                learner.onEpochStart(context, epoch);
                rows = context.input();
                passIsCurrent &= unchanged(context, before);
            }
            if (!passIsCurrent) {
                forwardPass(net, rows, metric, score, passBuffer);
            }
            double tau = Double.NaN;
            double flagged = 0;
            if (guided) {
                tau = components.labeler().threshold(metric, guidance);
                double[] all = new double[n];
                for (int i = 0; i < n; i++) {
                    all[i] = metric[i];
                }
                int count = 0;
                for (boolean f : PseudoLabels.flags(all, tau, guidance.percentile())) {
                    count += f ? 1 : 0;
                }
                flagged = (double) count / n;
            }
            shuffle(order, rng);
            double sumTotal = 0;
            double sumBackbone = 0;
            double sumGuidance = 0;
            for (int k = 0; k < steps; k++, step++) {
                // np.array_split semantics: the first n % steps batches get one extra row.
                int from = k * (n / steps) + Math.min(k, n % steps);
                int to = from + n / steps + (k < n % steps ? 1 : 0);
                boolean guide = guided && step >= warmupSteps;
                if (guide && k > 0 && (step == warmupSteps || refresh > 0 && k % refresh == 0)) {
                    tau = sampledThreshold(net, rows, guidance, components, sampling, passBuffer);
                }
                rows.gatherRows(order, from, to, buffer);
                double mu = guided ? components.regularizer().sampleReferenceMean(rng) : 0.0;
                StepLosses losses = net.step(buffer, to - from, tau, mu, epoch, guide);
                if (!Double.isFinite(losses.total())) {
                    throw new TrainingDivergedException(String.format(Locale.ROOT,
                            "training diverged in epoch %d, step %d: the loss became %s (backbone %s, guidance %s); "
                                    + "lower training.learningRate (now %s) or check the input for extreme values",
                            epoch, k + 1, losses.total(), losses.backbone(), losses.guidance(),
                            training.learningRate()));
                }
                if (context != null) {
                    learner.onStep(context, step + 1, totalSteps);
                    rows = context.input();
                }
                sumTotal += losses.total();
                sumBackbone += losses.backbone();
                sumGuidance += losses.guidance();
            }
            forwardPass(net, rows, metric, score, passBuffer);
            passIsCurrent = true;
            double meanScore = mean(score);
            EpochStats stats = new EpochStats(epoch, sumTotal / steps, sumBackbone / steps, sumGuidance / steps, tau,
                    flagged, meanScore, (System.nanoTime() - start) / 1_000_000);
            history.add(stats);
            listeners.forEach(l -> l.onEpochEnd(stats));
            if (!Double.isFinite(meanScore)) {
                throw new TrainingDivergedException(String.format(Locale.ROOT,
                        "training diverged in epoch %d: training scores became %s; lower training.learningRate "
                                + "(now %s) or check the input for extreme values",
                        epoch, meanScore, training.learningRate()));
            }
            if (guided && step > warmupSteps && training.earlyStop() && meanScore > guidance.margin() / 2) {
                stopReason = String.format(Locale.ROOT, "early stop after epoch %d: mean training score %.3f > a/2 = %.3f",
                        epoch, meanScore, guidance.margin() / 2);
                break;
            }
        }
        boolean current = true; // the last pass, unless a hook changed the input or a constant after it
        if (context != null) {
            long before = changes(context);
            learner.onTrainingEnd(context);
            current = unchanged(context, before);
        }
        String reason = stopReason;
        List<EpochStats> done = List.copyOf(history);
        listeners.forEach(l -> l.onTrainingEnd(done, reason));
        return new Result(done, current ? metric : null, current ? score : null);
    }

    /** @return the changes a hook made through the context so far, or -1 for a context that does not count them */
    private static long changes(LearnerContext context) {
        return context instanceof AbstractLearnerContext c ? c.changes() : -1;
    }

    /** @return whether no hook changed the input or a constant since {@code before} (false if not counted) */
    private static boolean unchanged(LearnerContext context, long before) {
        return before >= 0 && changes(context) == before;
    }

    /**
     * Runs the network over all rows in batches of {@link FittedDetector#SCORING_BATCH}.
     *
     * @param net the network
     * @param x the rows
     * @param metric receives the metric of every row
     * @param score receives the score of every row (or null)
     */
    public static void forwardPass(TrainableNetwork net, FeatureMatrix x, float[] metric, float[] score) {
        forwardPass(net, x, metric, score, new float[Math.min(x.rows(), FittedDetector.SCORING_BATCH) * x.cols()]);
    }

    /**
     * Scores all rows in batches of {@link FittedDetector#SCORING_BATCH} (the score only: see {@link TrainableNetwork#score}).
     *
     * @param net the network
     * @param x the rows
     * @param score receives the score of every row
     */
    public static void scorePass(TrainableNetwork net, FeatureMatrix x, float[] score) {
        float[] buffer = new float[Math.min(x.rows(), FittedDetector.SCORING_BATCH) * x.cols()];
        for (int from = 0; from < x.rows(); from += FittedDetector.SCORING_BATCH) {
            int to = Math.min(x.rows(), from + FittedDetector.SCORING_BATCH);
            x.rowsInto(from, to, buffer);
            net.score(buffer, to - from, score, from);
        }
    }

    private static void forwardPass(TrainableNetwork net, FeatureMatrix x, float[] metric, float[] score,
            float[] buffer) {
        for (int from = 0; from < x.rows(); from += FittedDetector.SCORING_BATCH) {
            int to = Math.min(x.rows(), from + FittedDetector.SCORING_BATCH);
            x.rowsInto(from, to, buffer);
            net.evaluate(buffer, to - from, metric, score, from);
        }
    }

    /** Rows whose metric re-estimates τ inside an epoch (all rows when there are no more). */
    public static final int THRESHOLD_SAMPLE = 4096;

    /**
     * τ from the current weights inside an epoch: on all rows when there are at most {@value #THRESHOLD_SAMPLE},
     * else on that many rows drawn with replacement from the seeded generator.
     */
    private static double sampledThreshold(TrainableNetwork net, FeatureMatrix rows, ScoreGuidance guidance,
            ScoreGuidedComponents components, SplittableRandom rng, float[] buffer) {
        int n = rows.rows();
        if (n <= THRESHOLD_SAMPLE) {
            float[] metric = new float[n];
            forwardPass(net, rows, metric, null, buffer);
            return components.labeler().threshold(metric, guidance);
        }
        int[] idx = new int[THRESHOLD_SAMPLE];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = rng.nextInt(n);
        }
        float[] sample = new float[THRESHOLD_SAMPLE * rows.cols()];
        rows.gatherRows(idx, 0, idx.length, sample);
        float[] metric = new float[THRESHOLD_SAMPLE];
        net.evaluate(sample, THRESHOLD_SAMPLE, metric, null, 0);
        return components.labeler().threshold(metric, guidance);
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s / v.length;
    }
}
