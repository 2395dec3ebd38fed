package org.sgm.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.data.FittedPipeline;

/** Drives the real CLI entry point: fit → score on a small file, evaluate, and errors. */
class CliRoundTripTest {
    @TempDir
    Path dir;

    /** Runs the program, capturing stdout and stderr. */
    record Run(int status, String out, String err) {}

    static Run sgm(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int status = SgmMain.execute(args);
            return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** 300 rows: two numeric columns, a text column and a label; anomalies far from the normal cloud. */
    static Path smallCsv(Path dir, String name) throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("a,b,colour,label\n");
        for (int i = 0; i < 300; i++) {
            boolean anomaly = i % 10 == 0;
            double a = rng.nextGaussian() + (anomaly ? 6 : 0);
            double b = rng.nextGaussian() - (anomaly ? 6 : 0);
            String colour = List.of("red", "green", "blue").get(rng.nextInt(3));
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f,%s,%d%n", a, b, colour, anomaly ? 1 : 0));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void fitThenScoreWritesOneScorePerRowInOrder() throws Exception {
        Path data = smallCsv(dir, "small.csv");
        Path model = dir.resolve("m.sgm");
        Run fit = sgm("fit", "--model", "sg-ae", "--data", data.toString(), "--epochs", "3", "--seed", "4",
                "--out", model.toString());
        assertEquals(0, fit.status(), fit.err());
        assertTrue(fit.err().contains("epoch 3/3"), "progress on stderr: " + fit.err());
        assertFalse(fit.out().contains("Added differentiated op"), "stdout stays clean");
        Path scores = dir.resolve("scores.csv");
        Run score = sgm("score", "--model", model.toString(), "--data", data.toString(), "--out", scores.toString(),
                "--quiet");
        assertEquals(0, score.status(), score.err());
        assertEquals("", score.err());
        List<String> lines = Files.readAllLines(scores);
        assertEquals("score", lines.get(0));
        assertEquals(301, lines.size());
        double[] fromFile = lines.stream().skip(1).mapToDouble(Double::parseDouble).toArray();
        double[] fromLibrary = FittedPipeline.load(model, SgmMain.registry()).score(data);
        assertArrayEquals(fromLibrary, fromFile, 0.0);
    }

    @Test
    void sameSeedSameModelScores() throws Exception {
        Path data = smallCsv(dir, "small.csv");
        for (String name : List.of("a", "b")) {
            assertEquals(0, sgm("fit", "--model", "ae", "--data", data.toString(), "--epochs", "2", "--quiet",
                    "--out", dir.resolve(name + ".sgm").toString()).status());
            assertEquals(0, sgm("score", "--model", dir.resolve(name + ".sgm").toString(), "--data", data.toString(),
                    "--out", dir.resolve(name + ".csv").toString(), "--quiet").status());
        }
        assertEquals(Files.readAllLines(dir.resolve("a.csv")), Files.readAllLines(dir.resolve("b.csv")));
    }

    @Test
    void evaluateWritesResultsWithTheDocumentedHeader() throws Exception {
        Path data = smallCsv(dir, "tiny.csv");
        Path out = dir.resolve("runs");
        Run run = sgm("evaluate", "--model", "ae,tribuo-ocsvm", "--data", data.toString(), "--seeds", "2",
                "--noise", "0.01", "--epochs", "2", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("dataset,model,seed,roc_auc,average_precision,fit_seconds,score_seconds", lines.get(0));
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("tiny,ae,0,"), lines.get(1));
        assertTrue(run.out().contains("tribuo-ocsvm"), run.out());
    }

    @Test
    void userErrorsAreOneLineWithNonZeroStatus() throws Exception {
        Path data = smallCsv(dir, "small.csv");
        Run unknown = sgm("fit", "--model", "nope", "--data", data.toString(), "--out", dir.resolve("x").toString());
        assertEquals(1, unknown.status());
        assertEquals("sgm: error: unknown model 'nope'; known models: ae, dagmm, dsvdd, rda, rsrae, sg-ae, sg-dagmm, sg-dsvdd, "
                + "sg-rda, sg-rsrae, sg-vae, tribuo-ocsvm, vae",
                unknown.err().strip());
        Run missing = sgm("score", "--model", dir.resolve("none.sgm").toString(), "--data", data.toString(),
                "--out", dir.resolve("s.csv").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().strip().endsWith("none.sgm: model file not found"), missing.err());
        assertFalse(Files.exists(dir.resolve("s.csv")), "no partial output");
        Path params = dir.resolve("p.json");
        Files.writeString(params, "{\"training\": {\"epochs\": 0, \"batchSize\": -2}}");
        Run bad = sgm("fit", "--model", "sg-ae", "--data", data.toString(), "--params", params.toString(),
                "--out", dir.resolve("y").toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("training.epochs") && bad.err().contains("training.batchSize"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        Run usage = sgm("fit", "--data", data.toString());
        assertEquals(2, usage.status());
    }

    @Test
    void modelsListsEveryKeyWithADescription() {
        Run run = sgm("models");
        assertEquals(0, run.status());
        List<String> lines = run.out().lines().toList();
        assertEquals(SgmMain.registry().providers().size(), lines.size());
        for (String key : List.of("sg-ae", "ae", "sg-dsvdd", "dsvdd", "sg-dagmm", "dagmm", "sg-rsrae", "rsrae", "sg-rda", "rda",
                "sg-vae", "vae", "tribuo-ocsvm")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(key + " ") && l.length() > key.length() + 10), key);
        }
    }
}
