package org.sgm.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.data.Table;
import org.sgm.eval.experiment.CellKey;
import org.sgm.eval.experiment.CellPool;
import org.sgm.eval.experiment.CellProgress;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.experiment.CellRunner;
import org.sgm.eval.experiment.ExperimentPlan;
import org.sgm.eval.experiment.ExperimentRunner;
import org.sgm.eval.metrics.UndefinedMetricException;

/**
 * Runs an {@link EvaluationProtocol} for datasets × detectors × seeds, in memory: the cells are those of an
 * experiment ({@link ExperimentPlan}, {@link CellRunner}), run by the experiment runner's
 * engine without writing cell files. Labels are read only after {@code fit} returns, to compute the metrics (and by
 * the protocol's noise injection, which picks normal rows to copy, as the paper does).
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
     * @throws InvalidDataException naming the file, before any fit, if a dataset cannot be read or
     *     has no label column
     * @throws UndefinedMetricException naming the file, before any fit, if a dataset has fewer than 2 rows of
     *     either class
     */
    public List<CellRecord> run(List<String> datasets, List<String> models, Map<String, JsonNode> overrides,
            EvaluationProtocol protocol, int threads, Consumer<String> progress) {
        return run(datasets, models, overrides, protocol, threads, progress, () -> { });
    }

    /**
     * As {@link #run(List, List, Map, EvaluationProtocol, int, Consumer)}, calling {@code started} once
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
    public List<CellRecord> run(List<String> datasets, List<String> models, Map<String, JsonNode> overrides,
            EvaluationProtocol protocol, int threads, Consumer<String> progress, Runnable started) {
        ExperimentPlan plan = ExperimentPlan.of(datasets, models, overrides, protocol, registry);
        started.run();
        List<CellKey> cells = plan.cells();
        List<CellRecord> records = CellPool.run(plan, cells, threads, true, new ExperimentRunner.Listener() { },
                new CellProgress(cells.size(), 0, threads, progress));
        return records;
    }

    /**
     * @param file a data file
     * @return its name without the extension (as {@link Table#datasetName(String)})
     */
    public static String datasetName(Path file) {
        return Table.datasetName(file.getFileName().toString());
    }
}
