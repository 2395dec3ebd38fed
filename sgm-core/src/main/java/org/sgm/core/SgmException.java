package org.sgm.core;

/**
 * An error caused by the user's input (a file, a row, a column or a parameter), with a message that names it.
 * The command-line program prints the message as one line and exits with a non-zero status.
 */
public class SgmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming what is wrong and what is expected
     */
    public SgmException(String message) {
        super(message);
    }

    /**
     * @param message one line naming what is wrong and what is expected
     * @param cause the underlying exception
     */
    public SgmException(String message, Throwable cause) {
        super(message, cause);
    }
}
