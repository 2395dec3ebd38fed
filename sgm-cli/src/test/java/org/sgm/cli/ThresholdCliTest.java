package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgm.cli.CliRoundTripTest.sgm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.FitContext;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.LegacyModelFiles;
import org.sgm.core.threshold.Threshold;
import org.sgm.core.threshold.ThresholdUnavailableException;
import org.sgm.core.threshold.TrainingScoreSummary;
import org.sgm.data.FittedPipeline;
import org.sgm.data.ReadOptions;
import org.sgm.data.Table;
import org.sgm.cli.CliRoundTripTest.Run;

/** Thresholds end to end: {@code sgm fit} keeps the training scores' summary, {@code sgm score} adds is_anomaly. */
class ThresholdCliTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    /** An autoencoder fitted on the bundled wbc (2 epochs), and the file it was written to. */
    private static Path wbcModel;
    private static Run wbcFit;

    @BeforeAll
    static void fitOnWbc() {
        wbcModel = shared.resolve("wbc.sgm");
        wbcFit = sgm("fit", "--model", "ae", "--data", "builtin:wbc", "--epochs", "2", "--seed", "3", "--out",
                wbcModel.toString());
        assertEquals(0, wbcFit.status(), wbcFit.err());
    }

    /** The rows of a scores file: score, and is_anomaly when present. */
    private static List<double[]> rows(Path file, String header) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertEquals(header, lines.get(0));
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] r = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                r[i] = Double.parseDouble(f[i]);
            }
            rows.add(r);
        }
        return rows;
    }

    private static void assertOneLineError(Run run, int status, String... fragments) {
        assertEquals(status, run.status(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("sgm: error: "), run.err());
        for (String f : fragments) {
            assertTrue(lines.get(0).contains(f), "'" + f + "' missing from: " + lines.get(0));
        }
    }

    @Test
    void fitPrintsTheTrainingScoreSummary() {
        assertTrue(wbcFit.err().contains("sgm: training scores: median "), wbcFit.err());
        assertTrue(wbcFit.err().contains("95% quantile") && wbcFit.err().contains("(n = 378;"), wbcFit.err());
    }

    @Test
    void contaminationFlagsAboutThatShareOfTheTrainingRows() throws Exception {
        Path out = dir.resolve("train-scores.csv");
        Run run = sgm("score", "--model", wbcModel.toString(), "--data", "builtin:wbc", "--contamination", "0.05",
                "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        List<double[]> rows = rows(out, "score,is_anomaly");
        assertEquals(378, rows.size());
        double[] scores = rows.stream().mapToDouble(r -> r[0]).toArray();
        int flagged = (int) rows.stream().filter(r -> r[1] == 1).count();

        // the cutoff kept at fit time is NumPy's linear 0.95-quantile of these very scores
        double oracle = new Percentile().withEstimationType(EstimationType.R_7).evaluate(scores, 95);
        double cutoff = FittedPipeline.load(wbcModel, SgmMain.registry()).cutoff(Threshold.contamination(0.05));
        assertEquals(oracle, cutoff, 1e-9 * Math.max(1, Math.abs(oracle)));
        for (double[] r : rows) {
            assertEquals(r[0] > cutoff ? 1.0 : 0.0, r[1], "score " + r[0] + ", cutoff " + cutoff);
        }
        assertTrue(Math.abs(flagged - 0.05 * 378) <= 1, flagged + " of 378 flagged");
        assertTrue(run.err().contains("is_anomaly = score > ") && run.err().contains("(contamination 0.05): "
                + flagged + " of 378 rows"), run.err());
    }

    @Test
    void onNewDataTheColumnIsScoreAboveTheCutoffForEveryRule() throws Exception {
        Path test = newWbcLikeRows(dir.resolve("new.csv"));
        FittedPipeline pipeline = FittedPipeline.load(wbcModel, SgmMain.registry());
        double[] expectedScores = pipeline.score(test);
        // a fixed cutoff in the range of these scores (their median), so that it splits them
        double t = new Percentile().withEstimationType(EstimationType.R_7).evaluate(expectedScores, 50);
        String[][] rules = {{"--contamination", "0.05"}, {"--mad", "2"}, {"--mad"}, {"--threshold", String.valueOf(t)}};
        Threshold[] same = {Threshold.contamination(0.05), Threshold.mad(2), Threshold.mad(3), Threshold.fixed(t)};
        for (int k = 0; k < rules.length; k++) {
            Path out = dir.resolve("s" + k + ".csv");
            List<String> args = new ArrayList<>(List.of("score", "--model", wbcModel.toString(), "--data",
                    test.toString(), "--quiet", "--out", out.toString()));
            args.addAll(List.of(rules[k]));
            Run run = sgm(args.toArray(String[]::new));
            assertEquals(0, run.status(), run.err());
            List<double[]> rows = rows(out, "score,is_anomaly");
            double cutoff = pipeline.cutoff(same[k]);
            assertEquals(expectedScores.length, rows.size());
            int flagged = 0;
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(expectedScores[i], rows.get(i)[0], 0.0);
                assertEquals(expectedScores[i] > cutoff ? 1.0 : 0.0, rows.get(i)[1], String.join(" ", rules[k]));
                flagged += (int) rows.get(i)[1];
            }
            assertTrue(flagged > 0 && flagged < rows.size(), String.join(" ", rules[k]) + " flagged " + flagged);
        }
        TrainingScoreSummary s = pipeline.trainingScores().orElseThrow();
        assertEquals(s.median() + 2 * 1.4826 * s.mad(), pipeline.cutoff(Threshold.mad(2)), 1e-12);
    }

    /** 80 rows with wbc's columns: the first 40 rows slightly jittered, and 40 pushed far out. */
    private static Path newWbcLikeRows(Path file) throws Exception {
        Table wbc = Table.read("builtin:wbc", ReadOptions.defaults());
        List<String> cols = wbc.columns();
        SplittableRandom rng = new SplittableRandom(9);
        StringBuilder sb = new StringBuilder(String.join(",", cols)).append('\n');
        for (int i = 0; i < 80; i++) {
            List<String> cells = new ArrayList<>();
            for (String c : cols) {
                double v = wbc.numeric(c)[i % 40];
                v = i < 40 ? v * (1 + 0.01 * rng.nextGaussian()) : v * 3 + 1;
                cells.add(String.format(Locale.ROOT, "%.6f", v));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void theLibraryRoundTripKeepsTheSummaryAndTheCutoffs() throws Exception {
        Path data = CliRoundTripTest.smallCsv(dir, "small.csv");
        Table table = Table.readCsv(data, "label");
        FittedPipeline fitted = FittedPipeline.fit(SgmMain.registry().create("sg-ae",
                HyperparameterJson.read("{\"training\": {\"epochs\": 2}}")), table, "label", FitContext.of(7));
        TrainingScoreSummary summary = fitted.trainingScores().orElseThrow();
        // the summary is of the fitted detector's scores of its own training rows
        assertEquals(TrainingScoreSummary.of(fitted.score(table)), summary);
        assertEquals(300, summary.count());

        Path file = dir.resolve("m.sgm");
        fitted.save(file);
        FittedPipeline loaded = FittedPipeline.load(file, SgmMain.registry());
        assertEquals(summary, loaded.trainingScores().orElseThrow());
        for (Threshold t : new Threshold[] {Threshold.contamination(0.01), Threshold.contamination(0.1),
            Threshold.mad(), Threshold.fixed(1.5)}) {
            assertEquals(fitted.cutoff(t), loaded.cutoff(t), 0.0, t.describe());
        }
    }

    @Test
    void anOlderModelFileStillScoresAndRefusesTrainingScoreThresholdsInOneLine() throws Exception {
        Path model = dir.resolve("old.sgm");
        Files.copy(wbcModel, model);
        LegacyModelFiles.dropTrainingScores(model);
        Path newer = dir.resolve("newer.csv");
        Path older = dir.resolve("older.csv");
        assertEquals(0, sgm("score", "--model", wbcModel.toString(), "--data", "builtin:wbc", "--quiet", "--out",
                newer.toString()).status());
        Run plain = sgm("score", "--model", model.toString(), "--data", "builtin:wbc", "--quiet", "--out",
                older.toString());
        assertEquals(0, plain.status(), plain.err());
        assertEquals(Files.readAllLines(newer), Files.readAllLines(older));
        assertEquals("score", Files.readAllLines(older).get(0));

        Path fixed = dir.resolve("fixed.csv");
        assertEquals(0, sgm("score", "--model", model.toString(), "--data", "builtin:wbc", "--threshold", "0.5",
                "--quiet", "--out", fixed.toString()).status());
        assertEquals("score,is_anomaly", Files.readAllLines(fixed).get(0));

        for (String[] rule : new String[][] {{"--contamination", "0.05"}, {"--mad"}}) {
            Path out = dir.resolve("never.csv");
            List<String> args = new ArrayList<>(List.of("score", "--model", model.toString(), "--data", "builtin:wbc",
                    "--out", out.toString()));
            args.addAll(List.of(rule));
            assertOneLineError(sgm(args.toArray(String[]::new)), 1, model + ": no training-score summary",
                    "refit the model, or use a fixed threshold");
            assertFalse(Files.exists(out), "no output");
        }
        FittedPipeline old = FittedPipeline.load(model, SgmMain.registry());
        assertTrue(old.trainingScores().isEmpty());
        assertTrue(assertThrows(ThresholdUnavailableException.class, () -> old.cutoff(Threshold.mad()))
                .getMessage().startsWith(model.toString()));
    }

    @Test
    void badThresholdFlagsAreOneLineErrorsNamingTheFlag() throws Exception {
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "previous\n");
        String[] base = {"score", "--model", wbcModel.toString(), "--data", "builtin:wbc", "--out", out.toString()};
        for (String r : new String[] {"0", "-0.1", "0.51", "1"}) {
            assertOneLineError(sgm(concat(base, "--contamination", r)), SgmMain.USER_ERROR,
                    "--contamination: contamination rate must be in (0, 0.5]");
        }
        for (String k : new String[] {"0", "-2"}) {
            assertOneLineError(sgm(concat(base, "--mad", k)), SgmMain.USER_ERROR,
                    "--mad: MAD multiplier k must be a finite number > 0");
        }
        assertOneLineError(sgm(concat(base, "--threshold", "NaN")), SgmMain.USER_ERROR,
                "--threshold: threshold must be a finite number");
        Run both = sgm(concat(base, "--contamination", "0.05", "--threshold", "1"));
        assertOneLineError(both, SgmMain.USAGE_ERROR, "--contamination", "--threshold", "mutually exclusive");
        assertFalse(both.err().contains("Error:"), both.err());
        assertOneLineError(sgm(concat(base, "--mad", "--contamination", "0.1")), SgmMain.USAGE_ERROR,
                "mutually exclusive");
        assertOneLineError(sgm(concat(base, "--contamination", "five")), SgmMain.USAGE_ERROR, "--contamination");
        assertEquals(List.of("previous"), Files.readAllLines(out), "the output is untouched");
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
