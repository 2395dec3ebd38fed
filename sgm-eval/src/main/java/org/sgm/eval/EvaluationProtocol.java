package org.sgm.eval;

import java.util.Arrays;
import java.util.Locale;
import org.sgm.core.SgmException;
import org.sgm.data.PreprocessingOptions;
import org.sgm.data.ReadOptions;
import org.sgm.data.Splits;

/**
 * How {@code sgm evaluate} turns one labelled dataset and one seed into training and test rows: a split of that
 * seed, optional subsampling of the training part to an anomaly rate, preprocessing fitted on the training part,
 * optional swap noise in the training part (METHOD.md §5), fit without labels, score the test part.
 *
 * @param kind the named protocol (its split)
 * @param testFraction the test part of a {@link Kind#STRATIFIED} split, in (0, 1); the named protocols fix theirs
 * @param noiseRate the swap-noise rate, in [0, 1)
 * @param trainAnomalyRate the training part's anomaly rate after subsampling, in [0, 1), or {@code NaN} to keep it
 * @param seeds the number of seeds (0 … seeds−1), ≥ 1
 * @param read how the data files are read (label column, delimiter, missing values)
 * @param preprocessing the scaling and imputation fitted on each training part
 */
public record EvaluationProtocol(Kind kind, double testFraction, double noiseRate, double trainAnomalyRate,
        int seeds, ReadOptions read, PreprocessingOptions preprocessing) {

    /** The protocols, by the name {@code --protocol} takes. */
    public enum Kind {
        /** Stratified train/test with a chosen test fraction (default 0.2), no noise: the default. */
        STRATIFIED("stratified", 0.0, "stratified train/test (--test-fraction, default 0.2), no noise"),
        /** METHOD.md §5: stratified 60/20/20 train/validation/test, 1 % swap noise; validation held out. */
        PAPER("paper", 0.01, "stratified 60/20/20 train/validation/test (validation held out), 1 % swap noise,"
                + " optional --train-anomaly-rate (METHOD.md §5)"),
        /** ADBench's: stratified 70/30 train/test, no noise. */
        ADBENCH("adbench", 0.0, "stratified 70/30 train/test (ADBench), no noise"),
        /** PyOD's examples: a random (not stratified) 60/40 train/test, no noise. */
        PYOD("pyod", 0.0, "random 60/40 train/test, labels ignored (PyOD), no noise"),
        /** One-class: train on a random half of the normals; test on the other half plus every anomaly. */
        CLEAN("clean", 0.0, "train on a random half of the normals, test on the other half plus every anomaly");

        private final String key;
        private final double defaultNoise;
        private final String description;

        Kind(String key, double defaultNoise, String description) {
            this.key = key;
            this.defaultNoise = defaultNoise;
            this.description = description;
        }

        /** @return the name {@code --protocol} takes */
        public String key() {
            return key;
        }

        /** @return the swap-noise rate the protocol uses unless {@code --noise} says otherwise */
        public double defaultNoise() {
            return defaultNoise;
        }

        /** @return one line saying what the protocol does */
        public String description() {
            return description;
        }

        /**
         * @param key a protocol name
         * @return the protocol
         * @throws SgmException listing the names if there is none of that name
         */
        public static Kind parse(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new SgmException("--protocol: unknown protocol '" + key + "'; known: "
                    + String.join(", ", Arrays.stream(values()).map(Kind::key).toList()));
        }
    }

    /**
     * Validates the settings, naming the command-line option of each.
     *
     * @param kind see the record description
     * @param testFraction see the record description
     * @param noiseRate see the record description
     * @param trainAnomalyRate see the record description
     * @param seeds see the record description
     * @param read see the record description
     * @param preprocessing see the record description
     */
    public EvaluationProtocol {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new SgmException("--test-fraction must be in (0, 1), got " + testFraction);
        }
        if (!(noiseRate >= 0 && noiseRate < 1)) {
            throw new SgmException("--noise must be in [0, 1), got " + noiseRate);
        }
        if (!Double.isNaN(trainAnomalyRate) && !(trainAnomalyRate >= 0 && trainAnomalyRate < 1)) {
            throw new SgmException("--train-anomaly-rate must be in [0, 1), got " + trainAnomalyRate);
        }
        if (kind == Kind.CLEAN && !Double.isNaN(trainAnomalyRate)) {
            throw new SgmException("--train-anomaly-rate does not apply to the clean protocol (it trains on normals"
                    + " only)");
        }
        if (seeds < 1) {
            throw new SgmException("--seeds must be ≥ 1, got " + seeds);
        }
    }

    /**
     * The stratified protocol of earlier versions: read with label column {@code labelColumn}, z-score.
     *
     * @param testFraction the fraction of each class that goes to the test part, in (0, 1)
     * @param noiseRate the swap-noise rate, in [0, 1)
     * @param seeds the number of seeds, ≥ 1
     * @param labelColumn the label column's name
     */
    public EvaluationProtocol(double testFraction, double noiseRate, int seeds, String labelColumn) {
        this(Kind.STRATIFIED, testFraction, noiseRate, Double.NaN, seeds,
                ReadOptions.defaults().withLabelColumn(labelColumn), PreprocessingOptions.defaults());
    }

    /** @return 3 seeds, stratified with 20 % test, no noise, label column {@code label} */
    public static EvaluationProtocol defaults() {
        return new EvaluationProtocol(0.2, 0.0, 3, "label");
    }

    /**
     * @param kind a protocol
     * @param seeds the number of seeds, ≥ 1
     * @return it with its own split and noise rate, label column {@code label}, z-score, no anomaly-rate control
     */
    public static EvaluationProtocol of(Kind kind, int seeds) {
        double test = switch (kind) {
            case STRATIFIED, PAPER -> 0.2;
            case ADBENCH -> 0.3;
            case PYOD -> 0.4;
            case CLEAN -> 0.5;
        };
        return new EvaluationProtocol(kind, test, kind.defaultNoise(), Double.NaN, seeds, ReadOptions.defaults(),
                PreprocessingOptions.defaults());
    }

    /**
     * @param fraction the test fraction
     * @return this protocol with that test fraction
     * @throws SgmException unless this is the stratified protocol (the named ones fix their split)
     */
    public EvaluationProtocol withTestFraction(double fraction) {
        if (kind != Kind.STRATIFIED) {
            throw new SgmException("--test-fraction applies to the stratified protocol only; the " + kind.key()
                    + " protocol fixes its split");
        }
        return new EvaluationProtocol(kind, fraction, noiseRate, trainAnomalyRate, seeds, read, preprocessing);
    }

    /**
     * @param rate the swap-noise rate
     * @return this protocol with that noise rate
     */
    public EvaluationProtocol withNoise(double rate) {
        return new EvaluationProtocol(kind, testFraction, rate, trainAnomalyRate, seeds, read, preprocessing);
    }

    /**
     * @param rate the training part's anomaly rate after subsampling, or {@code NaN} to keep it
     * @return this protocol with that anomaly-rate control
     */
    public EvaluationProtocol withTrainAnomalyRate(double rate) {
        return new EvaluationProtocol(kind, testFraction, noiseRate, rate, seeds, read, preprocessing);
    }

    /**
     * @param options how the data files are read
     * @return this protocol with those options
     */
    public EvaluationProtocol withRead(ReadOptions options) {
        return new EvaluationProtocol(kind, testFraction, noiseRate, trainAnomalyRate, seeds, options, preprocessing);
    }

    /**
     * @param options the preprocessing to fit
     * @return this protocol with that preprocessing
     */
    public EvaluationProtocol withPreprocessing(PreprocessingOptions options) {
        return new EvaluationProtocol(kind, testFraction, noiseRate, trainAnomalyRate, seeds, read, options);
    }

    /** @return the label column's name */
    public String labelColumn() {
        return read.labelColumn();
    }

    /**
     * Splits one dataset for one seed, and subsamples the training part to the anomaly rate if one is set.
     *
     * @param anomaly one label per row
     * @param seed the seed
     * @return the split (the paper's validation rows are in {@link Splits.Split#validation()}, used by nothing)
     */
    public Splits.Split split(boolean[] anomaly, long seed) {
        Splits.Split split = switch (kind) {
            case STRATIFIED, ADBENCH -> Splits.stratified(anomaly, testFraction, seed);
            case PAPER -> Splits.trainValidationTest(anomaly, 0.2, 0.2, seed);
            case PYOD -> Splits.random(anomaly.length, testFraction, seed);
            case CLEAN -> Splits.clean(anomaly, seed);
        };
        if (Double.isNaN(trainAnomalyRate)) {
            return split;
        }
        return new Splits.Split(Splits.subsampleToAnomalyRate(split.train(), anomaly, trainAnomalyRate, seed),
                split.validation(), split.test());
    }
}
