package org.sgm.core;


/**
 * A model file that is refused: missing, not a model file, truncated, tampered with (a checksum does not match),
 * of a newer format version, too large, or with content that does not fit the network it describes. The message
 * names the file where it is known.
 */
public class ModelFileException extends SgmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the file and what is wrong
     */
    public ModelFileException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the file and what is wrong
     * @param cause the underlying exception
     */
    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
