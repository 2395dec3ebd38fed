package org.sgm.eval.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.metrics.Metric;

/**
 * Synthetic finished cells for report tests and the demo: normals score N(0, 1), anomalies N(separation, 1) (an SG
 * model's normals are squeezed to N(0, 0.35²), its anomalies pushed towards the margin, the score gap of the paper).
 */
final class SyntheticCells {
    private SyntheticCells() {}

    /**
     * @param dataset the dataset
     * @param model the model (an {@code sg-} prefix gives the SG score shape and a guidance loss)
     * @param seed the seed, which also seeds the random scores
     * @param rows test rows
     * @param contamination fraction of anomalies
     * @param separation mean anomaly score (normals at 0)
     * @param epochs epochs of training history (0 for none)
     * @param withMetrics whether the cell carries its metrics (else the report computes them)
     * @return the cell
     */
    static CellRecord cell(String dataset, String model, long seed, int rows, double contamination,
            double separation, int epochs, boolean withMetrics) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + (dataset + model).hashCode());
        boolean sg = model.startsWith("sg-");
        double[] scores = new double[rows];
        int[] labels = new int[rows];
        int anomalies = Math.max(1, (int) Math.round(rows * contamination));
        for (int i = 0; i < rows; i++) {
            labels[i] = i < anomalies ? 1 : 0;
            double z = rng.nextGaussian();
            scores[i] = labels[i] == 1 ? separation + z : (sg ? 0.35 * z : z);
        }
        List<CellRecord.Epoch> history = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double backbone = 1.0 / (1 + 0.3 * e) + 0.01 * rng.nextDouble();
            double guidance = sg ? 0.8 * Math.exp(-0.15 * e) : 0;
            double flagged = sg ? 0.1 * (1 - Math.exp(-0.4 * e)) : 0;
            history.add(new CellRecord.Epoch(e, backbone + 0.1 * guidance, backbone, guidance, 1.0, flagged,
                    0.1 * e, 5));
        }
        Map<String, Double> metrics = withMetrics
                ? Metric.computeAll(List.of(Metric.values()), labels, scores)
                : Map.of();
        return new CellRecord(CellRecord.idOf(dataset, model, seed), dataset, "synthetic:" + dataset, "0".repeat(64),
                model, model, JsonNodeFactory.instance.objectNode(), seed, JsonNodeFactory.instance.objectNode(),
                metrics, scores, labels, history, 1.5 + seed, 0.25, Map.of("sgm", "test"), "2026-01-01T00:00:00Z",
                sg ? new CellRecord.Attributions(List.of("x1", "x2", "x3"), new double[] {2.0, 0.5, 0.1},
                        new double[] {0.2, 0.3, 0.1}, anomalies, rows - anomalies, 32, 0.001) : null);
    }
}
