package org.sgm.eval.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.sgm.core.SgmException;

/**
 * The local engine: cells of a plan on a fixed pool of threads, each cell on one thread, the cells of one dataset and
 * seed sharing one prepared split. Used by {@link CellExecutor#local} (experiment runs) and {@code sgm evaluate}.
 */
public final class CellPool {
    private CellPool() {}


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
    public static List<CellRecord> run(ExperimentPlan plan, List<CellKey> todo, int threads, boolean failFast,
            ExperimentRunner.Listener listener, CellProgress progress) {
        return run(plan, todo, threads, failFast, listener, progress::ended);
    }

    /**
     * As {@link #run(ExperimentPlan, List, int, boolean, ExperimentRunner.Listener, CellProgress)}, each cell's outcome going to
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
    public static List<CellRecord> run(ExperimentPlan plan, List<CellKey> todo, int threads, boolean failFast,
            ExperimentRunner.Listener listener, Consumer<CellOutcome> ended) {
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
}
