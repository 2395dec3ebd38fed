package org.sgm.core.hyper;

import java.util.List;
import org.sgm.core.SgmException;

/** Thrown when hyperparameters violate one or more constraints; the message lists every violation at once. */
public class InvalidHyperparametersException extends SgmException {
    private static final long serialVersionUID = 1L;
    private final List<String> violations;

    /**
     * @param violations one entry per violated constraint, each naming the parameter
     */
    public InvalidHyperparametersException(List<String> violations) {
        super("invalid hyperparameters: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** @return every violation, each naming its parameter */
    public List<String> violations() {
        return violations;
    }
}
