package org.sgm.eval.experiment;

import java.util.List;

/**
 * An experiment spec (or the datasets and detectors it names) is wrong; the message lists every problem at once,
 * each naming its field (e.g. {@code protocol.noise}, {@code detectors[1].key}).
 */
public class InvalidExperimentException extends ExperimentException {
    private static final long serialVersionUID = 1L;
    private final List<String> violations;

    /**
     * @param source the spec file (or another name for where the spec came from)
     * @param violations one entry per problem, each naming its field
     */
    public InvalidExperimentException(String source, List<String> violations) {
        super(source + ": " + (violations.size() == 1 ? "" : violations.size() + " problems: ")
                + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** @return every problem, each naming its field */
    public List<String> violations() {
        return violations;
    }
}
