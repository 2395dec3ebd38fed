package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.experiment.CellStore;
import org.sgm.eval.experiment.ExperimentPlan;
import org.sgm.eval.experiment.ExperimentRunner;
import org.sgm.eval.experiment.ExperimentSpec;
import org.sgm.cli.CliRoundTripTest.Run;

/** {@code sgm experiment run|report}: a run killed with SIGKILL and run again ends as an uninterrupted one. */
class ExperimentCliTest {
    private static final String SPEC = """
            {"name": "kill", "datasets": ["builtin:cardio"], "seeds": 3,
             "detectors": [{"key": "sg-ae", "hyperparameters": {"training": {"epochs": 20}}},
                           {"key": "ae", "hyperparameters": {"training": {"epochs": 20}}}]}""";

    @TempDir
    Path dir;

    /** A run ends with status 0 once every cell is saved and the report written. */
    private static void assertFinished(Run run) {
        assertEquals(0, run.status(), run.err());
    }

    /** A cell without what a rerun may change: timings and the time it finished. */
    private static String reproducible(CellRecord c) throws JsonProcessingException {
        ObjectNode n = HyperparameterJson.mapper().valueToTree(c);
        n.remove(List.of("fitSeconds", "scoreSeconds", "finishedAt"));
        n.withArray("history").forEach(e -> ((ObjectNode) e).remove("millis"));
        return HyperparameterJson.mapper().writeValueAsString(n);
    }

    @Test
    void aRunKilledWithSigkillAndRunAgainEndsWithTheCellsOfAnUninterruptedRun() throws Exception {
        Path spec = Files.writeString(dir.resolve("kill.json"), SPEC);
        Path killed = dir.resolve("killed");
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=2G", "-cp",
                System.getProperty("java.class.path"), SgmMain.class.getName(), "experiment", "run", spec.toString(),
                "--out", killed.toString(), "--threads", "1").redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            while (CellStore.cellFiles(killed).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        int saved = CellStore.cellFiles(killed).size();
        assertTrue(saved >= 1 && saved < 6, "killed after the first cell and before the last: " + saved
                + " cell files\n" + Files.readString(log));
        assertEquals(saved, CellStore.readAll(killed).size(), "every visible cell file is a whole cell");

        Run rerun = CliRoundTripTest.sgm("experiment", "run", spec.toString(), "--out", killed.toString(),
                "--threads", "2");
        assertFinished(rerun);
        assertTrue(rerun.err().contains("6 cells (1 datasets × 2 detectors × 3 seeds), " + saved
                + " finished before; " + (6 - saved) + " to run"), rerun.err());
        assertTrue(rerun.err().contains("[6/6] "), rerun.err());
        try (Stream<Path> s = Files.list(killed.resolve("cells"))) {
            assertEquals(6, s.filter(f -> f.getFileName().toString().endsWith(".json")).count());
        }
        try (Stream<Path> s = Files.list(killed.resolve("cells"))) {
            assertEquals(List.of(), s.filter(f -> !f.getFileName().toString().endsWith(".json")).toList(),
                    "no temporary file is left");
        }

        Path whole = dir.resolve("whole");
        List<CellRecord> expected = ExperimentRunner.run(spec, whole, 2, SgmMain.registry(), line -> { }).cells();
        List<CellRecord> actual = CellStore.readAll(killed);
        assertEquals(6, expected.size());
        assertEquals(expected.stream().map(CellRecord::id).toList(), actual.stream().map(CellRecord::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(reproducible(expected.get(i)), reproducible(actual.get(i)), expected.get(i).id());
        }
        assertEquals(Files.readString(whole.resolve("spec.json")), Files.readString(killed.resolve("spec.json")));
    }

    @Test
    void usageAndUserErrors() throws Exception {
        assertEquals(2, CliRoundTripTest.sgm("experiment").status());
        Run noOut = CliRoundTripTest.sgm("experiment", "run", "x.json");
        assertEquals(2, noOut.status());
        assertTrue(noOut.err().startsWith("sgm: error: Missing required option: '--out=DIR'"), noOut.err());

        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"name": "b", "datasets": ["builtin:wbc"], "detectors": [{"key": "ae", "epochs": 3}],
                 "protocol": {"kind": "papr"}}""");
        Run refused = CliRoundTripTest.sgm("experiment", "run", bad.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, refused.status());
        assertEquals("sgm: error: " + bad + ": 2 problems: detectors[0].epochs is not a known field (known here: key,"
                + " name, hyperparameters); protocol.kind: unknown protocol 'papr'; known: stratified, paper, adbench,"
                + " pyod, clean", refused.err().strip());
        assertTrue(Files.notExists(dir.resolve("o")), "nothing is written before the spec is valid");

        Path unknown = Files.writeString(dir.resolve("unknown.json"), """
                {"name": "u", "datasets": ["builtin:wbc"], "detectors": ["ae", "isolation-forest"]}""");
        Run noKey = CliRoundTripTest.sgm("experiment", "run", unknown.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, noKey.status());
        assertTrue(noKey.err().startsWith("sgm: error: unknown model 'isolation-forest'; known models: ae, dagmm,"),
                noKey.err());

        Run spark = CliRoundTripTest.sgm("experiment", "run", unknown.toString(), "--out", dir.resolve("o").toString(),
                "--spark-master", "local[2]");
        assertEquals(1, spark.status());
        assertTrue(spark.err().startsWith("sgm: error: --spark-master: the distributed grid runs in sgm-spark,"),
                spark.err());
        assertTrue(Files.notExists(dir.resolve("o")), "nothing is written");

        Run notExperiment = CliRoundTripTest.sgm("experiment", "report", dir.toString());
        assertEquals(1, notExperiment.status());
        assertEquals("sgm: error: " + dir + " is not an experiment directory (it has no spec.json; `sgm experiment"
                + " run SPEC.json --out DIR` makes one)", notExperiment.err().strip());
    }

    @Test
    void reportReadsTheCellsAndSaysWhichAreMissing() throws Exception {
        Path spec = Files.writeString(dir.resolve("r.json"), """
                {"name": "r", "datasets": ["builtin:wbc"], "seeds": 2, "threads": 2,
                 "detectors": [{"key": "ae", "hyperparameters": {"training": {"epochs": 2}}}, "tribuo-ocsvm"]}""");
        Path out = dir.resolve("out");
        Run run = CliRoundTripTest.sgm("experiment", "run", spec.toString(), "--out", out.toString());
        assertFinished(run);
        assertTrue(run.err().contains("sgm: 4 cells finished (4 now, 0 before)"), run.err());
        Files.delete(CellStore.file(out, "wbc__tribuo-ocsvm__seed1"));
        Run report = CliRoundTripTest.sgm("experiment", "report", out.toString());
        assertFinished(report);
        assertTrue(report.err().contains("sgm: warning: 1 of the spec's 4 cells are not finished; the report covers"
                + " the 3 cell file(s) there are"), report.err());
    }

    @Test
    void theBundledExperimentIsValidAndSmall() {
        Path small = Path.of("..", "sgm-examples", "experiments", "small.json");
        ExperimentSpec spec = ExperimentSpec.read(small);
        ExperimentPlan plan = ExperimentPlan.of(spec, small.getParent(), SgmMain.registry());
        assertEquals(18, plan.cells().size());
        assertTrue(spec.datasets().stream().allMatch(d -> d.startsWith("builtin:")), "runs from a clean clone");
        assertTrue(plan.models().stream().allMatch(m -> !m.hyperparameters().has("training")
                || m.hyperparameters().get("training").get("epochs").intValue() <= 20), "few epochs");
    }
}
