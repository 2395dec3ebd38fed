package org.sgm.core.threshold;

import org.sgm.core.SgmException;

/**
 * A threshold rule that needs the training-score summary was asked of a model that has none (a model file written
 * before thresholds existed). The message names the model file.
 */
public class ThresholdUnavailableException extends SgmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the model file and what to do instead
     */
    public ThresholdUnavailableException(String message) {
        super(message);
    }
}
