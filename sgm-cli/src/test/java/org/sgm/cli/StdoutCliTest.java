package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgm.cli.CliRoundTripTest.sgm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.cli.CliRoundTripTest.Run;

/**
 * {@code --out -} of {@code sgm score} and {@code sgm explain}: stdout holds the bytes the file would hold and nothing
 * else, in memory and streamed; progress stays on stderr; a closed stdout is a one-line error.
 */
class StdoutCliTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    /** 9,000 rows (more than two streaming batches of 4,096), and an autoencoder fitted on them (2 epochs). */
    private static Path data;
    private static Path model;

    @BeforeAll
    static void fit() throws Exception {
        SplittableRandom rng = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 9000; i++) {
            double shift = i % 20 == 0 ? 5 : 0;
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%d%n", rng.nextGaussian() + shift,
                    rng.nextGaussian() - shift, rng.nextGaussian(), shift > 0 ? 1 : 0));
        }
        data = shared.resolve("rows.csv");
        Files.writeString(data, sb.toString());
        model = shared.resolve("ae.sgm");
        Run fit = sgm("fit", "--model", "sg-ae", "--data", data.toString(), "--epochs", "2", "--seed", "2", "--out",
                model.toString(), "--quiet");
        assertEquals(0, fit.status(), fit.err());
    }

    /** Runs the command with {@code --out FILE}, then {@code --out -}; both must give the same bytes. */
    private Run sameBytes(String command, String... args) throws Exception {
        Path file = dir.resolve(command + ".csv");
        List<String> toFile = new ArrayList<>(List.of(command));
        toFile.addAll(List.of(args));
        toFile.addAll(List.of("--out", file.toString()));
        Run written = sgm(toFile.toArray(String[]::new));
        assertEquals(0, written.status(), written.err());
        assertEquals("", written.out());
        List<String> toStdout = new ArrayList<>(List.of(command));
        toStdout.addAll(List.of(args));
        toStdout.addAll(List.of("--out", "-"));
        Run printed = sgm(toStdout.toArray(String[]::new));
        assertEquals(0, printed.status(), printed.err());
        byte[] expected = Files.readAllBytes(file);
        assertTrue(expected.length > 1000, "a real file: " + expected.length + " bytes");
        assertArrayEquals(expected, printed.out().getBytes(StandardCharsets.UTF_8), "stdout = the file, byte for byte");
        assertFalse(Files.exists(dir.resolve("-")), "no file named -");
        return printed;
    }

    @Test
    void scoresOnStdoutAreTheFileByteForByte() throws Exception {
        Run run = sameBytes("score", "--model", model.toString(), "--data", data.toString());
        assertTrue(run.out().startsWith("score\n"), run.out().substring(0, 40));
        assertEquals(9001, run.out().lines().count());
        assertTrue(run.err().contains("sgm: wrote 9000 scores to stdout"), run.err());
    }

    @Test
    void streamedScoresWithAThresholdOnStdoutAreTheFileByteForByte() throws Exception {
        Run run = sameBytes("score", "--model", model.toString(), "--data", data.toString(), "--stream",
                "--contamination", "0.05");
        assertTrue(run.out().startsWith("score,is_anomaly\n"), run.out().substring(0, 40));
        assertTrue(run.err().contains("sgm: wrote 9000 scores to stdout"), run.err());
        assertTrue(run.err().contains("is_anomaly = score > "), run.err());
    }

    @Test
    void explanationsOnStdoutAreTheFileByteForByte() throws Exception {
        Run run = sameBytes("explain", "--model", model.toString(), "--data", data.toString(), "--top", "2",
                "--rows", "flagged", "--contamination", "0.05", "--steps", "16");
        assertTrue(run.out().startsWith("row,score,rank,feature,contribution\n"), run.out().substring(0, 40));
        assertTrue(run.err().contains(" rows to stdout ("), run.err());
    }

    @Test
    void theProgramsStdoutDropsSameDiffsLinesAndPassesAWriteOnInOneWrite() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int[] writes = new int[1];
        PrintStream original = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                writes[0]++;
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes[0]++;
                bytes.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        PrintStream out = SgmMain.withoutSameDiffLines(original);
        StringBuilder rows = new StringBuilder("score\n");
        for (int i = 0; i < 1000; i++) {
            rows.append(i).append(".5\n");
        }
        byte[] block = rows.toString().getBytes(StandardCharsets.UTF_8);
        out.write(block, 0, block.length);
        assertEquals(1, writes[0], "1,001 lines in one write, not one per line");
        out.println("Added differentiated op matmul");
        out.write('7');
        out.print("\nAdded differentiated op add\n8");
        out.flush();
        out.print(".25\nAdded differentiated op");
        out.flush();
        out.print(" x\n9\n");
        out.flush();
        assertEquals(rows + "7\n8.25\n9\n", bytes.toString(StandardCharsets.UTF_8),
                "SameDiff's lines dropped, even flushed half-way; every other byte kept");

        PrintStream closed = SgmMain.withoutSameDiffLines(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        }, true, StandardCharsets.UTF_8));
        closed.print("score\n1.5\n");
        assertTrue(closed.checkError(), "a closed pipe under the filter is the filter's error too");
    }

    @Test
    void aClosedStdoutIsAOneLineError() {
        for (String mode : new String[] {"whole", "--stream"}) {
            PrintStream original = System.out;
            PrintStream closed = new PrintStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("Broken pipe");
                }
            }, true, StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of("score", "--model", model.toString(), "--data",
                    data.toString(), "--out", "-"));
            if (!mode.equals("whole")) {
                args.add(mode);
            }
            // sgm() captures stdout itself; run the command against a stdout that refuses every byte instead.
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream originalErr = System.err;
            int status;
            try {
                System.setOut(closed);
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                status = SgmMain.execute(args.toArray(String[]::new));
            } finally {
                System.setOut(original);
                System.setErr(originalErr);
            }
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(SgmMain.USER_ERROR, status, text);
            assertEquals("sgm: error: --out -: cannot write the scores to stdout: the stream is closed\n", text,
                    mode);
        }
    }
}
