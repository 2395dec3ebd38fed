package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgm.cli.CliRoundTripTest.sgm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.cli.CliRoundTripTest.Run;
import org.sgm.data.Explanation;
import org.sgm.data.FittedPipeline;
import org.sgm.data.Table;

/**
 * {@code sgm explain} end to end: the planted-feature check of docs/explanations.md, the file's shape, flagged rows,
 * one-hot columns folded back into their text column, completeness, and one-line errors.
 */
class ExplainCliTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    /** 1,000 rows, 100 anomalies shifted by 6σ in 2 of 20 features ({@code sgm synth --kind planted}). */
    private static Path planted;
    /** Per planted row, its planted features. */
    private static Map<Integer, Set<String>> truth;

    @BeforeAll
    static void synth() throws Exception {
        planted = shared.resolve("planted.csv");
        Run run = sgm("synth", "--kind", "planted", "--rows", "1000", "--anomaly-rate", "0.1", "--seed", "1", "--out",
                planted.toString());
        assertEquals(0, run.status(), run.err());
        truth = new HashMap<>();
        List<String> lines = Files.readAllLines(shared.resolve("planted.planted.csv"));
        assertEquals("row,features", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            truth.put(Integer.parseInt(f[0]), Set.of(f[1].split(";")));
        }
        assertEquals(100, truth.size());
        assertTrue(truth.values().stream().allMatch(s -> s.size() == 2));
    }

    private static Path fit(Path dir, String model, Path data) {
        Path file = dir.resolve(model + ".sgm");
        Run run = sgm("fit", "--model", model, "--data", data.toString(), "--seed", "1", "--out", file.toString(),
                "--quiet");
        assertEquals(0, run.status(), run.err());
        return file;
    }

    /** One line of an explanation file. */
    private record Line(int row, double score, int rank, String feature, double contribution) {}

    private static List<Line> read(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertEquals("row,score,rank,feature,contribution", lines.get(0));
        List<Line> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            assertEquals(5, f.length, l);
            out.add(new Line(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2]), f[3],
                    Double.parseDouble(f[4])));
        }
        return out;
    }

    /** The share of planted rows whose top-2 features are the planted two. */
    private static double hitRate(List<Line> lines) {
        Map<Integer, Set<String>> top = new HashMap<>();
        for (Line l : lines) {
            if (l.rank() <= 2) {
                top.computeIfAbsent(l.row(), r -> new HashSet<>()).add(l.feature());
            }
        }
        long hits = truth.entrySet().stream().filter(e -> e.getValue().equals(top.get(e.getKey()))).count();
        return hits / (double) truth.size();
    }

    /**
     * The check, for the models and methods where docs/explanations.md measured it to hold: the planted
     * features are the top 2 for ≥ 90 % of the planted rows. (The scoring network's gradients of SG-AE, SG-RSRAE and
     * SG-DAGMM do not reach it: their scores rank the planted rows worse; the measurement is in the docs.)
     */
    @Test
    void plantedFeaturesComeFirst() throws Exception {
        // sg-ae's gradients pass since its test score reads the metric as well as the scorer (0.57 with the scorer
        // alone, docs/explanations.md).
        String[][] cases = {{"ae", "gradients"}, {"rsrae", "gradients"}, {"sg-ae", "gradients"},
            {"sg-rsrae", "reconstruction"}, {"sg-dagmm", "reconstruction"}};
        for (String[] c : cases) {
            Path model = fit(dir, c[0], planted);
            Path out = dir.resolve(c[0] + "-" + c[1] + ".csv");
            Run run = sgm("explain", "--model", model.toString(), "--data", planted.toString(), "--top", "2",
                    "--method", c[1], "--out", out.toString());
            assertEquals(0, run.status(), run.err());
            List<Line> lines = read(out);
            assertEquals(2000, lines.size(), "2 lines per row");
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(i / 2, lines.get(i).row());
                assertEquals(i % 2 + 1, lines.get(i).rank());
                if (i % 2 == 1) {
                    assertTrue(lines.get(i).contribution() <= lines.get(i - 1).contribution(), "ranked by value");
                    assertEquals(lines.get(i - 1).score(), lines.get(i).score(), 0.0);
                }
            }
            double rate = hitRate(lines);
            assertTrue(rate >= 0.9, c[0] + " " + c[1] + ": planted features first for " + rate + " of planted rows");
        }
    }

    @Test
    void integratedGradientsAddUpAndScoresAreTheModelsScores() throws Exception {
        Path model = fit(dir, "sg-ae", planted);
        FittedPipeline pipeline = FittedPipeline.load(model, SgmMain.registry());
        Table table = Table.read(planted.toString(), pipeline.readOptions());
        Explanation e = pipeline.explain(table, Explanation.Method.GRADIENTS, 128);
        assertTrue(e.medianBaseline());
        double[] scores = pipeline.score(table);
        double largest = 0;
        for (int i = 0; i < scores.length; i++) {
            assertEquals(scores[i], e.scores()[i], 1e-6 * Math.max(1, Math.abs(scores[i])));
            largest = Math.max(largest, Math.abs(e.scores()[i] - e.baselineScore()));
        }
        assertTrue(e.completenessError() <= 0.01, "completeness error " + e.completenessError());
        int checked = 0;
        for (int i = 0; i < scores.length; i++) {
            double diff = e.scores()[i] - e.baselineScore();
            double sum = 0;
            for (double c : e.contributions()[i]) {
                sum += c;
            }
            if (Math.abs(diff) >= 0.1 * largest) {
                assertEquals(diff, sum, 0.01 * Math.abs(diff), "row " + i);
                checked++;
            }
        }
        assertTrue(checked >= 50, "rows checked: " + checked);
        assertEquals(20, e.columns().size());
    }

    @Test
    void flaggedRowsKeepTheirRowNumbers() throws Exception {
        Path model = fit(dir, "ae", planted);
        Path scores = dir.resolve("scores.csv");
        Run score = sgm("score", "--model", model.toString(), "--data", planted.toString(), "--contamination", "0.05",
                "--out", scores.toString());
        assertEquals(0, score.status(), score.err());
        Set<Integer> flagged = new HashSet<>();
        List<String> lines = Files.readAllLines(scores);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).endsWith(",1")) {
                flagged.add(i - 1);
            }
        }
        assertFalse(flagged.isEmpty());
        Path out = dir.resolve("flagged.csv");
        Run run = sgm("explain", "--model", model.toString(), "--data", planted.toString(), "--rows", "flagged",
                "--contamination", "0.05", "--top", "3", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains(flagged.size() + " of 1000 rows flagged"), run.err());
        List<Line> explained = read(out);
        Set<Integer> rows = new HashSet<>();
        explained.forEach(l -> rows.add(l.row()));
        assertEquals(flagged, rows);
        assertEquals(3 * flagged.size(), explained.size());
    }

    @Test
    void aTextColumnIsOneFeatureInTheExplanation() throws Exception {
        StringBuilder csv = new StringBuilder("a,colour,b,label\n");
        SplittableRandom r = new SplittableRandom(4);
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 300; i++) {
            boolean odd = i % 30 == 0;
            csv.append(r.nextGaussian()).append(',').append(odd ? "blue" : colours[r.nextInt(2)]).append(',')
                    .append(r.nextGaussian()).append(',').append(odd ? 1 : 0).append('\n');
        }
        Path data = dir.resolve("mixed.csv");
        Files.writeString(data, csv);
        Path model = dir.resolve("mixed.sgm");
        Run fit = sgm("fit", "--model", "sg-ae", "--data", data.toString(), "--epochs", "3", "--seed", "2", "--out",
                model.toString(), "--quiet");
        assertEquals(0, fit.status(), fit.err());
        Path out = dir.resolve("mixed-explained.csv");
        Run run = sgm("explain", "--model", model.toString(), "--data", data.toString(), "--top", "3", "--out",
                out.toString());
        assertEquals(0, run.status(), run.err());
        List<Line> lines = read(out);
        assertEquals(900, lines.size());
        for (int row = 0; row < 300; row++) {
            Set<String> features = new HashSet<>();
            for (int k = 0; k < 3; k++) {
                features.add(lines.get(3 * row + k).feature());
            }
            assertEquals(Set.of("a", "colour", "b"), features, "row " + row);
        }
    }

    /** More rows than one chunk ({@link ExplainCommand#CHUNK}): every row once, in order, as if explained alone. */
    @Test
    void aLargeFileIsExplainedInChunksWithTheSameContributions() throws Exception {
        Path big = dir.resolve("big.csv");
        Run synth = sgm("synth", "--kind", "planted", "--rows", String.valueOf(ExplainCommand.CHUNK + 904), "--seed",
                "3", "--out", big.toString());
        assertEquals(0, synth.status(), synth.err());
        Path model = dir.resolve("big.sgm");
        Run fit = sgm("fit", "--model", "ae", "--data", big.toString(), "--epochs", "2", "--seed", "1", "--out",
                model.toString(), "--quiet");
        assertEquals(0, fit.status(), fit.err());
        Path out = dir.resolve("big-explained.csv");
        Run run = sgm("explain", "--model", model.toString(), "--data", big.toString(), "--top", "1", "--steps", "16",
                "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        List<Line> lines = read(out);
        int n = ExplainCommand.CHUNK + 904;
        assertEquals(n, lines.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, lines.get(i).row());
        }
        FittedPipeline pipeline = FittedPipeline.load(model, SgmMain.registry());
        Table table = Table.read(big.toString(), pipeline.readOptions());
        int row = ExplainCommand.CHUNK + 500;
        Explanation alone = pipeline.explain(table.selectRows(new int[] {row}), Explanation.Method.GRADIENTS, 16);
        assertEquals(alone.top(0, 1).get(0).column(), lines.get(row).feature());
        // float products in a batch of another height differ in the last bits
        assertEquals(alone.top(0, 1).get(0).value(), lines.get(row).contribution(),
                1e-6 * Math.max(1, Math.abs(lines.get(row).contribution())));
        assertTrue(run.err().contains("completeness: contributions sum to score − baseline score within"), run.err());
    }

    /**
     * A model file written before explanations existed has no {@code trainingMedian}: it still explains, from the
     * zero feature vector, and says so; a trainingMedian of the wrong width is refused naming the file.
     */
    @Test
    void aModelFileWithoutTheTrainingMedianExplainsFromZero() throws Exception {
        Path model = fit(dir, "ae", planted);
        Path old = dir.resolve("old.sgm");
        Files.copy(model, old);
        org.sgm.core.testing.LegacyModelFiles.editMetadata(old,
                meta -> ((com.fasterxml.jackson.databind.node.ObjectNode) meta.get("preprocessing"))
                        .remove("trainingMedian"));
        Path out = dir.resolve("old.csv");
        Run run = sgm("explain", "--model", old.toString(), "--data", planted.toString(), "--top", "2", "--out",
                out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("integrated gradients from the zero feature vector"), run.err());
        assertEquals(2000, read(out).size());
        FittedPipeline loaded = FittedPipeline.load(old, SgmMain.registry());
        assertFalse(loaded.explain(Table.read(planted.toString(), loaded.readOptions()).selectRows(new int[] {0}),
                Explanation.Method.GRADIENTS, 8).medianBaseline());

        Path bad = dir.resolve("bad.sgm");
        Files.copy(model, bad);
        org.sgm.core.testing.LegacyModelFiles.editMetadata(bad,
                meta -> ((com.fasterxml.jackson.databind.node.ArrayNode) meta.get("preprocessing")
                        .get("trainingMedian")).remove(0));
        Run refused = sgm("explain", "--model", bad.toString(), "--data", planted.toString(), "--out",
                dir.resolve("bad.csv").toString());
        assertOneLine(refused, "trainingMedian is not a list of 20 numbers");
        assertTrue(refused.err().contains(bad.toString()), refused.err());
    }

    @Test
    void badRequestsFailWithOneLine() throws Exception {
        Path ae = fit(dir, "ae", planted);
        Path out = dir.resolve("x.csv");
        assertOneLine(sgm("explain", "--model", ae.toString(), "--data", planted.toString(), "--rows", "flagged",
                "--out", out.toString()), "--rows flagged needs a threshold rule");
        assertOneLine(sgm("explain", "--model", ae.toString(), "--data", planted.toString(), "--top", "0", "--out",
                out.toString()), "--top must be ≥ 1");
        assertOneLine(sgm("explain", "--model", ae.toString(), "--data", planted.toString(), "--method", "shap",
                "--out", out.toString()), "--method must be gradients or reconstruction");
        assertOneLine(sgm("explain", "--model", ae.toString(), "--data", planted.toString(), "--out",
                planted.toString()), "--out");
        Path iforest = fit(dir, "iforest", planted);
        assertOneLine(sgm("explain", "--model", iforest.toString(), "--data", planted.toString(), "--out",
                out.toString()), "has no input gradients");
        Path dsvdd = fit(dir, "dsvdd", planted);
        assertOneLine(sgm("explain", "--model", dsvdd.toString(), "--data", planted.toString(), "--method",
                "reconstruction", "--out", out.toString()), "does not reconstruct its input");
        assertFalse(Files.exists(out), "nothing written");
    }

    private static void assertOneLine(Run run, String fragment) {
        assertTrue(run.status() != 0, run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("sgm: error: ") && lines.get(0).contains(fragment), lines.get(0));
    }
}
