package org.sgm.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers {@code --help} with its usage on stdout and exit 0, even when it has required options. */
class HelpCliTest {
    @ParameterizedTest
    @ValueSource(strings = {"models", "datasets", "fit", "score", "evaluate", "experiment run", "experiment report",
        "synth", "quickstart"})
    void helpPrintsTheUsage(String command) {
        String[] words = command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        CliRoundTripTest.Run run = CliRoundTripTest.sgm(args);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Usage: sgm " + command), run.out());
        assertTrue(run.err().isEmpty(), run.err());
    }
}
