package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers {@code --help} with its usage on stdout and exit 0, even when it has required options. */
class HelpCliTest {
    @ParameterizedTest
    @ValueSource(strings = {"models", "datasets", "fit", "score", "evaluate", "experiment", "experiment run",
        "experiment report",
        "synth", "quickstart", "explain"})
    void helpPrintsTheUsage(String command) {
        String[] words = command.split(" ");
        String[] args = Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        CliRoundTripTest.Run run = CliRoundTripTest.sgm(args);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Usage: sgm " + command), run.out());
        assertTrue(run.err().isEmpty(), run.err());
    }

    @Test
    void helpCommandPrintsTheTopLevelUsageOrACommandsUsage() {
        CliRoundTripTest.Run top = CliRoundTripTest.sgm("help");
        assertEquals(0, top.status(), top.err());
        assertTrue(top.err().isEmpty(), top.err());
        assertEquals(CliRoundTripTest.sgm("--help").out(), top.out(), "the same text as sgm --help");
        assertTrue(top.out().startsWith("Usage: sgm "), top.out());
        for (String command : new String[] {"fit", "score", "explain", "evaluate", "experiment", "help"}) {
            assertTrue(top.out().contains("\n  " + command + " "), command + " listed: " + top.out());
        }
        for (String command : new String[] {"fit", "score", "experiment"}) {
            CliRoundTripTest.Run one = CliRoundTripTest.sgm("help", command);
            assertEquals(0, one.status(), one.err());
            assertTrue(one.err().isEmpty(), one.err());
            assertTrue(one.out().startsWith("Usage: sgm " + command + " "), one.out());
            assertEquals(CliRoundTripTest.sgm(command, "--help").out(), one.out(), "the same text as sgm " + command
                    + " --help");
        }
        CliRoundTripTest.Run self = CliRoundTripTest.sgm("help", "--help");
        assertEquals(0, self.status(), self.err());
        assertTrue(self.out().contains("Usage: sgm help [-h] [COMMAND]"), self.out());
    }

    @Test
    void helpOnAnUnknownCommandIsAOneLineUsageError() {
        CliRoundTripTest.Run run = CliRoundTripTest.sgm("help", "nosuch");
        assertEquals(SgmMain.USAGE_ERROR, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("sgm: error: ") && run.err().contains("nosuch"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void runningOutOfMemoryIsOneLineThatSaysHowToGiveMore() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        Exception wrapped = new ExecutionException(new RuntimeException(oom));
        assertEquals(oom, SgmMain.outOfMemory(wrapped), "found through the causes (a worker thread's)");
        assertEquals(null, SgmMain.outOfMemory(new IllegalStateException("x")));
        String line = SgmMain.outOfMemoryLine(oom);
        assertTrue(line.startsWith("sgm: error: out of memory (Java heap space): "), line);
        assertTrue(line.contains("SGM_JAVA_OPTS") && !line.contains("\n"), line);
    }
}
