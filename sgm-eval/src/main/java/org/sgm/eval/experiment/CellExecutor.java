package org.sgm.eval.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.sgm.core.SgmException;

/**
 * Runs the cells an experiment run has left to run, for {@link ExperimentRunner#run(ExperimentPlan, Path,
 * CellExecutor, Consumer, Predicate)}: the runner checks the spec, locks the directory, removes
 * leftovers, works out the unfinished cells, prints the progress and records failures; an executor only runs the
 * cells, on local threads ({@link #local}) or elsewhere (a Spark job, in sgm-spark).
 */
public interface CellExecutor {
    /** @return how many cells run at the same time (for the progress lines' ETA) */
    int parallelism();

    /** @return how the first progress line names where the cells run, e.g. {@code 2 thread(s)} */
    String describe(int cells);

    /**
     * Runs every cell of {@code todo}. For each cell, exactly once: either its {@link CellRecord} is written to
     * {@code dir} with {@link CellStore#write} (and, with {@link ExperimentPlan#exportSplits()}, its split to
     * {@code dir/splits} if missing) and then a finished outcome goes to {@code ended}, or a failed outcome goes to
     * {@code ended}. A failed cell does not stop the others. {@code ended} may be called from any thread, one call
     * at a time or not.
     *
     * @param plan the plan
     * @param dir the experiment directory
     * @param todo the cells to run, in the order to start them
     * @param ended receives each cell's outcome as it ends
     */
    void run(ExperimentPlan plan, Path dir, List<CellKey> todo, Consumer<CellOutcome> ended);

    /**
     * @param threads cells at the same time, ≥ 1
     * @return the local executor: a fixed pool of threads in this process, each cell on one thread, the cells of
     *     a dataset and seed sharing one split
     */
    static CellExecutor local(int threads) {
        if (threads < 1) {
            throw new SgmException("--threads must be ≥ 1, got " + threads);
        }
        return new CellExecutor() {
            @Override
            public int parallelism() {
                return threads;
            }

            @Override
            public String describe(int cells) {
                return Math.min(threads, Math.max(1, cells)) + " thread(s)";
            }

            @Override
            public void run(ExperimentPlan plan, Path dir, List<CellKey> todo, Consumer<CellOutcome> ended) {
                CellPool.run(plan, todo, threads, false, new ExperimentRunner.Listener() {
                    @Override
                    public void prepared(String dataset, long seed, CellRunner.PreparedSplit split) {
                        if (plan.exportSplits()) {
                            CellRunner.exportSplit(split, dir.resolve("splits"), CellRunner.splitStem(dataset, seed));
                        }
                    }

                    @Override
                    public void finished(CellRecord cell) {
                        CellStore.write(dir, cell);
                    }
                }, ended);
            }
        };
    }
}
