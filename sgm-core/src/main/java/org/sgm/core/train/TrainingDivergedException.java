package org.sgm.core.train;

import org.sgm.core.SgmException;

/** Training produced a NaN or infinite loss; the message names the epoch and the likely cause. */
public class TrainingDivergedException extends SgmException {
    private static final long serialVersionUID = 1L;

    /** @param message names the epoch and the likely cause */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
