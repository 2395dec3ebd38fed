package org.sgm.eval.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.eval.Evaluation;

/** Runs small experiments into directories: resume, refusals, failures, exported splits. */
class ExperimentRunnerTest {
    private static final DetectorRegistry REGISTRY = ExperimentSpecTest.REGISTRY;

    @TempDir
    Path dir;

    /** 240 rows: two numeric columns, a text column and a label; anomalies far from the normal cloud. */
    static Path data(Path dir) throws IOException {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("a,b,colour,label\n");
        for (int i = 0; i < 240; i++) {
            boolean anomaly = i % 10 == 0;
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f,%s,%d%n", rng.nextGaussian() + (anomaly ? 5 : 0),
                    rng.nextGaussian() - (anomaly ? 5 : 0), List.of("red", "green", "blue").get(rng.nextInt(3)),
                    anomaly ? 1 : 0));
        }
        return Files.writeString(dir.resolve("data.csv"), sb.toString());
    }

    private Path spec(String extra) throws IOException {
        data(dir);
        return Files.writeString(dir.resolve("exp.json"), """
                {"name": "tiny", "datasets": ["data.csv"],
                 "detectors": [{"key": "ae", "hyperparameters": {"training": {"epochs": 2}}}, "tribuo-ocsvm"],
                 "seeds": 2, "protocol": {"noise": 0.02}%s}""".formatted(extra));
    }

    @Test
    void cellsOfModelsWithInputGradientsExplainTheirScoresByInputColumn() throws IOException {
        Path out = dir.resolve("out");
        List<CellRecord> cells = ExperimentRunner.run(spec(""), out, 2, REGISTRY, l -> { }).cells();
        for (CellRecord c : cells) {
            CellRecord.Attributions a = c.attributions();
            if (c.model().equals("tribuo-ocsvm")) {
                assertEquals(null, a, "a baseline has no input gradients");
                continue;
            }
            assertEquals(List.of("a", "b", "colour"), a.columns(), "one-hot features folded into their column");
            int anomalies = (int) java.util.Arrays.stream(c.testLabels()).filter(l -> l == 1).count();
            assertEquals(anomalies, a.anomalousRows());
            assertEquals(c.testLabels().length - anomalies, a.normalRows());
            assertTrue(a.completenessError() <= 0.05, "completeness " + a.completenessError());
            // anomalies are shifted by +5 in a and −5 in b; colour is random
            for (int j = 0; j < 2; j++) {
                assertTrue(a.anomalous()[j] > a.normal()[j], c.id() + ": " + java.util.Arrays.toString(a.anomalous())
                        + " vs " + java.util.Arrays.toString(a.normal()));
                assertTrue(a.anomalous()[j] > a.anomalous()[2], c.id() + ": " + a.columns());
            }
            CellRecord back = CellStore.read(out.resolve("cells").resolve(c.id() + ".json"));
            assertEquals(a.columns(), back.attributions().columns());
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.anomalous(), back.attributions().anomalous());
        }
        Path file = out.resolve("cells").resolve("data__ae__seed0.json");
        String text = Files.readString(file);
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("attributions").get("anomalous")).remove(0);
        Files.writeString(file, json.toString());
        CellStore.DamagedCellException e = org.junit.jupiter.api.Assertions.assertThrows(
                CellStore.DamagedCellException.class, () -> CellStore.read(file));
        assertTrue(e.getMessage().contains("attributions need columns, anomalous and normal of the same length"),
                e.getMessage());
    }

    @Test
    void aRerunSkipsFinishedCellsAndRecomputesTheMissingOneIdentically() throws IOException {
        Path spec = spec("");
        Path out = dir.resolve("out");
        List<String> lines = new ArrayList<>();
        ExperimentRunner.Summary first = ExperimentRunner.run(spec, out, 2, REGISTRY, lines::add);
        assertEquals(4, first.total());
        assertEquals(4, first.ran());
        assertEquals(0, first.skipped());
        assertEquals(List.of("data__ae__seed0", "data__ae__seed1", "data__tribuo-ocsvm__seed0",
                "data__tribuo-ocsvm__seed1"), first.cells().stream().map(CellRecord::id).toList());
        assertEquals("experiment tiny: 4 cells (1 datasets × 2 detectors × 2 seeds); 4 to run on 2 thread(s)",
                lines.get(0));
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(4).matches("\\[4/4] data × \\S+ × seed \\d: ROC-AUC \\d\\.\\d{4}, AP \\d\\.\\d{4} \\(fit "
                + "\\d+\\.\\d s\\); elapsed \\d+:\\d\\d, ETA 0:00"), lines.get(4));

        CellRecord ae1 = CellStore.read(CellStore.file(out, "data__ae__seed1"));
        assertEquals("data.csv", ae1.dataSource());
        assertEquals(64, ae1.dataSha256().length());
        assertEquals(2, ae1.history().size());
        assertEquals(2, ae1.hyperparameters().get("training").get("epochs").intValue());
        assertEquals(32, ae1.hyperparameters().get("training").get("batchSize").intValue(),
                "the effective hyperparameters: the batch size resolved from the 192 training rows (192 / 16 = 12,"
                        + " raised to the automatic minimum 32)");
        assertEquals(0.02, ae1.protocol().get("noise").doubleValue());
        assertEquals(ae1.testScores().length, ae1.testLabels().length);
        assertEquals(48, ae1.testLabels().length, "20 % of 240 rows");
        assertTrue(ae1.versions().containsKey("sgm") && ae1.versions().containsKey("tribuo"), ae1.versions()
                .toString());

        Files.delete(CellStore.file(out, "data__ae__seed1"));
        lines.clear();
        ExperimentRunner.Summary second = ExperimentRunner.run(spec, out, 1, REGISTRY, lines::add);
        assertEquals(3, second.skipped());
        assertEquals(1, second.ran());
        assertEquals(4, second.cells().size());
        assertTrue(lines.get(0).endsWith("4 cells (1 datasets × 2 detectors × 2 seeds), 3 finished before; 1 to run"
                + " on 1 thread(s)"), lines.get(0));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("[4/4] data × ae × seed 1: "), lines.get(1));
        CellRecord again = CellStore.read(CellStore.file(out, "data__ae__seed1"));
        assertArrayEquals(ae1.testScores(), again.testScores(), 0.0);
        assertEquals(ae1.metrics(), again.metrics());

        lines.clear();
        ExperimentRunner.Summary third = ExperimentRunner.run(spec, out, 2, REGISTRY, lines::add);
        assertEquals(0, third.ran());
        assertEquals(4, third.skipped());
        assertEquals(1, lines.size(), "nothing left to run: " + lines);
    }

    @Test
    void onlyRunsTheNamedModelsAndALaterRunFinishesTheRest() throws IOException {
        Path spec = spec("");
        Path out = dir.resolve("out");
        List<String> lines = new ArrayList<>();
        ExperimentRunner.Summary first = ExperimentRunner.run(spec, out, 1, REGISTRY, lines::add,
                List.of("tribuo-ocsvm"));
        assertEquals(2, first.ran());
        assertEquals(List.of("data__tribuo-ocsvm__seed0", "data__tribuo-ocsvm__seed1"),
                first.cells().stream().map(CellRecord::id).toList());
        assertTrue(lines.get(0).endsWith("4 cells (1 datasets × 2 detectors × 2 seeds), 2 left for a later run"
                + " (--only); 2 to run on 1 thread(s)"), lines.get(0));
        assertTrue(lines.get(2).startsWith("[2/2] "), lines.get(2));

        ExperimentRunner.Summary rest = ExperimentRunner.run(spec, out, 1, REGISTRY, l -> { });
        assertEquals(2, rest.skipped());
        assertEquals(2, rest.ran());
        assertEquals(4, rest.cells().size());

        ExperimentException unknown = assertThrows(ExperimentException.class, () -> ExperimentRunner.run(spec, out, 1,
                REGISTRY, l -> { }, List.of("sg-ae")));
        assertEquals("--only: 'sg-ae' is not a detector of " + spec + " (its detectors: ae, tribuo-ocsvm)",
                unknown.getMessage());
    }

    @Test
    void theSameCellFunctionServesSgmEvaluate() throws IOException {
        Path spec = spec("");
        Path out = dir.resolve("out");
        List<CellRecord> cells = ExperimentRunner.run(spec, out, 2, REGISTRY, l -> { }).cells();
        List<CellRecord> results = new Evaluation(REGISTRY).run(List.of(dir.resolve("data.csv").toString()),
                List.of("ae", "tribuo-ocsvm"), Map.of("ae", org.sgm.core.hyper.HyperparameterJson.read(
                        "{\"training\": {\"epochs\": 2}}")),
                ExperimentSpec.read(spec).evaluationProtocol(), 2, l -> { });
        assertEquals(4, results.size());
        for (CellRecord r : results) {
            CellRecord c = cells.stream().filter(x -> x.model().equals(r.model()) && x.seed() == r.seed())
                    .findFirst().orElseThrow();
            assertEquals(c.metrics().get("roc_auc"), r.metrics().get("roc_auc"), 0.0, c.id());
            assertEquals(c.metrics().get("average_precision"), r.metrics().get("average_precision"), 0.0, c.id());
        }
    }

    @Test
    void evaluateRefusesTwoDatasetsOfOneName() throws IOException {
        Path a = data(Files.createDirectories(dir.resolve("a")));
        Path b = data(Files.createDirectories(dir.resolve("b")));
        org.sgm.core.SgmException e = assertThrows(org.sgm.core.SgmException.class, () -> new Evaluation(REGISTRY)
                .run(List.of(a.toString(), b.toString()), List.of("ae"), Map.of(),
                        org.sgm.eval.EvaluationProtocol.defaults(), 1, l -> { }));
        assertEquals(b + " and " + a + " are both named 'data'; results are named after their dataset, so names must"
                + " be unique (rename a file)", e.getMessage());
    }

    @Test
    void anotherExperimentInTheSameDirectoryIsRefusedButAnotherThreadCountIsNot() throws IOException {
        Path spec = spec(", \"threads\": 1");
        Path out = dir.resolve("out");
        ExperimentRunner.run(spec, out, null, REGISTRY, l -> { });
        Files.writeString(spec, Files.readString(spec).replace("\"threads\": 1", "\"threads\": 2"));
        assertEquals(4, ExperimentRunner.run(spec, out, null, REGISTRY, l -> { }).skipped());
        Files.writeString(spec, Files.readString(spec).replace("0.02", "0.03"));
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> ExperimentRunner.run(spec, out, null, REGISTRY, l -> { }));
        assertEquals(out.resolve("spec.json") + " holds another experiment (protocol.noise: 0.02 there, 0.03 here);"
                + " a run resumes only the same experiment: choose another --out for this spec", e.getMessage());

        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(out.resolve(".lock"),
                java.nio.file.StandardOpenOption.WRITE); java.nio.channels.FileLock held = ch.lock()) {
            e = assertThrows(ExperimentException.class, () -> ExperimentRunner.run(spec, out, 1, REGISTRY, l -> { }));
            assertEquals(out + " is in use by another experiment run (wait for it to end)", e.getMessage());
            assertTrue(held.isValid());
        }

        Path notEmpty = Files.createDirectories(dir.resolve("home"));
        Files.writeString(notEmpty.resolve("notes.txt"), "mine");
        e = assertThrows(ExperimentException.class, () -> ExperimentRunner.run(spec, notEmpty, 1, REGISTRY, l -> { }));
        assertTrue(e.getMessage().contains("is not empty (notes.txt) and holds no spec.json"), e.getMessage());
    }

    @Test
    void damagedCellFilesAreNamedAndLeftoverTemporaryFilesAreNotCells() throws IOException {
        Path spec = spec("");
        Path out = dir.resolve("out");
        ExperimentRunner.run(spec, out, 2, REGISTRY, l -> { });
        Path leftover = out.resolve("cells").resolve(".data__ae__seed0.json.123.tmp");
        Files.writeString(leftover, "{\"id\": \"data__ae");
        assertEquals(4, CellStore.readAll(out).size(), "a hidden temporary file is not a cell");
        Path cell = CellStore.file(out, "data__ae__seed0");
        Files.writeString(cell, Files.readString(cell).substring(0, 200));
        ExperimentException e = assertThrows(ExperimentException.class, () -> CellStore.readAll(out));
        assertTrue(e.getMessage().startsWith(cell + ": damaged cell file (not a cell record: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("delete it to run the cell again"), e.getMessage());
        String good = Files.readString(CellStore.file(out, "data__ae__seed1"));
        Files.writeString(cell, good);
        List<String> lines = new ArrayList<>();
        ExperimentRunner.run(spec, out, 1, REGISTRY, lines::add);
        Path aside = out.resolve("damaged").resolve(cell.getFileName());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("sgm: " + cell + ": damaged cell file (it holds cell "
                + "'data__ae__seed1', not 'data__ae__seed0'); moved to " + aside + " and the cell runs again")),
                lines.toString());
        assertEquals(good, Files.readString(aside), "the damaged file is kept, aside");
        assertEquals("data__ae__seed0", CellStore.read(cell).id(), "the cell ran again");
        assertEquals(4, CellStore.readAll(out).size());
        assertFalse(Files.exists(leftover), "a resumed run removes what a killed write left");
    }

    @Test
    void aFailingCellIsRecordedAndTheOthersFinish() throws IOException {
        data(dir);
        Path spec = Files.writeString(dir.resolve("exp.json"), """
                {"name": "diverging", "datasets": ["data.csv"], "seeds": 1,
                 "detectors": [{"key": "sg-ae", "name": "hot", "hyperparameters": {"training": {"epochs": 2,
                                "learningRate": 1e30}}}, {"key": "ae", "hyperparameters": {"training": {"epochs": 1}}}]}
                """);
        Path out = dir.resolve("out");
        List<String> lines = new ArrayList<>();
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> ExperimentRunner.run(spec, out, 2, REGISTRY, lines::add));
        assertTrue(e.getMessage().startsWith("1 of 2 cells failed (the others are saved; messages in "
                + out.resolve("failed")), e.getMessage());
        assertTrue(e.getMessage().contains("data__hot__seed0: training diverged in epoch 1"), e.getMessage());
        assertTrue(CellStore.isFinished(out, "data__ae__seed0"));
        assertFalse(CellStore.isFinished(out, "data__hot__seed0"));
        assertTrue(Files.readString(CellStore.failureFile(out, "data__hot__seed0")).startsWith("training diverged"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("data × hot × seed 0: FAILED: training diverged")),
                lines.toString());
    }

    @Test
    void exportedSplitsAreTheRowsTheCellsScored() throws IOException {
        Path spec = spec(", \"exportSplits\": true");
        Path out = dir.resolve("out");
        ExperimentRunner.run(spec, out, 2, REGISTRY, l -> { });
        CellRecord cell = CellStore.read(CellStore.file(out, "data__tribuo-ocsvm__seed1"));
        List<String> train = Files.readAllLines(out.resolve("splits/data__seed1.train.csv"));
        List<String> test = Files.readAllLines(out.resolve("splits/data__seed1.test.csv"));
        assertEquals("a,b,colour=blue,colour=green,colour=red", train.get(0));
        assertEquals("a,b,colour=blue,colour=green,colour=red,label", test.get(0));
        int trainRows = train.size() - 1;
        assertTrue(trainRows >= 192 && trainRows <= 192 + 4, "192 rows plus 2 % swap-noise rows: " + trainRows);
        assertEquals(cell.testLabels().length, test.size() - 1);
        String labels = test.stream().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1))
                .collect(Collectors.joining());
        String expected = java.util.Arrays.stream(cell.testLabels()).mapToObj(Integer::toString)
                .collect(Collectors.joining());
        assertEquals(expected, labels);
        // The training part is z-scored on its clean rows, so a numeric column has mean ≈ 0 there.
        double sum = train.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[0])).sum();
        assertEquals(0, sum / trainRows, 0.1);
        // A rerun with every cell finished writes splits that were deleted.
        Files.delete(out.resolve("splits/data__seed0.test.csv"));
        ExperimentRunner.run(spec, out, 2, REGISTRY, l -> { });
        assertTrue(Files.exists(out.resolve("splits/data__seed0.test.csv")));
    }
}
