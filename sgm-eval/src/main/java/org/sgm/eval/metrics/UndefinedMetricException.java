package org.sgm.eval.metrics;

import org.sgm.core.data.InvalidDataException;

/**
 * A ranking metric is undefined for the labels given: they hold only one class (or no rows), so there is no pair of
 * an anomaly and a normal row to rank. Thrown instead of returning a number that would silently enter a table.
 */
public class UndefinedMetricException extends InvalidDataException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the metric (and the data) and why it is undefined
     */
    public UndefinedMetricException(String message) {
        super(message);
    }
}
