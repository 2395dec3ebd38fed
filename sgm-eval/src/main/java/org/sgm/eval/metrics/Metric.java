package org.sgm.eval.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Collectors;
import org.sgm.core.SgmException;

/**
 * The metrics an experiment can report, by the names used in {@code results.csv}, the experiment spec and
 * {@code CellRecord.metrics}. Every one is higher-is-better and lies in [0, 1].
 */
public enum Metric {
    /** {@link RankingMetrics#rocAuc}. */
    ROC_AUC("roc_auc", "ROC-AUC", RankingMetrics::rocAuc),
    /** {@link RankingMetrics#averagePrecision}. */
    AVERAGE_PRECISION("average_precision", "AP", RankingMetrics::averagePrecision),
    /** {@link ThresholdMetrics#precisionAtN}. */
    PRECISION_AT_N("precision_at_n", "P@n", ThresholdMetrics::precisionAtN),
    /** {@link ThresholdMetrics#bestF1}. */
    BEST_F1("best_f1", "best F1", ThresholdMetrics::bestF1),
    /** {@link ThresholdMetrics#f1AtContamination}. */
    F1_AT_CONTAMINATION("f1_at_contamination", "F1@c", ThresholdMetrics::f1AtContamination);

    private final String key;
    private final String label;
    private final ToDoubleBiFunction<boolean[], double[]> fn;

    Metric(String key, String label, ToDoubleBiFunction<boolean[], double[]> fn) {
        this.key = key;
        this.label = label;
        this.fn = fn;
    }

    /** @return the name in files and specs, e.g. {@code roc_auc} */
    public String key() {
        return key;
    }

    /** @return a short name for tables and plots, e.g. {@code ROC-AUC} */
    public String label() {
        return label;
    }

    /**
     * @param anomaly true for each anomalous row
     * @param score one finite score per row, higher = more anomalous
     * @return the metric's value
     * @throws IllegalArgumentException if the arrays differ in length or a score is not finite
     * @throws UndefinedMetricException if the labels do not hold both classes
     */
    public double of(boolean[] anomaly, double[] score) {
        return fn.applyAsDouble(anomaly, score);
    }

    /**
     * @param key a metric's name, e.g. {@code average_precision}
     * @return the metric
     * @throws SgmException naming the unknown name and the known ones
     */
    public static Metric byKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new SgmException("unknown metric '" + key + "' (known: "
                + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * Computes several metrics of one set of scores; a metric that is undefined for these labels (one class only)
     * is NaN.
     *
     * @param metrics the metrics wanted
     * @param labels 1 = anomaly, 0 = normal, one per row
     * @param score one finite score per row
     * @return metric name → value, in the order asked
     * @throws IllegalArgumentException if a label is not 0 or 1, the arrays differ in length or a score is not finite
     */
    public static Map<String, Double> computeAll(List<Metric> metrics, int[] labels, double[] score) {
        boolean[] anomaly = anomalies(labels);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric m : metrics) {
            double v;
            try {
                v = m.of(anomaly, score);
            } catch (UndefinedMetricException e) {
                v = Double.NaN;
            }
            out.put(m.key, v);
        }
        return out;
    }

    /**
     * @param labels 1 = anomaly, 0 = normal
     * @return true where the label is 1
     * @throws IllegalArgumentException naming the first row whose label is neither 0 nor 1
     */
    public static boolean[] anomalies(int[] labels) {
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label of row " + i + " is " + labels[i] + " (need 0 or 1)");
            }
            out[i] = labels[i] == 1;
        }
        return out;
    }
}
