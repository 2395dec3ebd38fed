package org.sgm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.experiment.CellStore;
import org.sgm.eval.experiment.ExperimentException;
import org.sgm.eval.experiment.ExperimentRunner;

/**
 * The distributed grid in {@code local[2]}: a tiny spec (240 rows, AE for 2 epochs and Tribuo's k-means, 2 seeds)
 * through Spark and through the local runner gives the same cells; a deleted cell is rerun alone and identically;
 * a different spec into the same directory and an unregistered detector are refused; a backbone from another jar
 * runs on the executors.
 */
class SparkExperimentTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path spec;

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(SparkScorer.javaSupported(), "Spark 3.5 does not run on Java " + Runtime.version().feature());
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("a,b,colour,label\n");
        for (int i = 0; i < 240; i++) {
            boolean anomaly = i % 10 == 0;
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f,%s,%d%n", rng.nextGaussian() + (anomaly ? 5 : 0),
                    rng.nextGaussian() - (anomaly ? 5 : 0), List.of("red", "green", "blue").get(rng.nextInt(3)),
                    anomaly ? 1 : 0));
        }
        Files.writeString(dir.resolve("data.csv"), sb.toString());
        spec = writeSpec("exp.json", 0.02);
        spark = SparkSession.builder().master("local[2]").appName("SparkExperimentTest")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate();
    }

    private static Path writeSpec(String name, double noise) throws IOException {
        return Files.writeString(dir.resolve(name), """
                {"name": "tiny", "datasets": ["data.csv"],
                 "detectors": [{"key": "ae", "hyperparameters": {"training": {"epochs": 2}}}, "tribuo-kmeans"],
                 "seeds": 2, "protocol": {"noise": %s}}""".formatted(noise));
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** A cell without what a rerun does not reproduce (timings, finishedAt, the epochs' millis). */
    private static JsonNode reproducible(CellRecord c) {
        ObjectNode n = HyperparameterJson.mapper().valueToTree(c);
        n.remove(List.of("fitSeconds", "scoreSeconds", "finishedAt"));
        n.get("history").forEach(e -> ((ObjectNode) e).remove("millis"));
        return n;
    }

    private static List<JsonNode> cells(Path out) {
        return CellStore.readAll(out).stream().map(SparkExperimentTest::reproducible).toList();
    }

    @Test
    void sparkGivesTheLocalRunnersCellsResumesOneCellAndRefusesAnotherSpec() throws IOException {
        Path viaSpark = dir.resolve("spark");
        List<String> lines = new ArrayList<>();
        ExperimentRunner.Summary s = SparkExperimentMain.run(spark, spec, viaSpark, List.of(), lines::add);
        assertEquals(4, s.ran());
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("4 to run on Spark (master local[2], 2 task slot(s))"), lines.get(0));
        assertTrue(lines.get(4).matches("\\[4/4] data × \\S+ × seed \\d: ROC-AUC \\d\\.\\d{4}, AP \\d\\.\\d{4} \\(fit "
                + "\\d+\\.\\d s\\); elapsed \\d+:\\d\\d, ETA 0:00"), lines.get(4));

        Path local = dir.resolve("local");
        ExperimentRunner.run(spec, local, 2, ModelCache.registry(), line -> { });
        List<JsonNode> expected = cells(local);
        assertEquals(4, expected.size());
        assertEquals(2, expected.get(0).get("history").size(), "AE's 2 epochs");
        assertTrue(expected.get(0).get("testScores").size() == 48, "20 % of 240 rows");
        assertEquals(expected, cells(viaSpark));

        // resume: only the deleted cell runs, and it comes back identical
        Files.delete(CellStore.file(viaSpark, "data__ae__seed1"));
        lines.clear();
        ExperimentRunner.Summary again = SparkExperimentMain.run(spark, spec, viaSpark, List.of(), lines::add);
        assertEquals(1, again.ran());
        assertEquals(3, again.skipped());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("[4/4] data × ae × seed 1: "), lines.get(1));
        assertEquals(expected, cells(viaSpark));

        // another experiment into the same directory is refused, as locally, before any cell
        Path other = writeSpec("other.json", 0.03);
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> SparkExperimentMain.run(spark, other, viaSpark, List.of(), line -> { }));
        assertTrue(e.getMessage().contains("holds another experiment (protocol.noise: 0.02 there, 0.03 here)"),
                e.getMessage());
        assertEquals(expected, cells(viaSpark));
    }

    @Test
    void anUnregisteredDetectorIsRefusedUpFront() throws IOException {
        Path nope = Files.writeString(dir.resolve("nope.json"), """
                {"name": "v", "datasets": ["data.csv"], "detectors": ["sg-nope"], "seeds": 1}""");
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> SparkExperimentMain.run(spark, nope, dir.resolve("nope"), List.of(), line -> { }));
        assertTrue(e.getMessage().startsWith("detectors: sg-nope is not registered on this classpath"),
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("nope")), "nothing written");
    }

    /**
     * The VAE example's module is on this test classpath only as the sgm-examples jar's META-INF/services entry
     * (sgm-spark's code names it nowhere): the driver and the executors discover it, and its cells equal the local
     * runner's.
     */
    @Test
    void aBackboneFromAnotherJarRunsOnTheExecutors() throws IOException {
        Path vae = Files.writeString(dir.resolve("vae.json"), """
                {"name": "v", "datasets": ["data.csv"],
                 "detectors": [{"key": "sg-vae", "hyperparameters": {"training": {"epochs": 2}}}], "seeds": 1}""");
        Path viaSpark = dir.resolve("vae-spark");
        ExperimentRunner.Summary s = SparkExperimentMain.run(spark, vae, viaSpark, List.of(), line -> { });
        assertEquals(1, s.ran());
        Path local = dir.resolve("vae-local");
        ExperimentRunner.run(vae, local, 1, ModelCache.registry(), line -> { });
        assertEquals(cells(local), cells(viaSpark));
        assertEquals("sg-vae", cells(viaSpark).get(0).get("detectorKey").asText());
    }

    @Test
    void aFailingCellIsRecordedOnTheDriverAndSplitsAreExportedAsLocally() throws IOException {
        Path spec = Files.writeString(dir.resolve("diverging.json"), """
                {"name": "diverging", "datasets": ["data.csv"], "seeds": 1, "exportSplits": true,
                 "detectors": [{"key": "sg-ae", "name": "hot", "hyperparameters": {"training": {"epochs": 2,
                                "learningRate": 1e30}}}, "tribuo-kmeans"]}""");
        Path out = dir.resolve("diverging");
        List<String> lines = new ArrayList<>();
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> SparkExperimentMain.run(spark, spec, out, List.of(), lines::add));
        assertTrue(e.getMessage().startsWith("1 of 2 cells failed (the others are saved; messages in "
                + out.resolve("failed")), e.getMessage());
        assertTrue(CellStore.isFinished(out, "data__tribuo-kmeans__seed0"));
        assertTrue(Files.readString(CellStore.failureFile(out, "data__hot__seed0")).startsWith("training diverged"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("data × hot × seed 0: FAILED: training diverged")),
                lines.toString());

        Path local = dir.resolve("diverging-local");
        assertThrows(ExperimentException.class,
                () -> ExperimentRunner.run(spec, local, 2, ModelCache.registry(), line -> { }));
        for (String f : List.of("data__seed0.train.csv", "data__seed0.test.csv")) {
            assertEquals(Files.readString(local.resolve("splits").resolve(f)),
                    Files.readString(out.resolve("splits").resolve(f)), f);
        }
        assertEquals(cells(local), cells(out));
    }
}
