package org.sgm.core.hyper;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects constraint violations so that all of them are reported together (as ELKI's parameterization does),
 * rather than one per attempt.
 */
public final class Violations {
    private final List<String> messages = new ArrayList<>();

    /**
     * Records a violation unless {@code ok} holds.
     *
     * @param ok whether the constraint holds
     * @param parameter the parameter's name, as in JSON (e.g. {@code training.epochs})
     * @param expected what is expected, e.g. {@code "must be ≥ 1"}
     * @param actual the value given
     * @return this
     */
    public Violations require(boolean ok, String parameter, String expected, Object actual) {
        if (!ok) {
            messages.add(parameter + " " + expected + " (got " + actual + ")");
        }
        return this;
    }

    /**
     * @param message a violation message naming its parameter
     * @return this
     */
    public Violations add(String message) {
        messages.add(message);
        return this;
    }

    /** @return the violations so far */
    public List<String> list() {
        return List.copyOf(messages);
    }

    /** @throws InvalidHyperparametersException listing every violation, if there is any */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new InvalidHyperparametersException(messages);
        }
    }
}
