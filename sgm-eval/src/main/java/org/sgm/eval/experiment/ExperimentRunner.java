package org.sgm.eval.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.sgm.core.SgmException;
import org.sgm.core.registry.DetectorRegistry;

/**
 * Runs an experiment into a directory, resumably:
 *
 * <pre>
 * DIR/spec.json            the normalized spec (a run refuses a DIR whose spec.json is another experiment)
 * DIR/cells/&lt;id&gt;.json     one {@link CellRecord} per finished cell, written atomically
 * DIR/failed/&lt;id&gt;.txt      why a cell failed (the run goes on with the other cells, then exits with an error)
 * DIR/splits/&lt;dataset&gt;__seed&lt;N&gt;.{train,test}.csv   with exportSplits
 * </pre>
 *
 * <p>Everything is checked before the first cell ({@link ExperimentSpec#read}, {@link ExperimentPlan#of}). Cells
 * whose file exists are skipped; the rest run on a fixed pool of threads, each cell on one thread. A run killed at
 * any moment (even with {@code kill -9}) loses only the cells in flight; running the same command again finishes
 * the others, and since every cell depends only on the plan and its seed, the cell files are then those of an
 * uninterrupted run (except the timings and {@code finishedAt}).
 *
 * <p>The parts: {@link ExperimentDirectory} (the lock, {@code spec.json} and its comparison), {@link SplitExport},
 * {@link CellPool} (the local engine, shared with {@code sgm evaluate}, which keeps its cells in memory) and
 * {@link CellProgress} (the progress lines); this class decides which cells run and reports what happened.
 */
public final class ExperimentRunner {
    private ExperimentRunner() {}

    /**
     * What a run did.
     *
     * @param total the plan's cells
     * @param skipped cells finished by an earlier run
     * @param ran cells this run finished
     * @param cells every cell file of the directory after the run (including cells another program added)
     */
    public record Summary(int total, int skipped, int ran, List<CellRecord> cells) {}

    /** Hears about each cell as it ends; called from the worker threads. */
    public interface Listener {
        /**
         * @param dataset the dataset's name
         * @param seed the seed
         * @param split its split, just prepared (once per dataset and seed)
         */
        default void prepared(String dataset, long seed, CellRunner.PreparedSplit split) {}

        /** @param cell a finished cell */
        default void finished(CellRecord cell) {}

        /**
         * @param key a cell that failed
         * @param error why
         */
        default void failed(CellKey key, RuntimeException error) {}
    }

    /**
     * Reads a spec file, checks it and everything it names, and runs it into {@code dir}.
     *
     * @param specFile the spec
     * @param dir the experiment directory (created if missing)
     * @param threads cells at the same time; null for the spec's {@code threads}, else the number of cores
     * @param registry the detectors by key
     * @param progress receives one line per finished cell (and a first line saying what will run)
     * @return what the run did
     * @throws SgmException before any cell on a problem with the spec, its data or its detectors, or with
     *     {@code dir}; an {@link ExperimentException} naming the failed cells after the others have run
     */
    public static Summary run(Path specFile, Path dir, Integer threads, DetectorRegistry registry,
            Consumer<String> progress) {
        return run(specFile, dir, threads, registry, progress, List.of());
    }

    /**
     * As {@link #run(Path, Path, Integer, DetectorRegistry, Consumer)}, running now only the cells of the models
     * named in {@code onlyModels} (all if empty); the others are left for a later run into the same directory.
     *
     * @param specFile the spec
     * @param dir the experiment directory (created if missing)
     * @param threads cells at the same time; null for the spec's {@code threads}, else the number of cores
     * @param registry the detectors by key
     * @param progress receives one line per finished cell (and a first line saying what will run)
     * @param onlyModels model names of the spec (empty: every model)
     * @return what the run did
     * @throws ExperimentException if a name in {@code onlyModels} is not a model of the spec
     */
    public static Summary run(Path specFile, Path dir, Integer threads, DetectorRegistry registry,
            Consumer<String> progress, List<String> onlyModels) {
        return run(specFile, dir, registry, progress, onlyModels, spec -> CellExecutor.local(threads != null
                ? threads : spec.threads() != null ? spec.threads() : Runtime.getRuntime().availableProcessors()));
    }

    /**
     * As {@link #run(Path, Path, Integer, DetectorRegistry, Consumer, List)}, with the cells run by another
     * executor (e.g. a Spark job): the same checks, directory, resume, progress and failure handling.
     *
     * @param specFile the spec
     * @param dir the experiment directory (created if missing)
     * @param registry the detectors by key
     * @param progress receives one line per finished cell (and a first line saying what will run)
     * @param onlyModels model names of the spec (empty: every model)
     * @param executor the executor for the checked spec (called once everything is checked)
     * @return what the run did
     * @throws ExperimentException if a name in {@code onlyModels} is not a model of the spec
     */
    public static Summary run(Path specFile, Path dir, DetectorRegistry registry, Consumer<String> progress,
            List<String> onlyModels, Function<ExperimentSpec, CellExecutor> executor) {
        ExperimentSpec spec = ExperimentSpec.read(specFile);
        ExperimentPlan plan = ExperimentPlan.of(spec, specFile.getParent(), registry);
        List<String> known = plan.models().stream().map(ExperimentPlan.Model::name).toList();
        for (String m : onlyModels) {
            if (!known.contains(m)) {
                throw new ExperimentException("--only: '" + m + "' is not a detector of " + specFile + " (its"
                        + " detectors: " + String.join(", ", known) + ")");
            }
        }
        return run(plan, dir, executor.apply(spec), progress,
                k -> onlyModels.isEmpty() || onlyModels.contains(k.model()));
    }

    /**
     * Runs only the unfinished cells that {@code only} accepts, with {@code executor} running them; everything
     * else (the spec check, the lock, leftovers, the cells to run, progress, failures) as the local run.
     *
     * @param plan the plan ({@link ExperimentPlan#specJson()} not null)
     * @param dir the experiment directory (created if missing)
     * @param executor runs the cells
     * @param progress receives one line per finished cell (and a first line saying what will run)
     * @param only which cells to run now
     * @return what the run did ({@code cells}: every finished cell, of this run and before)
     */
    public static Summary run(ExperimentPlan plan, Path dir, CellExecutor executor, Consumer<String> progress,
            Predicate<CellKey> only) {
        if (plan.specJson() == null) {
            throw new IllegalArgumentException("the plan was not made from a spec");
        }
        return ExperimentDirectory.locked(dir, () -> runLocked(plan, dir, executor, progress, only));
    }


    private static Summary runLocked(ExperimentPlan plan, Path dir, CellExecutor executor, Consumer<String> progress,
            Predicate<CellKey> only) {
        ExperimentDirectory.checkSpec(dir, plan.specJson());
        CellStore.removeLeftovers(dir);
        // Only the data hash of each finished cell is kept while the cells run (not their scores: the heap is the
        // fits'); the summary reads the cells once more at the end.
        Map<String, String> existing = new HashMap<>();
        for (Path f : CellStore.cellFiles(dir)) {
            CellRecord c;
            try {
                c = CellStore.read(f);
            } catch (CellStore.DamagedCellException e) {
                // A damaged file (a disk that lost a write, a hand edit) costs one cell, not the run.
                Path moved = CellStore.moveAside(dir, f);
                progress.accept("sgm: " + e.getMessage().replace("; delete it to run the cell again", "")
                        + "; moved to " + moved + " and the cell runs again");
                continue;
            }
            existing.put(c.id(), c.dataSha256() == null ? "" : c.dataSha256());
        }
        List<CellKey> cells = plan.cells();
        List<CellKey> todo = new ArrayList<>();
        int deferred = 0;
        for (CellKey k : cells) {
            String doneSha = existing.get(k.id());
            if (doneSha == null) {
                if (only.test(k)) {
                    todo.add(k);
                } else {
                    deferred++;
                }
                continue;
            }
            String sha = plan.dataset(k.dataset()).table().sha256();
            if (!doneSha.isEmpty() && sha != null && !doneSha.equals(sha)) {
                throw new ExperimentException(CellStore.file(dir, k.id()) + " was computed on data with SHA-256 "
                        + doneSha + ", but " + plan.dataset(k.dataset()).source() + " now has " + sha
                        + "; the data changed since: run the experiment into another directory");
            }
        }
        if (plan.exportSplits()) {
            SplitExport.exportMissing(plan, dir, todo);
        }
        int skipped = cells.size() - todo.size() - deferred;
        progress.accept(String.format(Locale.ROOT, "experiment %s: %d cells (%d datasets × %d detectors × %d seeds)"
                + "%s%s; %d to run on %s", plan.name(), cells.size(), plan.datasets().size(),
                plan.models().size(), plan.seeds().size(), skipped == 0 ? "" : ", " + skipped + " finished before",
                deferred == 0 ? "" : ", " + deferred + " left for a later run (--only)",
                todo.size(), executor.describe(todo.size())));
        Map<String, String> failures = new ConcurrentHashMap<>();
        CellProgress lines = new CellProgress(skipped + todo.size(), skipped, executor.parallelism(), progress);
        AtomicInteger finished = new AtomicInteger();
        executor.run(plan, dir, todo, outcome -> {
            if (outcome.isFailed()) {
                failures.put(outcome.key().id(), outcome.error());
                CellStore.writeFailure(dir, outcome.key().id(), outcome.error());
            } else {
                finished.incrementAndGet();
            }
            lines.ended(outcome);
        });
        if (!failures.isEmpty()) {
            List<String> first = new ArrayList<>();
            for (CellKey k : todo) {
                if (failures.containsKey(k.id()) && first.size() < 3) {
                    first.add(k.id() + ": " + failures.get(k.id()));
                }
            }
            throw new ExperimentException(failures.size() + " of " + cells.size() + " cells failed (the others are"
                    + " saved; messages in " + dir.resolve(CellStore.FAILED) + "; running the command again retries"
                    + " the failed cells): " + String.join("; ", first) + (failures.size() > 3 ? "; ..." : ""));
        }
        return new Summary(cells.size(), skipped, finished.get(), CellStore.readAll(dir));
    }
}
