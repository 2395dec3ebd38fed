package org.sgm.eval.tribuotrainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Trainer;
import org.tribuo.anomaly.Event;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * A Tribuo {@link Trainer} for anomaly detection that fits any SGM detector (a score-guided model, its plain twin or
 * a baseline) and returns an {@link SgmTribuoModel}.
 *
 * <p><b>Training.</b> The dataset's feature map fixes the columns: feature id {@code j} (Tribuo numbers features in
 * name order) is column {@code j}, a feature an example lacks is 0 (Tribuo's sparse semantics). The examples'
 * outputs are ignored: the fit is unsupervised, and contaminated training data is expected. The detector is fitted
 * with this trainer's seed on every call, so the model scores exactly as {@code detector.fit(x, seed)} does on the
 * same matrix.
 *
 * <p><b>Threshold.</b> Scores are higher for more anomalous rows. A row is predicted {@code ANOMALOUS} when its score
 * is above the {@code (1 − contamination)} quantile of the training rows' scores (linear interpolation between order
 * statistics), {@code EXPECTED} otherwise; with contamination 0 the threshold is the largest training score.
 *
 * <p><b>Provenance.</b> As Tribuo's own trainers do, the configurable fields ({@code detectorKey},
 * {@code hyperparameters} as a JSON string, {@code seed}, {@code contamination}) are OLCUT {@link Config} fields,
 * recorded by {@link TrainerProvenanceImpl} in every model's {@link ModelProvenance}. Built from a configuration file,
 * the trainer creates its detector from the key and JSON with the registry of every detector module on the
 * classpath ({@link DetectorRegistry#discover()}).
 */
public final class SgmAnomalyTrainer implements Trainer<Event> {
    /** Contamination used when none is given. */
    public static final double DEFAULT_CONTAMINATION = 0.1;

    @Config(mandatory = true, description = "Registry key of the SGM detector, e.g. sg-ae.")
    private String detectorKey;

    @Config(description = "The detector's hyperparameters as JSON, laid over its defaults.")
    private String hyperparameters = "{}";

    @Config(description = "Seed of every random choice of the fit.")
    private long seed = Trainer.DEFAULT_SEED;

    @Config(description = "Expected fraction of anomalies in the training data, in [0, 1): sets the threshold "
            + "between EXPECTED and ANOMALOUS.")
    private double contamination = DEFAULT_CONTAMINATION;

    private AnomalyDetector detector;
    private int invocationCount = 0;

    /** For OLCUT's configuration system. */
    private SgmAnomalyTrainer() {}

    /**
     * @param detector the unfitted SGM detector
     * @param seed the seed of every fit
     * @param contamination the expected fraction of anomalies in the training data, in [0, 1)
     * @throws SgmException if the contamination is out of range
     */
    public SgmAnomalyTrainer(AnomalyDetector detector, long seed, double contamination) {
        this.detector = detector;
        this.detectorKey = detector.key();
        this.hyperparameters = HyperparameterJson.toTree(detector.hyperparameters()).toString();
        this.seed = seed;
        this.contamination = contamination;
        checkContamination();
    }

    /**
     * A trainer with contamination {@value #DEFAULT_CONTAMINATION}.
     *
     * @param detector the unfitted SGM detector
     * @param seed the seed of every fit
     */
    public SgmAnomalyTrainer(AnomalyDetector detector, long seed) {
        this(detector, seed, DEFAULT_CONTAMINATION);
    }

    /**
     * A trainer for a detector named by its registry key, as a configuration file names it; the detector is created
     * with the registry of every detector module on the classpath ({@link DetectorRegistry#discover()}).
     *
     * @param detectorKey the registry key, e.g. {@code sg-ae}
     * @param hyperparameters JSON laid over the detector's defaults, e.g. {@code {"training": {"epochs": 20}}}
     * @param seed the seed of every fit
     * @param contamination the expected fraction of anomalies in the training data, in [0, 1)
     * @throws SgmException if the key is unknown, the JSON is invalid or violates a constraint, or the
     *     contamination is out of range
     */
    public SgmAnomalyTrainer(String detectorKey, String hyperparameters, long seed, double contamination) {
        this.detectorKey = detectorKey;
        this.hyperparameters = hyperparameters;
        this.seed = seed;
        this.contamination = contamination;
        postConfig();
    }

    /** Used by OLCUT after configuring the fields (and by the key-and-JSON constructor): creates the detector. */
    @Override
    public synchronized void postConfig() {
        checkContamination();
        JsonNode overrides;
        try {
            overrides = HyperparameterJson.mapper().readTree(hyperparameters);
        } catch (JsonProcessingException e) {
            throw new SgmException("hyperparameters: not valid JSON: " + e.getOriginalMessage());
        }
        DetectorRegistry registry = DetectorRegistry.discover();
        detector = registry.create(detectorKey, overrides);
    }

    private void checkContamination() {
        if (!(contamination >= 0 && contamination < 1)) {
            throw new SgmException("contamination must be in [0, 1), got " + contamination);
        }
    }

    /** @return the detector this trainer fits */
    public AnomalyDetector detector() {
        return detector;
    }

    @Override
    public SgmTribuoModel train(Dataset<Event> examples, Map<String, Provenance> runProvenance) {
        TrainerProvenance trainerProvenance;
        synchronized (this) {
            trainerProvenance = getProvenance();
            invocationCount++;
        }
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        FeatureMatrix x = TribuoMatrices.of(examples, features);
        if (x.rows() == 0 || x.cols() == 0) {
            throw new SgmException(detectorKey + ": cannot train on a dataset with " + x.rows() + " examples and "
                    + x.cols() + " features");
        }
        FittedDetector fitted = detector.fit(x, FitContext.of(seed));
        double threshold = upperQuantile(fitted.score(x), contamination);
        ModelProvenance provenance = new ModelProvenance(SgmTribuoModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        return new SgmTribuoModel("sgm-" + detectorKey, provenance, features, examples.getOutputIDInfo(), fitted,
                threshold);
    }

    /**
     * @param scores the training scores
     * @param contamination the fraction above the threshold
     * @return the {@code (1 − contamination)} quantile, interpolating linearly between order statistics
     */
    static double upperQuantile(double[] scores, double contamination) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double position = (1 - contamination) * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("invocation count must be ≥ 0, got " + count);
        }
        invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "SgmAnomalyTrainer(detectorKey=" + detectorKey + ",hyperparameters=" + hyperparameters + ",seed=" + seed
                + ",contamination=" + contamination + ")";
    }
}
