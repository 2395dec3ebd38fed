package org.sgm.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.data.FittedPreprocessor;
import org.sgm.data.Preprocessor;
import org.sgm.data.Splits;
import org.sgm.data.SwapNoise;
import org.sgm.data.Table;
import org.sgm.eval.metrics.RankingMetrics;
import org.sgm.eval.metrics.UndefinedMetricException;

/**
 * Runs an {@link EvaluationProtocol} for datasets × detectors × seeds. Labels are read only here, after
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
     * Runs every cell, {@code threads} at a time (each cell single-threaded in ND4J; the scores do not depend on
     * the thread count, since every cell is seeded and no global random state is used).
     *
     * @param datasets data sources with labels: file paths (CSV, ARFF, .npz, .mat) or {@code builtin:NAME}
     * @param models registry keys
     * @param overrides per model key, JSON laid over its defaults (a missing key: defaults)
     * @param protocol the protocol
     * @param threads cells run at the same time (≥ 1)
     * @param progress receives one line per finished cell
     * @return one result per cell, in dataset, seed, model order
     * @throws org.sgm.core.data.InvalidDataException naming the file, before any fit, if a dataset cannot be read or
     *     has no label column
     * @throws UndefinedMetricException naming the file, before any fit, if a dataset has fewer than 2 rows of
     *     either class
     */
    public List<CellResult> run(List<String> datasets, List<String> models, java.util.Map<String, JsonNode> overrides,
            EvaluationProtocol protocol, int threads, Consumer<String> progress) {
        return run(datasets, models, overrides, protocol, threads, progress, () -> { });
    }

    /**
     * As {@link #run(List, List, java.util.Map, EvaluationProtocol, int, Consumer)}, calling {@code started} once
     * every dataset has been read and checked, before the first cell (so that a caller can announce the run only
     * when it is going to happen).
     *
     * @param datasets data sources with labels: file paths (CSV, ARFF, .npz, .mat) or {@code builtin:NAME}
     * @param models registry keys
     * @param overrides per model key, JSON laid over its defaults (a missing key: defaults)
     * @param protocol the protocol
     * @param threads cells run at the same time (≥ 1)
     * @param progress receives one line per finished cell
     * @param started called once, after the checks and before the first cell
     * @return one result per cell, in dataset, seed, model order
     */
    public List<CellResult> run(List<String> datasets, List<String> models, java.util.Map<String, JsonNode> overrides,
            EvaluationProtocol protocol, int threads, Consumer<String> progress, Runnable started) {
        List<AnomalyDetector> detectors = new ArrayList<>();
        for (String m : models) {
            detectors.add(registry.create(m, overrides.get(m)));
        }
        List<Table> tables = new ArrayList<>();
        for (String file : datasets) {
            Table t = Table.read(file, protocol.read());
            requireBothClasses(t, protocol.labelColumn()); // fail now, naming the file, not in a cell
            tables.add(t);
        }
        started.run();
        int total = datasets.size() * detectors.size() * protocol.seeds();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Map<String, Prepared> prepared = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<CellResult>> futures = new ArrayList<>();
            for (int d = 0; d < tables.size(); d++) {
                Table table = tables.get(d);
                int dataset = d;
                String name = Table.datasetName(datasets.get(d));
                for (int seed = 0; seed < protocol.seeds(); seed++) {
                    int s = seed;
                    for (AnomalyDetector detector : detectors) {
                        futures.add(pool.submit(() -> {
                            Prepared p = prepared.computeIfAbsent(dataset + "#" + s, k -> prepare(table, protocol, s));
                            CellResult r = runCell(name, detector, p.train(), p.test(), p.testAnomaly(), s);
                            progress.accept(String.format(java.util.Locale.ROOT,
                                    "[%d/%d] %s × %s × seed %d: ROC-AUC %.4f, AP %.4f (fit %.1f s)",
                                    done.incrementAndGet(), total, name, detector.key(), s, r.rocAuc(),
                                    r.averagePrecision(), r.fitSeconds()));
                            return r;
                        }));
                    }
                }
            }
            List<CellResult> results = new ArrayList<>();
            for (Future<CellResult> f : futures) {
                results.add(join(f));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every test part must hold both classes, or ROC-AUC and AP are undefined: the stratified split puts at least
     * one row of a class into test only when the class has two or more rows.
     *
     * @throws org.sgm.core.data.InvalidDataException if the table has no labels
     * @throws UndefinedMetricException if a class has fewer than two rows
     */
    private static void requireBothClasses(Table table, String labelColumn) {
        boolean[] anomaly = table.anomalies();
        int anomalies = 0;
        for (boolean a : anomaly) {
            anomalies += a ? 1 : 0;
        }
        int normals = anomaly.length - anomalies;
        if (anomalies < 2 || normals < 2) {
            throw new UndefinedMetricException(table.source() + ": label column '" + labelColumn + "' has "
                    + normals + " normal (0) and " + anomalies + " anomalous (1) row(s); ROC-AUC and average"
                    + " precision are undefined unless every test part holds both classes, which needs at least 2"
                    + " rows of each");
        }
    }

    /** The split, preprocessing and noise of one dataset and seed, shared by every detector's cell. */
    private record Prepared(FeatureMatrix train, FeatureMatrix test, boolean[] testAnomaly) {}

    private static Prepared prepare(Table table, EvaluationProtocol protocol, long seed) {
        Splits.Split split = protocol.split(table.anomalies(), seed);
        Table trainTable = table.selectRows(split.train());
        Table testTable = table.selectRows(split.test());
        FittedPreprocessor pre = Preprocessor.fit(trainTable, protocol.preprocessing());
        SwapNoise.Noisy train = SwapNoise.inject(pre.transform(trainTable), trainTable.anomalies(),
                protocol.noiseRate(), seed);
        return new Prepared(train.x(), pre.transform(testTable), testTable.anomalies());
    }

    private static CellResult join(Future<CellResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private static CellResult runCell(String dataset, AnomalyDetector detector, FeatureMatrix train,
            FeatureMatrix test, boolean[] testAnomaly, long seed) {
        long t0 = System.nanoTime();
        FittedDetector fitted = detector.fit(train, FitContext.of(seed));
        long t1 = System.nanoTime();
        double[] scores = fitted.score(test);
        long t2 = System.nanoTime();
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new InvalidDataException(dataset + " × " + detector.key() + " × seed " + seed + ": test row "
                        + (i + 1) + " got the score " + scores[i] + " (its values are far outside the training"
                        + " data's range)");
            }
        }
        return new CellResult(dataset, detector.key(), seed, RankingMetrics.rocAuc(testAnomaly, scores),
                RankingMetrics.averagePrecision(testAnomaly, scores), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /**
     * @param file a data file
     * @return its name without the extension (as {@link Table#datasetName(String)})
     */
    public static String datasetName(Path file) {
        return Table.datasetName(file.getFileName().toString());
    }
}
