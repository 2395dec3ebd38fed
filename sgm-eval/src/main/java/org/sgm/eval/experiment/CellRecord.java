package org.sgm.eval.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.sgm.core.EpochStats;

/**
 * Everything one finished experiment cell (a dataset × a detector × a seed) leaves behind, as written to
 * {@code DIR/cells/<id>.json} by the experiment runner and read back by the report. A cell file is written
 * atomically once the cell is done, so its presence means the cell is finished; nothing else is state.
 *
 * <p>Fields that a rerun reproduces exactly: everything except {@code fitSeconds}, {@code scoreSeconds},
 * {@code finishedAt} and the epochs' {@code millis}.
 *
 * @param id the cell's file-name-safe identity, {@code dataset__model__seedN} (see {@link #idOf})
 * @param dataset the dataset's name (file name without extension, or the builtin name)
 * @param dataSource the dataset as the spec named it (a path or {@code builtin:NAME})
 * @param dataSha256 SHA-256 of the data file's bytes
 * @param model the detector's registry key as the spec named it (or its alias, see {@code ExperimentSpec})
 * @param detectorKey the registry key the detector was created from
 * @param hyperparameters the detector's effective hyperparameters (defaults with the spec's overrides laid over)
 * @param seed the seed of the split, the noise and the fit
 * @param protocol the protocol's settings as JSON (kind, fractions, noise, preprocessing)
 * @param metrics metric name → value (names as in {@code results.csv}: {@code roc_auc}, {@code average_precision},
 *     {@code precision_at_n}, {@code best_f1}, {@code f1_at_contamination}); NaN is written as {@code null}
 * @param testScores the detector's scores of the test rows, in test-row order (higher = more anomalous)
 * @param testLabels the test rows' labels, 1 = anomaly, in the same order
 * @param history the training curve, one entry per epoch (empty for detectors without epochs)
 * @param fitSeconds wall time of {@code fit}
 * @param scoreSeconds wall time of scoring the test part
 * @param versions software versions (sgm, nd4j, tribuo, java, os)
 * @param finishedAt ISO-8601 UTC time the cell finished
 * @param attributions per input column, the mean absolute contribution to the test scores of anomalous and normal
 *     rows, for detectors with input gradients (score-guided models and twins); null otherwise and in older files
 */
public record CellRecord(String id, String dataset, String dataSource, String dataSha256, String model,
        String detectorKey, JsonNode hyperparameters, long seed, JsonNode protocol, Map<String, Double> metrics,
        double[] testScores, int[] testLabels, List<Epoch> history, double fitSeconds, double scoreSeconds,
        Map<String, String> versions, String finishedAt, Attributions attributions) {

    /**
     * What explains a cell's test scores ({@code sgm explain}'s integrated gradients from the training median),
     * summarised per input column (a text column's one-hot features folded into it).
     *
     * @param columns the input columns
     * @param anomalous per column, the mean |contribution| over the explained anomalous test rows
     * @param normal per column, the mean |contribution| over the explained normal test rows
     * @param anomalousRows anomalous test rows explained (all, up to {@value CellRunner#ATTRIBUTION_ROWS})
     * @param normalRows normal test rows explained (an evenly spaced sample of at most
     *     {@value CellRunner#ATTRIBUTION_ROWS})
     * @param steps integrated gradients' points
     * @param completenessError the largest gap between a row's contributions and its score − the baseline's score,
     *     relative to the largest such difference
     */
    public record Attributions(List<String> columns, double[] anomalous, double[] normal, int anomalousRows,
            int normalRows, int steps, double completenessError) {}

    /**
     * One epoch of the training curve (a copy of {@code EpochStats} in plain JSON).
     *
     * @param epoch 1-based epoch
     * @param totalLoss the mean total loss
     * @param backboneLoss the representation learner's mean loss
     * @param guidanceLoss the score-guided regularizer's mean loss
     * @param threshold the pseudo-labelling threshold of the epoch
     * @param flaggedFraction the fraction of training rows flagged as anomalous
     * @param meanTrainScore the mean training score
     * @param millis wall time of the epoch
     */
    public record Epoch(int epoch, double totalLoss, double backboneLoss, double guidanceLoss, double threshold,
            double flaggedFraction, double meanTrainScore, long millis) {}

    /**
     * @param dataset the dataset's name
     * @param model the model's name in the spec
     * @param seed the seed
     * @return the cell's identity, safe as a file name: characters outside {@code [A-Za-z0-9._-]} become
     *     {@code _}
     */
    public static String idOf(String dataset, String model, long seed) {
        return safe(dataset) + "__" + safe(model) + "__seed" + seed;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * @param name a dataset's or a detector's name
     * @return why it cannot name cells, or null if it can: a name with {@code __} (after the characters a file name
     *     cannot hold become {@code _}) would make two cells' ids collide ({@code a__b} × {@code c} and {@code a} ×
     *     {@code b__c}), and a name starting with {@code .} would make its cell files hidden
     */
    static String unusableName(String name) {
        if (safe(name).contains("__")) {
            return "contains '__' (or characters that become '_' next to one), which separates the parts of a cell's"
                    + " name";
        }
        if (name.startsWith(".")) {
            return "starts with '.', which would hide its cell files";
        }
        return null;
    }
}
