package org.sgm.core;


/** A registry key that no detector is registered under; the message lists the known keys. */
public class UnknownDetectorException extends SgmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the key and lists the known ones
     */
    public UnknownDetectorException(String message) {
        super(message);
    }
}
