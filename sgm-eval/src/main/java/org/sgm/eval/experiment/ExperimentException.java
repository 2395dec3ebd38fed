package org.sgm.eval.experiment;

import org.sgm.core.SgmException;

/**
 * An experiment cannot run or be resumed as asked: its output directory holds another experiment, a cell file is
 * damaged, the data changed since the finished cells were computed, or cells failed. The message names the file
 * or the cell.
 */
public class ExperimentException extends SgmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the file or cell and what is wrong
     */
    public ExperimentException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the file or cell and what is wrong
     * @param cause the underlying exception
     */
    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
    }
}
