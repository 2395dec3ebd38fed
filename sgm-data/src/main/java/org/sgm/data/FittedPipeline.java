package org.sgm.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelFileException;
import org.sgm.core.Provenance;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.explain.Differentiable;
import org.sgm.core.explain.IntegratedGradients;
import org.sgm.core.io.ModelFile;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.threshold.Threshold;
import org.sgm.core.threshold.ThresholdUnavailableException;
import org.sgm.core.threshold.TrainingScoreSummary;

/**
 * A fitted detector together with the preprocessing fitted on its training table, saved and loaded as one model
 * file, so that scoring applies exactly what fitting learned. This is what {@code sgm fit} writes and
 * {@code sgm score} reads.
 */
public final class FittedPipeline {
    private final String labelColumn;
    /** Columns dropped as data is read, unchecked (an id, a timestamp); never empty-string names. */
    private final List<String> ignoreColumns;
    private final FittedPreprocessor preprocessor;
    private final FittedDetector model;
    private final JsonNode provenance;
    /** Null for a model file written before thresholds existed, or if a training score was not finite. */
    private final TrainingScoreSummary trainingScores;
    /** Per feature, the median of the preprocessed training rows (the explanations' baseline); null if unknown. */
    private final double[] trainingMedian;
    /** The model file it was loaded from, or null if it was fitted in this process. */
    private final Path file;

    private FittedPipeline(String labelColumn, List<String> ignoreColumns, FittedPreprocessor preprocessor,
            FittedDetector model, JsonNode provenance, TrainingScoreSummary trainingScores, Path file,
            double[] trainingMedian) {
        this.trainingMedian = trainingMedian;
        this.labelColumn = labelColumn;
        this.ignoreColumns = List.copyOf(ignoreColumns);
        this.preprocessor = preprocessor;
        this.model = model;
        this.provenance = provenance;
        this.trainingScores = trainingScores;
        this.file = file;
    }

    /**
     * Fits the preprocessing on {@code train}, then the detector on the preprocessed features (labels, if the
     * table has any, are not used).
     *
     * @param detector the unfitted detector
     * @param train the training table
     * @param labelColumn the label column the table was read with (ignored when scoring), or null
     * @param ctx seed and listeners
     * @return the fitted pipeline
     */
    public static FittedPipeline fit(AnomalyDetector detector, Table train, String labelColumn, FitContext ctx) {
        return fit(detector, train, labelColumn, PreprocessingOptions.defaults(), ctx);
    }

    /**
     * Fits the preprocessing chosen by {@code options} on {@code train}, then the detector on the preprocessed
     * features (labels, if the table has any, are not used), then scores the training rows once with the fitted
     * detector and keeps their {@link TrainingScoreSummary} for {@link #cutoff thresholds}.
     *
     * @param detector the unfitted detector
     * @param train the training table
     * @param labelColumn the label column the table was read with (ignored when scoring), or null
     * @param options the scaling and imputation to fit
     * @param ctx seed and listeners
     * @return the fitted pipeline
     */
    public static FittedPipeline fit(AnomalyDetector detector, Table train, String labelColumn,
            PreprocessingOptions options, FitContext ctx) {
        return fit(detector, train, ReadOptions.defaults().withLabelColumn(labelColumn), options, ctx);
    }

    /**
     * As {@link #fit(AnomalyDetector, Table, String, PreprocessingOptions, FitContext)}, keeping the label column
     * and the ignored columns {@code train} was read with, so that scoring reads data the same way.
     *
     * @param detector the unfitted detector
     * @param train the training table
     * @param read the options it was read with (label column, ignored columns)
     * @param options the scaling and imputation to fit
     * @param ctx seed and listeners
     * @return the fitted pipeline
     */
    public static FittedPipeline fit(AnomalyDetector detector, Table train, ReadOptions read,
            PreprocessingOptions options, FitContext ctx) {
        FittedPreprocessor pre = Preprocessor.fit(train, options);
        long t0 = System.nanoTime();
        FeatureMatrix x = pre.transform(train);
        FittedDetector model = detector.fit(x, ctx);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new FittedPipeline(read.labelColumn(), read.ignoreColumns(), pre, model,
                provenance(model, train.source(), train.sha256(), ctx.seed(), seconds), summarise(model.score(x)), null,
                IntegratedGradients.columnMedians(x));
    }

    /** The summary of the training scores, or null if one is not finite (no quantile-based threshold then). */
    private static TrainingScoreSummary summarise(double[] trainingScores) {
        for (double s : trainingScores) {
            if (!Double.isFinite(s)) {
                return null;
            }
        }
        return TrainingScoreSummary.of(trainingScores);
    }

    /**
     * Fits as {@link #fit(AnomalyDetector, Table, String, PreprocessingOptions, FitContext)} on a CSV file streamed
     * from disk ({@link StreamingCsv}): the file is never held on the heap, the features the detector trains on are
     * in a mapped temporary file, and the result is the same, bit for bit, as fitting on the file read into memory.
     *
     * @param detector the unfitted detector (score-guided models train in mini-batches; a detector that copies its
     *     training data, such as a Tribuo baseline, still needs it to fit in memory)
     * @param file the CSV file
     * @param read delimiter, label column (checked, not used) and missing values
     * @param options the scaling and imputation to fit
     * @param ctx seed and listeners
     * @return the fitted pipeline
     * @throws InvalidDataException naming the file, line or row, and column
     */
    public static FittedPipeline fitStreaming(AnomalyDetector detector, Path file, ReadOptions read,
            PreprocessingOptions options, FitContext ctx) {
        return fit(detector, StreamingCsv.fit(file, read, options), read, ctx);
    }

    /**
     * Fits the detector on a streamed file's features ({@link StreamingCsv#fit}), keeping their preprocessing.
     *
     * @param detector the unfitted detector
     * @param prepared the fitted preprocessing and the features
     * @param labelColumn the label column the file was read with (ignored when scoring), or null
     * @param ctx seed and listeners
     * @return the fitted pipeline
     */
    public static FittedPipeline fit(AnomalyDetector detector, StreamingCsv.Prepared prepared, String labelColumn,
            FitContext ctx) {
        return fit(detector, prepared, ReadOptions.defaults().withLabelColumn(labelColumn), ctx);
    }

    /**
     * As {@link #fit(AnomalyDetector, StreamingCsv.Prepared, String, FitContext)}, keeping the label column and
     * the ignored columns the file was read with.
     *
     * @param detector the unfitted detector
     * @param prepared the fitted preprocessing and the features
     * @param read the options the file was read with
     * @param ctx seed and listeners
     * @return the fitted pipeline
     */
    public static FittedPipeline fit(AnomalyDetector detector, StreamingCsv.Prepared prepared, ReadOptions read,
            FitContext ctx) {
        long t0 = System.nanoTime();
        FittedDetector model = detector.fit(prepared.features(), ctx);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new FittedPipeline(read.labelColumn(), read.ignoreColumns(), prepared.preprocessor(), model,
                provenance(model, prepared.source(), prepared.sha256(), ctx.seed(), seconds),
                summarise(model.score(prepared.features())), null, IntegratedGradients.columnMedians(prepared.features()));
    }

    /** {@link Provenance#of} plus the engine the model trained on, if it has one. */
    private static ObjectNode provenance(FittedDetector model, String source,
            String sha256, long seed, double seconds) {
        ObjectNode p = Provenance.of(source, sha256, seed, seconds);
        if (model.engine() != null) {
            p.put("engine", model.engine());
        }
        return p;
    }

    /** Receives the scores of one batch of rows. */
    @FunctionalInterface
    public interface ScoreConsumer {
        /**
         * @param firstRow the index of the batch's first row in the file (0-based, data rows only)
         * @param scores the batch's scores, higher = more anomalous
         * @throws IOException if they cannot be written
         */
        void accept(int firstRow, double[] scores) throws IOException;
    }

    /**
     * Scores a CSV file streamed from disk, a batch of {@value StreamingCsv#BATCH_ROWS} rows at a time, handing the
     * scores out as they are computed (the same scores, bit for bit, as {@link #score(Path)}).
     *
     * @param file the CSV file, with the fitted input columns
     * @param read how to read it ({@link #readOptions()}, possibly with another delimiter)
     * @param consumer receives each batch's scores, in file order
     * @return the number of rows scored
     * @throws InvalidDataException naming the file, line or row, and column; before any score is
     *     handed out if the columns do not match
     * @throws UncheckedIOException if the consumer fails to write
     */
    public int scoreStreaming(Path file, ReadOptions read, ScoreConsumer consumer) {
        return StreamingCsv.transform(file, read, preprocessor,
                (firstRow, features) -> consumer.accept(firstRow, model.score(features)));
    }

    /**
     * @param table rows with the fitted input columns (any order; a label column is ignored)
     * @return one score per row, higher = more anomalous
     */
    public double[] score(Table table) {
        return model.score(preprocessor.transform(table));
    }

    /**
     * @param file a data file with the fitted input columns (any format {@link Table#read(Path, ReadOptions)}
     *     reads; CSV comma-separated), read with {@link #readOptions()}
     * @return one score per row, in file order
     */
    public double[] score(Path file) {
        return score(Table.read(file, readOptions()));
    }

    /**
     * @return how to read data for this pipeline: the label column it was fitted with (dropped, its values unread),
     *     the columns it ignored (dropped), missing values read if the preprocessing imputes them, comma-separated
     */
    public ReadOptions readOptions() {
        return new ReadOptions(',', labelColumn, preprocessor.imputes(), LabelValues.unread(), ignoreColumns);
    }

    /** @return the columns dropped as data is read (empty if none) */
    public List<String> ignoreColumns() {
        return ignoreColumns;
    }

    /**
     * Explains each row's score by its input columns (a text column's one-hot features folded back into it).
     *
     * <ul>
     *   <li>{@link Explanation.Method#GRADIENTS}: integrated gradients from the median of the training rows; a row's
     *       contributions add up to its score minus the median row's score, up to the error that
     *       {@link Explanation#completenessError()} reports. Every score-guided model and its twin.
     *   <li>{@link Explanation.Method#RECONSTRUCTION}: each column's share of the squared reconstruction error
     *       {@code (x_j − x̂_j)²}, for backbones that reconstruct their input (not Deep SVDD); it explains the
     *       backbone's metric, not the scoring network's score.
     * </ul>
     *
     * @param table rows with the fitted input columns
     * @param method the method
     * @param steps integrated gradients' points (ignored by the reconstruction method)
     * @return the explanation
     * @throws SgmException if the model has no input gradients or no reconstruction
     */
    public Explanation explain(Table table, Explanation.Method method, int steps) {
        if (!(model instanceof Differentiable diff)) {
            throw new SgmException("model " + model.key() + " has no input gradients: explanations are for the "
                    + "score-guided models and their plain twins");
        }
        FeatureMatrix x = preprocessor.transform(table);
        List<String> columns = preprocessor.inputColumns();
        List<String> owners = preprocessor.featureColumns();
        int d = x.cols();
        int n = x.rows();
        double[] perFeature;
        double[] scores;
        double baselineScore = Double.NaN;
        double[] completeness = null;
        if (method == Explanation.Method.GRADIENTS) {
            double[] baseline = trainingMedian != null ? trainingMedian : new double[d];
            IntegratedGradients.Result r =
                    IntegratedGradients.explain(diff, x, baseline, steps);
            perFeature = r.contributions();
            scores = r.scores();
            baselineScore = r.baselineScore();
            completeness = r.completenessGap();
        } else {
            double[] xHat = diff.reconstruction(x);
            if (xHat == null) {
                throw new SgmException("model " + model.key() + "'s backbone does not reconstruct its input; use the"
                        + " gradients method");
            }
            scores = model.score(x);
            perFeature = new double[n * d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double r = x.get(i, j) - xHat[i * d + j];
                    perFeature[i * d + j] = r * r;
                }
            }
        }
        double[][] byColumn = Explanation.byColumn(perFeature, n, columns, owners);
        return new Explanation(method, columns, scores, byColumn, baselineScore, completeness,
                trainingMedian != null);
    }

    /** @return the fitted detector */
    public FittedDetector model() {
        return model;
    }

    /** @return the fitted preprocessing */
    public FittedPreprocessor preprocessor() {
        return preprocessor;
    }

    /** @return the label column name the training data was read with, or null */
    public String labelColumn() {
        return labelColumn;
    }

    /** @return provenance of the fit (data source and hash, seed, versions, time) */
    public JsonNode provenance() {
        return provenance;
    }

    /**
     * @return the summary of the fitted detector's scores of its training rows; empty for a model file written
     *     before thresholds existed (or if a training score was not finite)
     */
    public Optional<TrainingScoreSummary> trainingScores() {
        return Optional.ofNullable(trainingScores);
    }

    /**
     * The score cutoff of a threshold rule for this model: a row is an anomaly when its score is strictly greater
     * ({@link Threshold#isAnomaly}).
     *
     * @param rule the rule, e.g. {@code Threshold.contamination(0.05)}
     * @return the cutoff, from the training scores only
     * @throws ThresholdUnavailableException naming the model file if the rule needs the training-score summary
     *     and this model has none
     */
    public double cutoff(Threshold rule) {
        if (rule.needsTrainingScores() && trainingScores == null) {
            String source = file == null ? "this model" : file.toString();
            throw new ThresholdUnavailableException(source + ": no training-score summary in the model (written by "
                    + "an SGM without thresholds, or a training score was not finite), so a " + rule.describe()
                    + " threshold is unavailable; refit the model, or use a fixed threshold");
        }
        return rule.cutoff(trainingScores);
    }

    /**
     * Saves everything in one model file, atomically.
     *
     * @param file the destination
     */
    public void save(Path file) {
        ObjectNode pre = JsonNodeFactory.instance.objectNode();
        pre.put("labelColumn", labelColumn);
        if (!ignoreColumns.isEmpty()) {
            ignoreColumns.forEach(pre.putArray("ignoreColumns")::add);
        }
        if (trainingMedian != null) {
            ArrayNode median = pre.putArray("trainingMedian");
            for (double v : trainingMedian) {
                median.add(v);
            }
        }
        pre.set("preprocessor", preprocessor.toJson());
        ModelFile.of(model, pre, provenance).withTrainingScores(trainingScores).write(file);
    }

    /**
     * @param file a model file written by {@link #save}
     * @param registry the detectors, to restore the model by its key
     * @return the pipeline, scoring exactly as when it was saved
     * @throws ModelFileException naming the file if it cannot be read, has no preprocessing or a malformed one, or
     *     its detector cannot be restored (an unknown key, invalid hyperparameters, arrays that do not fit)
     */
    public static FittedPipeline load(Path file, DetectorRegistry registry) {
        ModelFile mf = ModelFile.read(file);
        if (mf.preprocessing() == null || !mf.preprocessing().has("preprocessor")) {
            throw new ModelFileException(file + ": the model file has no preprocessing; it was not written by sgm"
                    + " fit");
        }
        JsonNode label = mf.preprocessing().get("labelColumn");
        FittedPreprocessor preprocessor;
        try {
            preprocessor = FittedPreprocessor.fromJson(mf.preprocessing().get("preprocessor"));
        } catch (SgmException e) {
            throw new ModelFileException(file + ": " + e.getMessage(), e);
        }
        int width = preprocessor.featureNames().size();
        if (width != mf.state().inputDim()) {
            throw new ModelFileException(file + ": the preprocessing makes " + width + " features but the model"
                    + " takes " + mf.state().inputDim() + " (file corrupted or edited)");
        }
        FittedDetector model;
        try {
            model = mf.restore(registry);
        } catch (SgmException e) { // an unknown key, bad hyperparameters, a forged array: each names the file
            throw e.getMessage().startsWith(file.toString()) ? e
                    : new ModelFileException(file + ": " + e.getMessage(), e);
        }
        List<String> ignore = new ArrayList<>();
        JsonNode ignored = mf.preprocessing().get("ignoreColumns");
        if (ignored != null && !ignored.isNull()) {
            if (!ignored.isArray()) {
                throw new ModelFileException(file + ": ignoreColumns is not a list of column names");
            }
            for (JsonNode c : ignored) {
                if (!c.isTextual() || c.asText().isBlank()) {
                    throw new ModelFileException(file + ": ignoreColumns holds " + c + ", not a column name");
                }
                ignore.add(c.asText());
            }
        }
        String labelColumn = label == null || label.isNull() ? null : label.asText();
        try {
            new ReadOptions(',', labelColumn, false, LabelValues.unread(), ignore);
        } catch (SgmException e) {
            throw new ModelFileException(file + ": " + e.getMessage(), e);
        }
        double[] median = null;
        JsonNode m = mf.preprocessing().get("trainingMedian");
        if (m != null && !m.isNull()) {
            if (!m.isArray() || m.size() != width) {
                throw new ModelFileException(file + ": trainingMedian is not a list of " + width + " numbers");
            }
            median = new double[width];
            for (int j = 0; j < width; j++) {
                if (!m.get(j).isNumber() || !Double.isFinite(m.get(j).asDouble())) {
                    throw new ModelFileException(file + ": trainingMedian[" + j + "] is not a finite number");
                }
                median[j] = m.get(j).asDouble();
            }
        }
        return new FittedPipeline(labelColumn, ignore, preprocessor,
                model, mf.provenance(), mf.trainingScores(), file, median);
    }
}
