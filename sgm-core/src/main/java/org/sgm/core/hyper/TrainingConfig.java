package org.sgm.core.hyper;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Optimisation settings shared by every score-guided model.
 *
 * <p>A field left {@code null} (the default; {@code null} in JSON) is <em>resolved from the training data's shape</em>
 * when a fit starts, by the rule of {@link #resolve} (docs/defaults.md explains each choice and the measurement
 * behind it). A field given a value keeps it: a user who sets {@code batchSize} gets that batch size. The fitted
 * model stores the resolved, concrete values, so refitting with a saved model's hyperparameters repeats the same
 * training. {@link #paper()} holds the SGM paper's exact settings (METHOD.md §2).
 *
 * <p>This record does not validate itself when constructed, so that a model's hyperparameter record can report
 * every violation of all its parts at once; {@link #check} does the validation and every detector calls it.
 *
 * @param epochs the maximum number of epochs (≥ 1); null: {@code ceil(steps / steps per epoch)}, at most
 *     {@value #AUTO_MAX_EPOCHS}
 * @param batchSize minibatch size (≥ 1), capped at the number of training rows; null: {@link #autoBatchSize}
 * @param learningRate Adam's learning rate (&gt; 0); null: {@link #autoLearningRate(int)}
 * @param gradientClip element-wise gradient value clipping (&gt; 0); default 1.0
 * @param earlyStop stop once the mean training score exceeds {@code margin / 2} (score-guided models only);
 *     default true, as the paper (round 2 of docs/defaults.md; round 1 had it off)
 * @param steps the training budget in optimizer steps (≥ 1), used only when {@code epochs} is null; null:
 *     {@value #AUTO_STEPS}
 * @param engine which engine trains: {@value #ENGINE_AUTO} (the default: the fast engine when the backbone and the
 *     scorer offer it, else the SameDiff graph), {@value #ENGINE_FAST} (refused for a backbone without a fast
 *     version) or {@value #ENGINE_SAMEDIFF}; a fitted model stores the engine it trained on
 * @param members how many networks the fit trains (1 to {@value #MAX_MEMBERS}), each from its own seed, on the
 *     same rows with the same settings; with more than one, the test score is the mean of the members' scores, each
 *     mapped so that its training rows' median is 0 and their ε-th percentile 1 (an ensemble over initialisations:
 *     it narrows the spread between seeds; docs/defaults.md, round 2, M); null: {@value #AUTO_MEMBERS}
 */
public record TrainingConfig(Integer epochs, Integer batchSize, Double learningRate, double gradientClip,
        boolean earlyStop, Integer steps, String engine, Integer members) {

    /** Engine setting: the fast engine where the backbone offers it, else SameDiff. */
    public static final String ENGINE_AUTO = "auto";
    /** Engine setting: the fast engine ({@code org.sgm.core.tape}). */
    public static final String ENGINE_FAST = "fast";
    /** Engine setting: the SameDiff graph. */
    public static final String ENGINE_SAMEDIFF = "samediff";

    /** Default optimizer-step budget of a fit whose epoch count is resolved automatically. */
    public static final int AUTO_STEPS = 500;
    /**
     * Upper bound of the automatic epoch count, the paper's epoch count: every epoch also costs a pass over the
     * training set (and a backbone's per-epoch hooks), which dominates the fit time of small files.
     */
    public static final int AUTO_MAX_EPOCHS = 100;
    /** Smallest automatic batch size. */
    public static final int AUTO_MIN_BATCH = 32;
    /** Largest automatic batch size. */
    public static final int AUTO_MAX_BATCH = 256;
    /** The automatic batch size aims at this many batches per epoch. */
    public static final int AUTO_BATCHES_PER_EPOCH = 16;
    /** The automatic learning rate of files up to {@link #AUTO_LR_ROWS} rows (Adam's usual default). */
    public static final double AUTO_LEARNING_RATE = 1e-3;
    /** Above this many training rows the automatic learning rate falls as 1/√n ({@link #autoLearningRate(int)}). */
    public static final int AUTO_LR_ROWS = 4096;
    /** The most ensemble members a fit may train (each is a whole network in memory and in the model file). */
    public static final int MAX_MEMBERS = 64;
    /** The automatic number of ensemble members ({@link #members}). */
    public static final int AUTO_MEMBERS = 5;

    /**
     * Explicit settings, no step budget (every field given).
     *
     * @param epochs the maximum number of epochs
     * @param batchSize minibatch size
     * @param learningRate Adam's learning rate
     * @param gradientClip element-wise gradient value clipping
     * @param earlyStop whether the guided early-stop rule is on
     */
    public TrainingConfig(int epochs, int batchSize, double learningRate, double gradientClip, boolean earlyStop) {
        this(Integer.valueOf(epochs), Integer.valueOf(batchSize), Double.valueOf(learningRate), gradientClip, earlyStop,
                null, ENGINE_AUTO, 1);
    }

    /**
     * Settings on the automatic engine, one network.
     *
     * @param epochs the maximum number of epochs, or null
     * @param batchSize minibatch size, or null
     * @param learningRate Adam's learning rate, or null
     * @param gradientClip element-wise gradient value clipping
     * @param earlyStop whether the guided early-stop rule is on
     * @param steps the step budget, or null
     */
    public TrainingConfig(Integer epochs, Integer batchSize, Double learningRate, double gradientClip,
            boolean earlyStop, Integer steps) {
        this(epochs, batchSize, learningRate, gradientClip, earlyStop, steps, ENGINE_AUTO, 1);
    }

    /**
     * @return the defaults: epochs, batch size, learning rate and step budget resolved from the data
     *     ({@link #resolve}), clipping 1.0, the paper's early stop on (round 2: with the scorer and the metric
     *     combined in the test score it gains on the large tuning files and costs little elsewhere; docs/defaults.md)
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(null, null, null, 1.0, true, null, ENGINE_AUTO, null);
    }

    /**
     * @return the SGM paper's settings (METHOD.md §2): 100 epochs, batch 1024, Adam 1e-4, clipping 1.0, early stop,
     *     one network
     */
    public static TrainingConfig paper() {
        return new TrainingConfig(100, 1024, 1e-4, 1.0, true);
    }

    /**
     * The automatic batch size for {@code n} training rows: the power of two nearest to
     * {@code n / }{@value #AUTO_BATCHES_PER_EPOCH}, kept within [{@value #AUTO_MIN_BATCH}, {@value #AUTO_MAX_BATCH}]
     * (and at most n).
     *
     * @param n training rows (≥ 1)
     * @return the batch size
     */
    public static int autoBatchSize(int n) {
        double target = Math.max(1.0, (double) n / AUTO_BATCHES_PER_EPOCH);
        int pow = (int) Math.round(Math.log(target) / Math.log(2));
        int b = Math.max(AUTO_MIN_BATCH, Math.min(AUTO_MAX_BATCH, 1 << Math.max(0, Math.min(pow, 30))));
        return Math.min(b, n);
    }

    /**
     * The automatic learning rate for {@code n} training rows: {@value #AUTO_LEARNING_RATE} (Adam's customary rate
     * for the batch sizes the rule gives, 32 to 256) up to {@value #AUTO_LR_ROWS} rows, then
     * {@code 1e-3·√(AUTO_LR_ROWS / n)}: the step budget covers fewer and fewer epochs of a larger file, and a smaller
     * rate keeps the autoencoders from learning to reconstruct the anomalies there, as the paper's early stop does
     * (measured on the tuning set's two files above 10,000 training rows; docs/defaults.md).
     *
     * @param n training rows (≥ 1)
     * @return Adam's learning rate
     */
    public static double autoLearningRate(int n) {
        return n <= AUTO_LR_ROWS ? AUTO_LEARNING_RATE : AUTO_LEARNING_RATE * Math.sqrt((double) AUTO_LR_ROWS / n);
    }

    /** @return the automatic learning rate of a small file ({@value #AUTO_LEARNING_RATE}) */
    public static double autoLearningRate() {
        return AUTO_LEARNING_RATE;
    }

    /** @return whether every automatic field has a value (the settings a training loop can run with) */
    public boolean resolved() {
        return epochs != null && batchSize != null && learningRate != null && members != null;
    }

    /**
     * Gives every null field its value for {@code n} training rows; given fields are kept. Uses only the data's
     * shape, never labels.
     *
     * @param n training rows (≥ 1)
     * @return a copy with epochs, batch size, learning rate and members set (steps kept as given)
     */
    public TrainingConfig resolve(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("cannot resolve training settings for " + n + " rows");
        }
        int batch = batchSize != null ? batchSize : autoBatchSize(n);
        double lr = learningRate != null ? learningRate : autoLearningRate(n);
        int e;
        if (epochs != null) {
            e = epochs;
        } else {
            int perEpoch = stepsPerEpoch(n, batch);
            int budget = steps != null ? steps : AUTO_STEPS;
            e = (int) Math.max(1, Math.min(AUTO_MAX_EPOCHS, (budget + (long) perEpoch - 1) / perEpoch));
        }
        return new TrainingConfig(e, batch, lr, gradientClip, earlyStop, steps, engine,
                members != null ? members : AUTO_MEMBERS);
    }

    /**
     * @param n training rows
     * @param batch the batch size
     * @return optimizer steps per epoch, as the training loop takes them: {@code max(1, n / min(batch, n))}
     */
    public static int stepsPerEpoch(int n, int batch) {
        return Math.max(1, n / Math.min(batch, n));
    }

    /**
     * One line saying what {@link #resolve} chose and why, e.g.
     * {@code "batch 64 (auto), lr 0.001 (auto), 32 epochs × 63 steps = 2016 steps (auto: budget 2000)"}.
     *
     * @param n training rows
     * @return the description
     */
    public String describeResolution(int n) {
        TrainingConfig r = resolve(n);
        int perEpoch = stepsPerEpoch(n, r.batchSize);
        return String.format(Locale.ROOT, "batch %d (%s), lr %s (%s), %d epochs × %d steps = %d steps (%s)",
                Math.min(r.batchSize, n), batchSize == null ? "auto"
                        : batchSize > n ? "given " + batchSize + ", capped at the " + n + " rows" : "given",
                new BigDecimal(r.learningRate).round(new MathContext(3)).stripTrailingZeros()
                        .toPlainString(),
                learningRate == null ? "auto" : "given", r.epochs, perEpoch, (long) r.epochs * perEpoch,
                epochs != null ? "epochs given" : "auto: budget " + (steps != null ? steps : AUTO_STEPS)
                        + (steps != null ? " given" : "") + ", at most " + AUTO_MAX_EPOCHS + " epochs")
                + (r.members == 1 ? "" : ", " + r.members + " members (" + (members == null ? "auto" : "given") + ")");
    }

    /**
     * Adds this record's violations to {@code v}.
     *
     * @param v the collector
     * @param prefix the JSON path of this record, e.g. {@code "training."}
     */
    public void check(Violations v, String prefix) {
        v.require(epochs == null || epochs >= 1, prefix + "epochs", "must be ≥ 1", epochs);
        v.require(batchSize == null || batchSize >= 1, prefix + "batchSize", "must be ≥ 1",
                batchSize);
        v.require(learningRate == null || learningRate > 0 && Double.isFinite(learningRate), prefix + "learningRate",
                "must be > 0", learningRate);
        v.require(gradientClip > 0 && Double.isFinite(gradientClip), prefix + "gradientClip", "must be > 0",
                gradientClip);
        v.require(steps == null || steps >= 1, prefix + "steps", "must be ≥ 1", steps);
        v.require(members == null || members >= 1 && members <= MAX_MEMBERS, prefix + "members",
                "must be between 1 and " + MAX_MEMBERS, members);
        v.require(ENGINE_AUTO.equals(engine) || ENGINE_FAST.equals(engine) || ENGINE_SAMEDIFF.equals(engine),
                prefix + "engine", "must be \"" + ENGINE_AUTO + "\", \"" + ENGINE_FAST + "\" or \""
                        + ENGINE_SAMEDIFF + "\"", engine);
    }

    /**
     * @param newEngine the engine setting
     * @return a copy with another engine setting
     */
    public TrainingConfig withEngine(String newEngine) {
        return new TrainingConfig(epochs, batchSize, learningRate, gradientClip, earlyStop, steps, newEngine, members);
    }

    /**
     * @param newEpochs the epoch count
     * @return a copy with another epoch count
     */
    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(newEpochs, batchSize, learningRate, gradientClip, earlyStop, steps, engine, members);
    }

    /**
     * @param on whether to stop early
     * @return a copy with early stopping switched
     */
    public TrainingConfig withEarlyStop(boolean on) {
        return new TrainingConfig(epochs, batchSize, learningRate, gradientClip, on, steps, engine, members);
    }
}
