package org.sgm.eval.experiment;

import java.io.Serializable;
import org.sgm.core.SgmException;

/**
 * How one cell of a run ended, small enough to travel from a cluster task to the driver: the figures of the
 * progress line, or why it failed. The cell's full {@link CellRecord} is in its file.
 *
 * @param key the cell
 * @param rocAuc its ROC-AUC (null if undefined or failed)
 * @param averagePrecision its average precision (null if undefined or failed)
 * @param fitSeconds wall time of its fit (0 if failed)
 * @param seconds wall time of the whole cell
 * @param error why it failed, one line; null if it finished
 */
public record CellOutcome(CellKey key, Double rocAuc, Double averagePrecision, double fitSeconds, double seconds,
        String error) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @param key the cell
     * @param cell its record
     * @param seconds wall time of the whole cell
     * @return a finished cell's outcome
     */
    public static CellOutcome finished(CellKey key, CellRecord cell, double seconds) {
        return new CellOutcome(key, cell.metrics().get("roc_auc"), cell.metrics().get("average_precision"),
                cell.fitSeconds(), seconds, null);
    }

    /**
     * @param key the cell
     * @param error why it failed
     * @param seconds wall time until it failed
     * @return a failed cell's outcome (the message of an {@link SgmException}, else the exception's text)
     */
    public static CellOutcome failed(CellKey key, RuntimeException error, double seconds) {
        return new CellOutcome(key, null, null, 0, seconds, message(error));
    }

    /**
     * @param error a cell's failure
     * @return its one-line message as the failure file and the progress line show it
     */
    static String message(RuntimeException error) {
        return error instanceof SgmException ? error.getMessage() : error.toString();
    }

    /** @return whether the cell failed */
    public boolean isFailed() {
        return error != null;
    }
}
