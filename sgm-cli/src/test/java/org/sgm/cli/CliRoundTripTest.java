package org.sgm.cli;

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
import org.junit.jupiter.api.Assertions;
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
    void fitTrainsTheMembersOnSeveralThreadsWithTheSameModelAndMemberOrder() throws Exception {
        Path data = smallCsv(dir, "small.csv");
        List<double[]> scores = new java.util.ArrayList<>();
        for (String threads : new String[] {"1", "3"}) {
            Path model = dir.resolve("t" + threads + ".sgm");
            Run fit = sgm("fit", "--model", "sg-ae", "--data", data.toString(), "--epochs", "3", "--seed", "4",
                    "--threads", threads, "--out", model.toString());
            assertEquals(0, fit.status(), fit.err());
            List<String> starts = fit.err().lines().filter(l -> l.startsWith("sgm: fitting sg-ae")).toList();
            assertEquals(5, starts.size(), fit.err());
            for (int i = 0; i < 5; i++) {
                assertTrue(starts.get(i).startsWith("sgm: fitting sg-ae (member " + (i + 1) + "/5)"), starts.get(i));
            }
            scores.add(FittedPipeline.load(model, SgmMain.registry()).score(data));
        }
        assertArrayEquals(scores.get(0), scores.get(1), 0.0, "--threads does not change the model");
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
        assertEquals("sgm: error: unknown model 'nope'; known models: ae, dagmm, dsvdd, ecod, iforest, knn, lof, rcf, rda, rsrae, sg-ae, sg-dagmm, "
                + "sg-dsvdd, sg-rda, sg-rsrae, sg-vae, tribuo-hdbscan, tribuo-kmeans, tribuo-linear-ocsvm, tribuo-ocsvm, "
                + "vae",
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
                "sg-vae", "vae", "tribuo-ocsvm", "tribuo-linear-ocsvm", "tribuo-kmeans",
                "tribuo-hdbscan")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(key + " ") && l.length() > key.length() + 10), key);
        }
    }

    @Test
    void evaluateWithThePaperProtocol() throws Exception {
        Path data = smallCsv(dir, "tiny.csv");
        Path out = dir.resolve("paper");
        Run run = sgm("evaluate", "--model", "ae", "--data", data.toString(), "--protocol", "paper", "--seeds", "1",
                "--train-anomaly-rate", "0.05", "--epochs", "2", "--out", out.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("protocol paper: stratified 60/20/20"), run.err());
        assertTrue(run.err().contains("noise 0.01"), run.err());
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("tiny,ae,0,"), lines.get(1));

        Run misuse = sgm("evaluate", "--model", "ae", "--data", data.toString(), "--protocol", "paper",
                "--test-fraction", "0.3", "--out", out.toString());
        assertEquals(1, misuse.status());
        assertTrue(misuse.err().contains("--test-fraction applies to the stratified protocol only"), misuse.err());
    }

    @Test
    void datasetsListsTheBundledOnesAndBuiltinWorksAsData() throws Exception {
        Run list = sgm("datasets");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("cardio        1831       21    9.61%  "
                + "73692720d67974c937bbc8bd62a8481ec587a5f0a45d345277b0dc978b3f94e3"), list.out());
        assertTrue(list.out().contains("thyroid") && list.out().contains("wbc") && list.out().contains("cite: "),
                list.out());

        Path model = dir.resolve("wbc.sgm");
        Run fit = sgm("fit", "--model", "ae", "--data", "builtin:wbc", "--epochs", "1", "--scaling", "minmax",
                "--quiet", "--out", model.toString());
        assertEquals(0, fit.status(), fit.err());
        Path scores = dir.resolve("wbc-scores.csv");
        Run score = sgm("score", "--model", model.toString(), "--data", "builtin:wbc", "--out", scores.toString(),
                "--quiet");
        assertEquals(0, score.status(), score.err());
        assertEquals(379, Files.readAllLines(scores).size());
    }

    @Test
    void synthWritesTheSameFileForTheSameSeed() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        for (Path p : List.of(a, b)) {
            Run run = sgm("synth", "--kind", "transition", "--rows", "200", "--overlap", "0.3", "--seed", "3",
                    "--out", p.toString());
            assertEquals(0, run.status(), run.err());
        }
        assertEquals(-1, Files.mismatch(a, b));
        assertEquals("f1,f2,label", Files.readAllLines(a).get(0));
        assertEquals(201, Files.readAllLines(a).size());
        Run bad = sgm("synth", "--kind", "swirl", "--out", a.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("unknown kind 'swirl'"), bad.err());
    }

    @Test
    void fitAndScoreWithSemicolonsAndImputation() throws Exception {
        Path train = dir.resolve("train.csv");
        StringBuilder sb = new StringBuilder("a;b;colour\n");
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 60; i++) {
            sb.append(i % 9 == 0 ? "" : String.format(Locale.ROOT, "%.3f", rng.nextGaussian())).append(';')
                    .append(String.format(Locale.ROOT, "%.3f", rng.nextGaussian())).append(';')
                    .append(i % 7 == 0 ? "NA" : "x" + (i % 3)).append('\n');
        }
        Files.writeString(train, sb.toString());
        Path model = dir.resolve("m.sgm");

        Run refused = sgm("fit", "--model", "ae", "--data", train.toString(), "--delimiter", ";", "--epochs", "1",
                "--out", model.toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("line 2, column 'a': empty value"), refused.err());

        Run fit = sgm("fit", "--model", "ae", "--data", train.toString(), "--delimiter", ";", "--impute", "median",
                "--label-column", "none", "--epochs", "1", "--quiet", "--out", model.toString());
        assertEquals(0, fit.status(), fit.err());
        Path scores = dir.resolve("s.csv");
        Run score = sgm("score", "--model", model.toString(), "--data", train.toString(), "--delimiter", ";",
                "--out", scores.toString(), "--quiet");
        assertEquals(0, score.status(), score.err());
        assertEquals(61, Files.readAllLines(scores).size());
    }

    @Test
    void epochSettingsApplyOnlyToModelsThatTrainInEpochs(@TempDir Path dir) {
        Run iforest = sgm("fit", "--model", "iforest", "--data", "builtin:wbc", "--epochs", "3", "--out",
                dir.resolve("i.sgm").toString());
        Assertions.assertEquals(0, iforest.status(), iforest.err());
        Assertions.assertTrue(iforest.err().contains("iforest does not train in epochs"),
                iforest.err());
        Run ae = sgm("fit", "--model", "ae@paper", "--data", "builtin:wbc", "--epochs", "2", "--out",
                dir.resolve("a.sgm").toString());
        Assertions.assertEquals(0, ae.status(), ae.err());
        Assertions.assertFalse(ae.err().contains("does not train in epochs"), ae.err());
        Assertions.assertTrue(ae.err().contains("epoch 2/2"), ae.err());
    }
}
