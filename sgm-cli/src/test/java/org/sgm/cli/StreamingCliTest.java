package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgm.cli.CliRoundTripTest.sgm;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.data.FittedPipeline;

/** {@code sgm fit --stream} and {@code sgm score --stream}: the same model and scores as reading the file whole. */
class StreamingCliTest {
    @TempDir
    Path dir;

    /** {@code rows} rows of two numeric columns, a text column and a label; text values {@code textLength} long. */
    static Path csv(Path file, int rows, int textLength) throws Exception {
        SplittableRandom rng = new SplittableRandom(8);
        List<String> colours = new ArrayList<>();
        for (String c : List.of("red", "green", "blue")) {
            colours.add(c + "x".repeat(Math.max(0, textLength - c.length())));
        }
        StringBuilder sb = new StringBuilder("a,b,colour,label\n");
        for (int i = 0; i < rows; i++) {
            boolean anomaly = i % 20 == 0;
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f,%s,%d%n", rng.nextGaussian() + (anomaly ? 6 : 0),
                    rng.nextGaussian(), colours.get(rng.nextInt(3)), anomaly ? 1 : 0));
        }
        return Files.writeString(file, sb.toString());
    }

    @Test
    void streamedFitAndScoreGiveTheScoresOfTheFileReadWhole() throws Exception {
        Path data = csv(dir.resolve("data.csv"), 5000, 0); // two scoring batches
        Path whole = dir.resolve("whole.sgm");
        Path streamed = dir.resolve("streamed.sgm");
        for (String[] fit : new String[][] {{"--out", whole.toString()}, {"--out", streamed.toString(), "--stream"}}) {
            List<String> args = new ArrayList<>(List.of("fit", "--model", "sg-ae", "--data", data.toString(),
                    "--epochs", "2", "--seed", "3", "--quiet"));
            args.addAll(List.of(fit));
            CliRoundTripTest.Run run = sgm(args.toArray(new String[0]));
            assertEquals(0, run.status(), run.err());
        }
        byte[] expected = score(whole, data, false);
        assertArrayEquals(expected, score(streamed, data, true));
        assertArrayEquals(expected, score(whole, data, true));
        assertArrayEquals(expected, score(streamed, data, false));
        assertEquals(FittedPipeline.load(whole, SgmMain.registry()).preprocessor().toJson(),
                FittedPipeline.load(streamed, SgmMain.registry()).preprocessor().toJson());
        // the training-score summary (thresholds) is the same too, and so is the is_anomaly column
        assertEquals(FittedPipeline.load(whole, SgmMain.registry()).trainingScores().orElseThrow().toJson(),
                FittedPipeline.load(streamed, SgmMain.registry()).trainingScores().orElseThrow().toJson());
        byte[] flagged = score(whole, data, false, "--contamination", "0.1");
        assertTrue(new String(flagged, StandardCharsets.UTF_8).startsWith("score,is_anomaly\n"));
        assertArrayEquals(flagged, score(streamed, data, true, "--contamination", "0.1"));
    }

    private byte[] score(Path model, Path data, boolean stream, String... more) throws Exception {
        Path out = dir.resolve("scores-" + model.getFileName() + "-" + stream + more.length + ".csv");
        List<String> args = new ArrayList<>(List.of("score", "--model", model.toString(), "--data", data.toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        if (stream) {
            args.add("--stream");
        }
        CliRoundTripTest.Run run = sgm(args.toArray(new String[0]));
        assertEquals(0, run.status(), run.err());
        assertEquals(5001, Files.readAllLines(out).size());
        return Files.readAllBytes(out);
    }

    @Test
    void streamingErrorsAreOneLineAndWriteNothing() throws Exception {
        CliRoundTripTest.Run builtin = sgm("fit", "--model", "sg-ae", "--data", "builtin:wbc", "--stream",
                "--out", dir.resolve("m.sgm").toString());
        assertEquals(1, builtin.status());
        assertEquals("sgm: error: --stream reads CSV files, not bundled datasets (builtin:wbc)\n",
                builtin.err().replace("\r", ""));

        Path data = csv(dir.resolve("data.csv"), 300, 0);
        Path model = dir.resolve("m.sgm");
        assertEquals(0, sgm("fit", "--model", "sg-ae", "--data", data.toString(), "--epochs", "1", "--stream",
                "--quiet", "--out", model.toString()).status());
        Path other = Files.writeString(dir.resolve("other.csv"), "a,c\n1,2\n");
        Path out = dir.resolve("scores.csv");
        CliRoundTripTest.Run mismatch = sgm("score", "--model", model.toString(), "--data", other.toString(),
                "--stream", "--out", out.toString());
        assertEquals(1, mismatch.status());
        assertTrue(mismatch.err().startsWith("sgm: error: " + other + ": columns 'b', 'colour' are missing"),
                mismatch.err());
        assertEquals(1, mismatch.err().strip().lines().count(), mismatch.err());
        assertFalse(Files.exists(out));
    }

    /**
     * The smaller version that runs by default: a 7 MB file is more than a quarter of a 20 MB heap, so {@code sgm fit}
     * and {@code sgm score} in such a JVM stream it by themselves; the scores are those of the model scored here.
     */
    @Test
    void aFileOverAQuarterOfTheHeapIsStreamedByItself() throws Exception {
        Path data = csv(dir.resolve("medium.csv"), 10_000, 700);
        assertTrue(Files.size(data) > 5_500_000, "file of " + Files.size(data) + " bytes");
        Path model = dir.resolve("medium.sgm");
        Path out = dir.resolve("medium-scores.csv");
        String fitErr = child("fit", "--model", "sg-ae", "--data", data.toString(), "--epochs", "1", "--out",
                model.toString());
        assertTrue(fitErr.contains("streaming"), fitErr);
        String err = child("score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString());
        assertTrue(err.contains("streaming"), err);
        double[] scores = Files.readAllLines(out).stream().skip(1).mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(FittedPipeline.load(model, SgmMain.registry()).score(data), scores, 0.0);
    }

    /**
     * The real thing at a small scale: {@code sgm fit} and {@code sgm score} in a JVM whose heap (20 MB) is smaller
     * than the file (29 MB; reading it whole needs more than twice that), choosing the streaming path by
     * themselves; the scores are those of the model scored in this JVM. Slow (two JVM starts): {@code -Pslow}.
     */
    @Test
    @Tag("slow")
    void aFileLargerThanTheHeapIsFittedAndScored() throws Exception {
        Path data = csv(dir.resolve("big.csv"), 40_000, 700);
        assertTrue(Files.size(data) > 28_000_000, "file of " + Files.size(data) + " bytes");
        Path model = dir.resolve("big.sgm");
        Path out = dir.resolve("big-scores.csv");
        child("fit", "--model", "sg-ae", "--data", data.toString(), "--epochs", "1", "--out", model.toString());
        String err = child("score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString());
        assertTrue(err.contains("streaming"), err);
        double[] scores = Files.readAllLines(out).stream().skip(1).mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(FittedPipeline.load(model, SgmMain.registry()).score(data), scores, 0.0);
    }

    /** Runs the program in a new JVM with a 20 MB heap; returns its stderr, failing on a non-zero status. */
    private String child(String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx20m", "-Dorg.bytedeco.javacpp.maxbytes=1G", "-cp", classPath,
                SgmMain.class.getName()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), stderr);
        assertFalse(stderr.contains("OutOfMemoryError"), stderr);
        return stderr;
    }
}
