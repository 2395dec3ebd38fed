package org.sgm.core.threshold;

import org.sgm.core.SgmException;

/** A threshold rule with a parameter out of range (a contamination rate outside (0, 0.5], k ≤ 0, a NaN cutoff). */
public class InvalidThresholdException extends SgmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the parameter, its value and the allowed range
     */
    public InvalidThresholdException(String message) {
        super(message);
    }
}
