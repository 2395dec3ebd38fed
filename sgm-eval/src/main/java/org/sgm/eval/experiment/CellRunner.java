package org.sgm.eval.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.Provenance;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.explain.Differentiable;
import org.sgm.core.explain.IntegratedGradients;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.io.AtomicFiles;
import org.sgm.data.CsvValues;
import org.sgm.data.Explanation;
import org.sgm.data.FittedPreprocessor;
import org.sgm.data.Preprocessor;
import org.sgm.data.Splits;
import org.sgm.data.SwapNoise;
import org.sgm.data.Table;
import org.sgm.eval.metrics.RankingMetrics;
import org.tribuo.Tribuo;

/**
 * Runs one cell: split the dataset by the protocol with the cell's seed, fit the preprocessing on the training part,
 * inject the protocol's swap noise into it, fit the detector without labels with the seed, score the test part, and
 * compute the metrics from the test labels. The one cell function of both {@code sgm evaluate} and
 * {@code sgm experiment run}; the same plan, key and seed give the same scores in any process.
 */
public final class CellRunner {
    private CellRunner() {}

    /**
     * The training and test parts of one dataset and seed, shared by every detector's cell.
     *
     * @param train the preprocessed, noised training rows (no labels)
     * @param test the preprocessed test rows
     * @param testAnomaly the test rows' labels
     * @param inputColumns the dataset's input columns (the preprocessing's)
     * @param featureOwners per preprocessed feature, the input column it comes from
     */
    public record PreparedSplit(FeatureMatrix train, FeatureMatrix test, boolean[] testAnomaly,
            List<String> inputColumns, List<String> featureOwners) {}

    /** At most this many anomalous and this many normal test rows are explained per cell. */
    public static final int ATTRIBUTION_ROWS = 256;
    /** Integrated gradients' points for a cell's attributions (fewer than {@code sgm explain}'s 128: means only). */
    public static final int ATTRIBUTION_STEPS = 32;

    /**
     * @param plan the plan
     * @param dataset a dataset's name
     * @param seed the seed
     * @return the split, preprocessing and noise of that dataset and seed
     */
    public static PreparedSplit prepare(ExperimentPlan plan, String dataset, long seed) {
        Table table = plan.dataset(dataset).table();
        Splits.Split split = plan.protocol().split(table.anomalies(), seed);
        Table trainTable = table.selectRows(split.train());
        Table testTable = table.selectRows(split.test());
        FittedPreprocessor pre = Preprocessor.fit(trainTable, plan.protocol().preprocessing());
        SwapNoise.Noisy train = SwapNoise.inject(pre.transform(trainTable), trainTable.anomalies(),
                plan.protocol().noiseRate(), seed);
        return new PreparedSplit(train.x(), pre.transform(testTable), testTable.anomalies(), pre.inputColumns(),
                pre.featureColumns());
    }

    /**
     * Runs one cell from scratch (preparing its split).
     *
     * @param plan the plan
     * @param key one of {@code plan.cells()}
     * @return the finished cell
     */
    public static CellRecord run(ExperimentPlan plan, CellKey key) {
        return run(plan, key, prepare(plan, key.dataset(), key.seed()));
    }

    /**
     * Runs one cell on a split made by {@link #prepare} for the cell's dataset and seed.
     *
     * @param plan the plan
     * @param key one of {@code plan.cells()}
     * @param split the cell's split
     * @return the finished cell
     * @throws InvalidDataException naming the cell if a test score is not finite
     */
    public static CellRecord run(ExperimentPlan plan, CellKey key, PreparedSplit split) {
        ExperimentPlan.Dataset dataset = plan.dataset(key.dataset());
        ExperimentPlan.Model model = plan.model(key.model());
        long t0 = System.nanoTime();
        FittedDetector fitted = model.detector().fit(split.train(), FitContext.of(key.seed()));
        long t1 = System.nanoTime();
        double[] scores = fitted.score(split.test());
        long t2 = System.nanoTime();
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new InvalidDataException(key + ": test row " + (i + 1) + " got the score " + scores[i]
                        + " (its values are far outside the training data's range)");
            }
        }
        boolean[] anomaly = split.testAnomaly();
        int[] labels = new int[anomaly.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = anomaly[i] ? 1 : 0;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("roc_auc", RankingMetrics.rocAuc(anomaly, scores));
        metrics.put("average_precision", RankingMetrics.averagePrecision(anomaly, scores));
        List<CellRecord.Epoch> history = fitted.history().stream()
                .map(e -> new CellRecord.Epoch(e.epoch(), e.totalLoss(), e.backboneLoss(), e.guidanceLoss(),
                        e.threshold(), e.flaggedFraction(), e.meanTrainScore(), e.millis()))
                .toList();
        return new CellRecord(key.id(), dataset.name(), dataset.source(), dataset.table().sha256(), model.name(),
                model.key(), effective(fitted, model), key.seed(), plan.protocolJson().deepCopy(), metrics,
                scores, labels, history, (t1 - t0) / 1e9, (t2 - t1) / 1e9, versions(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), attributions(fitted, split));
    }

    /**
     * @return the mean |contribution| per input column over the anomalous and the normal test rows (up to
     *     {@link #ATTRIBUTION_ROWS} of each, evenly spaced), or null if the detector has no input gradients or the
     *     test part lacks a class
     */
    static CellRecord.Attributions attributions(FittedDetector fitted, PreparedSplit split) {
        if (!(fitted instanceof Differentiable model)) {
            return null;
        }
        boolean[] anomaly = split.testAnomaly();
        int[] anomalous = sample(anomaly, true);
        int[] normal = sample(anomaly, false);
        if (anomalous.length == 0 || normal.length == 0) {
            return null;
        }
        double[] baseline = IntegratedGradients.columnMedians(split.train());
        List<String> columns = split.inputColumns();
        double[] a = new double[columns.size()];
        double[] n = new double[columns.size()];
        double error = Math.max(meanAbs(model, split, anomalous, baseline, a),
                meanAbs(model, split, normal, baseline, n));
        return new CellRecord.Attributions(columns, a, n, anomalous.length, normal.length, ATTRIBUTION_STEPS, error);
    }

    /** @return up to {@link #ATTRIBUTION_ROWS} evenly spaced indices of the rows whose label is {@code want} */
    private static int[] sample(boolean[] anomaly, boolean want) {
        int[] all = IntStream.range(0, anomaly.length).filter(i -> anomaly[i] == want).toArray();
        if (all.length <= ATTRIBUTION_ROWS) {
            return all;
        }
        int[] out = new int[ATTRIBUTION_ROWS];
        for (int k = 0; k < out.length; k++) {
            out[k] = all[(int) ((long) k * all.length / out.length)];
        }
        return out;
    }

    /** Adds the mean |contribution| per input column of the rows into {@code out}; returns the completeness error. */
    private static double meanAbs(Differentiable model, PreparedSplit split, int[] rows, double[] baseline,
            double[] out) {
        FeatureMatrix test = split.test();
        float[] x = new float[rows.length * test.cols()];
        test.gatherRows(rows, 0, rows.length, x);
        IntegratedGradients.Result r = IntegratedGradients.explain(model,
                FeatureMatrix.wrap(x, rows.length, test.columnNames()), baseline, ATTRIBUTION_STEPS);
        double[][] byColumn = Explanation.byColumn(r.contributions(), rows.length, split.inputColumns(),
                split.featureOwners());
        for (double[] row : byColumn) {
            for (int c = 0; c < out.length; c++) {
                out[c] += Math.abs(row[c]) / rows.length;
            }
        }
        return r.completenessError();
    }

    /**
     * @return the hyperparameters the detector was fitted with, settings resolved from the data (batch size,
     *     epochs, ...) included; the plan's (before resolution) if the fitted detector does not say
     */
    private static JsonNode effective(FittedDetector fitted, ExperimentPlan.Model model) {
        Record used = fitted.hyperparameters();
        return used != null ? HyperparameterJson.toTree(used) : model.hyperparameters().deepCopy();
    }

    /** @return sgm, nd4j, tribuo, java and os versions */
    static Map<String, String> versions() {
        Map<String, String> out = new LinkedHashMap<>();
        Provenance.of("", null, 0, 0).get("versions").properties()
                .forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        out.put("tribuo", Tribuo.VERSION);
        return out;
    }

    /**
     * Writes a split as two CSV files, atomically: {@code <stem>.train.csv} (the preprocessed, noised training rows;
     * a header of feature names, no label) and {@code <stem>.test.csv} (the preprocessed test rows with a last
     * column {@code label}, 1 = anomaly). Values are written as Java writes floats (they read back exactly).
     *
     * @param split the split
     * @param dir the directory
     * @param stem the file name stem, e.g. {@code cardio__seed0}
     */
    public static void exportSplit(PreparedSplit split, Path dir, String stem) {
        writeCsv(dir.resolve(stem + ".train.csv"), split.train(), null);
        writeCsv(dir.resolve(stem + ".test.csv"), split.test(), split.testAnomaly());
    }

    /**
     * @param dataset a dataset's name
     * @param seed a seed
     * @return the file name stem of its exported split, {@code <dataset>__seed<N>}
     */
    public static String splitStem(String dataset, long seed) {
        return dataset.replaceAll("[^A-Za-z0-9._-]", "_") + "__seed" + seed;
    }

    private static void writeCsv(Path file, FeatureMatrix x, boolean[] labels) {
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            List<String> names = x.columnNames();
            for (int j = 0; j < names.size(); j++) {
                w.write(j == 0 ? "" : ",");
                w.write(CsvValues.field(names.get(j)));
            }
            w.write(labels == null ? "\n" : (names.isEmpty() ? "" : ",") + "label\n");
            int cols = x.cols();
            for (int i = 0; i < x.rows(); i++) {
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        w.write(',');
                    }
                    w.write(Float.toString(x.get(i, j)));
                }
                if (labels != null) {
                    w.write(cols == 0 ? "" : ",");
                    w.write(labels[i] ? '1' : '0');
                }
                w.write('\n');
            }
            w.flush();
        });
    }
}
