package org.sgm.eval.experiment;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The progress lines: one per ended cell, {@code [done/total] cell: metrics (fit s); elapsed m:ss, ETA m:ss},
 * where the ETA is the mean time of the cells this run finished × the cells left / the threads.
 */
public final class CellProgress {
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
    public CellProgress(int total, int alreadyDone, int threads, Consumer<String> sink) {
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
