package org.sgm.eval.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sgm.core.SgmException;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.io.AtomicFiles;
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
 * <p>{@link #runCells} is the engine, shared with {@code sgm evaluate} (which keeps its cells in memory).
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
            List<String> onlyModels, java.util.function.Function<ExperimentSpec, CellExecutor> executor) {
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
     * Runs a plan made from a spec into {@code dir}.
     *
     * @param plan the plan ({@link ExperimentPlan#specJson()} not null)
     * @param dir the experiment directory (created if missing)
     * @param threads cells at the same time, ≥ 1
     * @param progress receives one line per finished cell (and a first line saying what will run)
     * @return what the run did
     */
    public static Summary run(ExperimentPlan plan, Path dir, int threads, Consumer<String> progress) {
        return run(plan, dir, threads, progress, k -> true);
    }

    /**
     * Runs only the unfinished cells that {@code only} accepts (e.g. the baselines first, the slow models later):
     * the others stay unfinished, for a later run of the same spec into the same directory.
     *
     * @param plan the plan ({@link ExperimentPlan#specJson()} not null)
     * @param dir the experiment directory (created if missing)
     * @param threads cells at the same time, ≥ 1
     * @param progress receives one line per finished cell (and a first line saying what will run)
     * @param only which cells to run now
     * @return what the run did ({@code cells}: every finished cell, of this run and before)
     */
    public static Summary run(ExperimentPlan plan, Path dir, int threads, Consumer<String> progress,
            java.util.function.Predicate<CellKey> only) {
        return run(plan, dir, CellExecutor.local(threads), progress, only);
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
            java.util.function.Predicate<CellKey> only) {
        if (plan.specJson() == null) {
            throw new IllegalArgumentException("the plan was not made from a spec");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ExperimentException(dir + " exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ExperimentException(dir + ": cannot create the directory: " + e.getMessage(), e);
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel, dir);
            try {
                return runLocked(plan, dir, executor, progress, only);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new ExperimentException(dir + ": cannot lock the directory: " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new ExperimentException(dir + " is in use by another experiment run (wait for it to end)");
        }
        return lock;
    }

    private static Summary runLocked(ExperimentPlan plan, Path dir, CellExecutor executor, Consumer<String> progress,
            java.util.function.Predicate<CellKey> only) {
        checkSpec(dir, plan.specJson());
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
            exportMissingSplits(plan, dir, todo);
        }
        int skipped = cells.size() - todo.size() - deferred;
        progress.accept(String.format(Locale.ROOT, "experiment %s: %d cells (%d datasets × %d detectors × %d seeds)"
                + "%s%s; %d to run on %s", plan.name(), cells.size(), plan.datasets().size(),
                plan.models().size(), plan.seeds().size(), skipped == 0 ? "" : ", " + skipped + " finished before",
                deferred == 0 ? "" : ", " + deferred + " left for a later run (--only)",
                todo.size(), executor.describe(todo.size())));
        Map<String, String> failures = new ConcurrentHashMap<>();
        Progress lines = new Progress(skipped + todo.size(), skipped, executor.parallelism(), progress);
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

    /** Writes the splits that are missing although every cell of their dataset and seed is finished. */
    private static void exportMissingSplits(ExperimentPlan plan, Path dir, List<CellKey> todo) {
        Set<String> pending = new LinkedHashSet<>();
        todo.forEach(k -> pending.add(CellRunner.splitStem(k.dataset(), k.seed())));
        for (ExperimentPlan.Dataset d : plan.datasets()) {
            for (long seed : plan.seeds()) {
                String stem = CellRunner.splitStem(d.name(), seed);
                Path splits = dir.resolve("splits");
                if (!pending.contains(stem) && !(Files.isRegularFile(splits.resolve(stem + ".train.csv"))
                        && Files.isRegularFile(splits.resolve(stem + ".test.csv")))) {
                    CellRunner.exportSplit(CellRunner.prepare(plan, d.name(), seed), splits, stem);
                }
            }
        }
    }

    /**
     * Writes {@code DIR/spec.json}, or checks that the one there is the same experiment (the thread count aside).
     */
    private static void checkSpec(Path dir, ObjectNode spec) {
        Path file = dir.resolve("spec.json");
        String text;
        ObjectNode here;
        try {
            text = HyperparameterJson.mapper().writeValueAsString(spec) + "\n";
            here = (ObjectNode) HyperparameterJson.mapper().readTree(text); // as it reads back from the file
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the spec as JSON", e);
        }
        here.remove("threads");
        if (!Files.exists(file)) {
            try (Stream<Path> s = Files.list(dir)) {
                List<String> other = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                        .sorted().toList();
                if (!other.isEmpty()) {
                    throw new ExperimentException(dir + " is not empty (" + String.join(", ", other.subList(0,
                            Math.min(3, other.size()))) + (other.size() > 3 ? ", ..." : "") + ") and holds no"
                            + " spec.json; a new experiment needs a new or empty directory");
                }
            } catch (IOException e) {
                throw new ExperimentException(dir + ": cannot list: " + e.getMessage(), e);
            }
            AtomicFiles.writeString(file, text);
            return;
        }
        JsonNode there;
        try {
            there = HyperparameterJson.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ExperimentException(file + ": cannot read it as JSON (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); it should hold the spec of the experiment in " + dir, e);
        }
        if (there == null || !there.isObject()) {
            throw new ExperimentException(file + ": not an experiment spec");
        }
        ObjectNode thereCopy = ((ObjectNode) there).deepCopy();
        thereCopy.remove("threads");
        String diff = firstDifference(thereCopy, here, "");
        if (diff != null) {
            throw new ExperimentException(file + " holds another experiment (" + diff + "); a run resumes only"
                    + " the same experiment: choose another --out for this spec");
        }
    }

    /** @return where two JSON trees first differ, as "path: A there, B here", or null if they are equal */
    static String firstDifference(JsonNode there, JsonNode here, String path) {
        if (there == null || here == null || !there.equals(here)) {
            if (there != null && here != null && there.isObject() && here.isObject()) {
                Set<String> names = new LinkedHashSet<>();
                there.fieldNames().forEachRemaining(names::add);
                here.fieldNames().forEachRemaining(names::add);
                for (String n : names) {
                    String d = firstDifference(there.get(n), here.get(n), path.isEmpty() ? n : path + "." + n);
                    if (d != null) {
                        return d;
                    }
                }
            } else if (there != null && here != null && there.isArray() && here.isArray()
                    && there.size() == here.size()) {
                for (int i = 0; i < there.size(); i++) {
                    String d = firstDifference(there.get(i), here.get(i), path + "[" + i + "]");
                    if (d != null) {
                        return d;
                    }
                }
            }
            return (path.isEmpty() ? "the spec" : path) + ": " + shorten(there) + " there, " + shorten(here)
                    + " here";
        }
        return null;
    }

    private static String shorten(JsonNode n) {
        String s = n == null ? "absent" : n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /**
     * Runs cells of a plan on a fixed pool of threads, each cell on one thread. The cells of one dataset and seed
     * share one split, prepared by the first of them to start and dropped when the last ends.
     *
     * @param plan the plan
     * @param todo the cells to run, in the order to start them
     * @param threads cells at the same time, ≥ 1
     * @param failFast whether the first failure stops the run (no further cell starts, and it is thrown); else a
     *     failure goes to {@code listener} and the other cells run
     * @param listener hears about each cell
     * @param progress the progress lines
     * @return the finished cells, in {@code todo} order
     */
    public static List<CellRecord> runCells(ExperimentPlan plan, List<CellKey> todo, int threads, boolean failFast,
            Listener listener, Progress progress) {
        return runCells(plan, todo, threads, failFast, listener, progress::ended);
    }

    /**
     * As {@link #runCells(ExperimentPlan, List, int, boolean, Listener, Progress)}, each cell's outcome going to
     * {@code ended} (after the listener has heard of it).
     *
     * @param plan the plan
     * @param todo the cells to run, in the order to start them
     * @param threads cells at the same time, ≥ 1
     * @param failFast whether the first failure stops the run
     * @param listener hears about each cell
     * @param ended receives each cell's outcome
     * @return the finished cells, in {@code todo} order
     */
    public static List<CellRecord> runCells(ExperimentPlan plan, List<CellKey> todo, int threads, boolean failFast,
            Listener listener, Consumer<CellOutcome> ended) {
        if (threads < 1) {
            throw new SgmException("--threads must be ≥ 1, got " + threads);
        }
        Map<String, AtomicInteger> remaining = new HashMap<>();
        for (CellKey k : todo) {
            remaining.computeIfAbsent(group(k), g -> new AtomicInteger()).incrementAndGet();
        }
        Map<String, CellRunner.PreparedSplit> splits = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, todo.size())), r -> {
            Thread t = new Thread(r, "sgm-cell-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CellRecord>> futures = new ArrayList<>();
            for (CellKey key : todo) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) {
                        return null;
                    }
                    long t0 = System.nanoTime();
                    String group = group(key);
                    try {
                        CellRunner.PreparedSplit split = splits.computeIfAbsent(group, g -> {
                            CellRunner.PreparedSplit s = CellRunner.prepare(plan, key.dataset(), key.seed());
                            listener.prepared(key.dataset(), key.seed(), s);
                            return s;
                        });
                        CellRecord cell = CellRunner.run(plan, key, split);
                        listener.finished(cell);
                        ended.accept(CellOutcome.finished(key, cell, (System.nanoTime() - t0) / 1e9));
                        return cell;
                    } catch (RuntimeException e) {
                        if (failFast) {
                            stop.set(true);
                        }
                        listener.failed(key, e);
                        ended.accept(CellOutcome.failed(key, e, (System.nanoTime() - t0) / 1e9));
                        throw e;
                    } finally {
                        if (remaining.get(group).decrementAndGet() == 0) {
                            splits.remove(group);
                        }
                    }
                }));
            }
            List<CellRecord> out = new ArrayList<>();
            for (Future<CellRecord> f : futures) {
                try {
                    CellRecord c = f.get();
                    if (c != null) {
                        out.add(c);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    if (failFast) {
                        throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                    }
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String group(CellKey k) {
        return k.dataset() + "\u0000" + k.seed();
    }

    /**
     * The progress lines: one per ended cell, {@code [done/total] cell: metrics (fit s); elapsed m:ss, ETA m:ss},
     * where the ETA is the mean time of the cells this run finished × the cells left / the threads.
     */
    public static final class Progress {
        private final int total;
        private final int threads;
        private final Consumer<String> sink;
        private final long start = System.nanoTime();
        private int done;
        private int ran;
        private double cellSeconds;

        /**
         * @param total every cell of the plan
         * @param alreadyDone cells finished before this run
         * @param threads cells at the same time
         * @param sink receives the lines
         */
        public Progress(int total, int alreadyDone, int threads, Consumer<String> sink) {
            this.total = total;
            this.done = alreadyDone;
            this.threads = Math.max(1, threads);
            this.sink = sink;
        }

        /**
         * Prints the line of a cell that ended.
         *
         * @param o how it ended
         */
        public synchronized void ended(CellOutcome o) {
            line(o.key(), o.isFailed() ? "FAILED: " + o.error() : String.format(Locale.ROOT,
                    "ROC-AUC %.4f, AP %.4f (fit %.1f s)", o.rocAuc(), o.averagePrecision(), o.fitSeconds()),
                    o.seconds());
        }

        private void line(CellKey key, String what, double seconds) {
            done++;
            ran++;
            cellSeconds += seconds;
            double elapsed = (System.nanoTime() - start) / 1e9;
            double eta = cellSeconds / ran * (total - done) / threads;
            sink.accept(String.format(Locale.ROOT, "[%d/%d] %s: %s; elapsed %s, ETA %s", done, total, key, what,
                    clock(elapsed), clock(eta)));
        }

        /**
         * @param seconds a duration
         * @return it as {@code m:ss}, or {@code h:mm:ss} from an hour on
         */
        static String clock(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
