package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgm.cli.CliRoundTripTest.sgm;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.cli.CliRoundTripTest.Run;

/**
 * The progress bar: its rendering (a pure function), drawing over one line, and the switch: a bar on a terminal,
 * the plain lines elsewhere (unchanged), nothing with {@code --quiet}.
 */
class ProgressBarTest {
    @TempDir
    Path dir;

    @AfterEach
    void detectAgain() {
        ProgressBar.terminalOverride = null;
    }

    @Test
    void rendersCountFractionAndBar() {
        assertEquals("sgm: [ae] epoch 3/10 [###.......]  30%", ProgressBar.render("sgm: [ae] epoch", 3, 10, 10));
        assertEquals("x 0/4 [....]   0%", ProgressBar.render("x", 0, 4, 4));
        assertEquals("x 1/3 [######..............]  33%", ProgressBar.render("x", 1, 3, 20));
        assertEquals("x 40/40 [##########] 100%", ProgressBar.render("x", 40, 40, 10));
        assertEquals("x 5/4 [####] 100%", ProgressBar.render("x", 5, 4, 4), "clamped");
        assertEquals("rows 8192", ProgressBar.render("rows", 8192, 0, 10), "no total: the count");
        assertEquals("0:05", ProgressBar.clock(4.6));
        assertEquals("1:01:01", ProgressBar.clock(3661));
        assertEquals("0:30", ProgressBar.eta(10, 1, 4), "10 s for one of four: 30 s left");
        assertEquals("?", ProgressBar.eta(10, 0, 4));
        assertEquals(120, ProgressBar.columns("120"));
        assertEquals(ProgressBar.DEFAULT_COLUMNS, ProgressBar.columns(null));
        assertEquals(ProgressBar.DEFAULT_COLUMNS, ProgressBar.columns("wide"));
    }

    @Test
    void aBarRewritesOneLineAndEndsItBeforeAnyOtherLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        assertTrue(bar.active());
        bar.finish(); // nothing open: nothing printed
        bar.step("step one is long", "plain");
        bar.step("step two", "plain");
        bar.println("a line that stays");
        bar.step("x".repeat(200), null);
        bar.finish();
        bar.finish();
        assertEquals("\rstep one is long\rstep two        \na line that stays\n\r" + "x".repeat(79) + "\n",
                bytes.toString(StandardCharsets.UTF_8), "padded over the longer line; cut to 80 columns");
    }

    @Test
    void elsewhereThePlainLinesOnly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        assertFalse(bar.active());
        bar.step("bar", "plain one");
        bar.step("bar", null);
        bar.println("stays");
        bar.finish();
        assertEquals("plain one\nstays\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void cellLinesBecomeTheBarOnATerminalAndStayAsTheyWereElsewhere() {
        String first = "experiment small: 4 cells (1 datasets × 2 detectors × 2 seeds); 4 to run on 1 thread(s)";
        String ok = "[1/4] wbc × ae × seed 0: ROC-AUC 0.9100, AP 0.5000 (fit 0.1 s); elapsed 0:01, ETA 0:03";
        String failed = "[2/4] wbc × ae × seed 1: FAILED: diverged; elapsed 0:02, ETA 0:02";
        for (boolean terminal : new boolean[] {false, true}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Consumer<String> sink = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal)
                    .cellLines();
            sink.accept(first);
            sink.accept(ok);
            sink.accept(failed);
            String text = bytes.toString(StandardCharsets.UTF_8);
            if (terminal) {
                assertEquals("sgm: " + first + "\n\rsgm: cells 1/4 [#####...............]  25% ETA 0:03"
                        + "  wbc × ae × seed 0: ROC-AUC\nsgm: " + failed + "\n", text, "cut to 79 characters");
            } else {
                assertEquals("sgm: " + first + "\nsgm: " + ok + "\nsgm: " + failed + "\n", text);
            }
        }
    }

    /** 9,000 rows: more than two scoring batches of 4,096. */
    private Path rows() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 9000; i++) {
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f%n", rng.nextGaussian(), rng.nextGaussian()));
        }
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void fitAndScoreDrawTheBarOnATerminalAndPrintThePlainLinesElsewhere() throws Exception {
        Path data = rows();
        Path model = dir.resolve("m.sgm");
        String[] fit = {"fit", "--model", "sg-ae", "--data", data.toString(), "--epochs", "3", "--no-early-stop",
            "--seed", "1", "--out", model.toString()};
        ProgressBar.terminalOverride = false;
        Run plain = sgm(fit);
        assertEquals(0, plain.status(), plain.err());
        assertTrue(plain.err().contains("sgm: [sg-ae 1/5] epoch 1/3  loss "), plain.err());
        assertTrue(plain.err().contains("sgm: [sg-ae 5/5] epoch 3/3  loss "), plain.err());
        assertFalse(plain.err().contains("\r"), plain.err());

        ProgressBar.terminalOverride = true;
        Run drawn = sgm(fit);
        assertEquals(0, drawn.status(), drawn.err());
        assertFalse(drawn.err().contains("epoch 1/3  loss"), "no plain epoch lines: " + drawn.err());
        assertTrue(drawn.err().contains("\rsgm: [sg-ae 1/5] epoch 1/3 [######..............]  33% loss "), drawn.err());
        assertTrue(drawn.err().contains("\rsgm: [sg-ae 5/5] epoch 3/3 [####################] 100% loss "), drawn.err());
        assertTrue(drawn.err().matches("(?s).*100% loss [0-9.]+ ETA 0:00 *\nsgm: \\[sg-ae 5/5] epoch budget of 3 "
                + "reached; trained 3 epochs in .*"), "the bar ends before the last line: " + drawn.err());
        assertTrue(drawn.err().contains("\nsgm: fitting sg-ae (member 1/5) on 9000 rows"), drawn.err());

        Run quiet = sgm(Stream.concat(Arrays.stream(fit), Stream.of(
                "--quiet")).toArray(String[]::new));
        assertEquals(0, quiet.status(), quiet.err());
        assertEquals("", quiet.err(), "--quiet: no bar either");

        // Scoring: in memory in batches on a terminal, with the scores of the whole table; streamed: a count.
        Path whole = dir.resolve("whole.csv");
        Path inParts = dir.resolve("parts.csv");
        ProgressBar.terminalOverride = false;
        Run scored = sgm("score", "--model", model.toString(), "--data", data.toString(), "--out", whole.toString());
        assertEquals(0, scored.status(), scored.err());
        assertFalse(scored.err().contains("rows scored"), scored.err());
        ProgressBar.terminalOverride = true;
        Run barred = sgm("score", "--model", model.toString(), "--data", data.toString(), "--out", inParts.toString());
        assertEquals(0, barred.status(), barred.err());
        assertTrue(barred.err().startsWith("\rsgm: rows scored 4096/9000 [#########...........]  45% ETA "),
                barred.err());
        assertTrue(barred.err().contains("\rsgm: rows scored 9000/9000 [####################] 100% ETA 0:00"),
                barred.err());
        assertTrue(barred.err().endsWith("\nsgm: wrote 9000 scores to " + inParts + "\n"), barred.err());
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(inParts), "the same scores, bit for bit");
        Run streamed = sgm("score", "--model", model.toString(), "--data", data.toString(), "--stream", "--out",
                dir.resolve("streamed.csv").toString());
        assertEquals(0, streamed.status(), streamed.err());
        assertTrue(streamed.err().contains("\rsgm: rows scored 9000 in "), streamed.err());
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(dir.resolve("streamed.csv")));
        Run toStdout = sgm("score", "--model", model.toString(), "--data", data.toString(), "--out", "-");
        assertEquals(0, toStdout.status(), toStdout.err());
        assertFalse(toStdout.err().contains("\r"), "no bar with --out -: " + toStdout.err());
    }

    @Test
    void evaluateDrawsTheBarOverItsCellsOnATerminal() {
        String[] args = {"evaluate", "--model", "ae", "--data", "builtin:wbc", "--seeds", "2", "--epochs", "1",
            "--threads", "1", "--out", dir.resolve("eval").toString()};
        ProgressBar.terminalOverride = false;
        Run plain = sgm(args);
        assertEquals(0, plain.status(), plain.err());
        assertTrue(plain.err().contains("\nsgm: [2/2] wbc × ae × seed 1: ROC-AUC "), plain.err());
        ProgressBar.terminalOverride = true;
        Run drawn = sgm(args);
        assertEquals(0, drawn.status(), drawn.err());
        assertFalse(drawn.err().contains("sgm: [1/2]"), drawn.err());
        assertTrue(drawn.err().contains("\rsgm: cells 2/2 [####################] 100% ETA 0:00  wbc × ae × seed 1: "
                + "ROC-AUC"), drawn.err());
        assertTrue(drawn.err().contains("\nsgm: wrote "), "the bar ends before the last line: " + drawn.err());
        assertEquals(plain.out().lines().count(), drawn.out().lines().count(), "the same table on stdout");
    }
}
