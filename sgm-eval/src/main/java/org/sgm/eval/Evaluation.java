package org.sgm.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.data.FittedPreprocessor;
import org.sgm.data.Preprocessor;
import org.sgm.data.Splits;
import org.sgm.data.SwapNoise;
import org.sgm.data.Table;
import org.sgm.eval.metrics.RankingMetrics;

/**
 * Runs the {@link EvaluationProtocol} for datasets × detectors × seeds. Labels are read only here, after
 * {@code fit} returns, to compute the metrics (and by the protocol's noise injection, which picks normal rows to
 * copy, as the paper does).
 */
public final class Evaluation {
    private final DetectorRegistry registry;

    /**
     * @param registry the detectors by key
     */
    public Evaluation(DetectorRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param datasets CSV files with a label column
     * @param models registry keys
     * @param overrides per model key, JSON laid over its defaults (a missing key: defaults)
     * @param protocol the protocol
     * @param progress receives one line per finished cell
     * @return one result per cell, in dataset, model, seed order
     */
    public List<CellResult> run(List<Path> datasets, List<String> models, java.util.Map<String, JsonNode> overrides,
            EvaluationProtocol protocol, Consumer<String> progress) {
        List<AnomalyDetector> detectors = new ArrayList<>();
        for (String m : models) {
            detectors.add(registry.create(m, overrides.get(m)));
        }
        List<CellResult> results = new ArrayList<>();
        int total = datasets.size() * detectors.size() * protocol.seeds();
        for (Path file : datasets) {
            Table table = Table.readCsv(file, protocol.labelColumn());
            boolean[] anomaly = table.anomalies();
            String name = datasetName(file);
            for (int seed = 0; seed < protocol.seeds(); seed++) {
                Splits.Split split = Splits.stratified(anomaly, protocol.testFraction(), seed);
                Table trainTable = table.selectRows(split.train());
                Table testTable = table.selectRows(split.test());
                FittedPreprocessor pre = Preprocessor.fit(trainTable);
                SwapNoise.Noisy train = SwapNoise.inject(pre.transform(trainTable), trainTable.anomalies(),
                        protocol.noiseRate(), seed);
                FeatureMatrix test = pre.transform(testTable);
                boolean[] testAnomaly = testTable.anomalies();
                for (AnomalyDetector detector : detectors) {
                    CellResult r = runCell(name, detector, train.x(), test, testAnomaly, seed);
                    results.add(r);
                    progress.accept(String.format(java.util.Locale.ROOT,
                            "[%d/%d] %s × %s × seed %d: ROC-AUC %.4f, AP %.4f (fit %.1f s)", results.size(), total,
                            name, detector.key(), seed, r.rocAuc(), r.averagePrecision(), r.fitSeconds()));
                }
            }
        }
        return results;
    }

    private static CellResult runCell(String dataset, AnomalyDetector detector, FeatureMatrix train,
            FeatureMatrix test, boolean[] testAnomaly, long seed) {
        long t0 = System.nanoTime();
        FittedDetector fitted = detector.fit(train, FitContext.of(seed));
        long t1 = System.nanoTime();
        double[] scores = fitted.score(test);
        long t2 = System.nanoTime();
        return new CellResult(dataset, detector.key(), seed, RankingMetrics.rocAuc(testAnomaly, scores),
                RankingMetrics.averagePrecision(testAnomaly, scores), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /**
     * @param file a data file
     * @return its name without the extension
     */
    public static String datasetName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
