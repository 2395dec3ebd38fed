package org.sgm.core.data;

import org.sgm.core.SgmException;

/**
 * Input data that cannot be used as given: a data file that is missing, unreadable, not UTF-8 or not well-formed
 * CSV; an empty file, a header without rows, ragged rows, duplicated column names; a missing, non-finite or
 * too-large value; a label other than 0/1, or no label column where labels are needed; too few rows to fit. The
 * message names the file and, where there is one, the line (row) and column.
 */
public class InvalidDataException extends SgmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the file, row or column and what is expected
     */
    public InvalidDataException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the file, row or column and what is expected
     * @param cause the underlying exception
     */
    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
