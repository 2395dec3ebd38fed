package org.sgm.examples.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.anomaly.evaluation.AnomalyEvaluation;

/** The runnable examples run, on few epochs, and leave what they promise. */
class RunnableExamplesTest {
    @Test
    void anExperimentFromJavaLeavesCellsAndAReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("exp");
        ExperimentFromJava.main(new String[] {out.toString(), "2"});
        try (var cells = Files.list(out.resolve("cells"))) {
            assertEquals(2 * 3 * 2, cells.count(), "2 datasets × 3 detectors × 2 seeds");
        }
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("sg-ae"));
    }

    @Test
    void sgmInsideTribuoIsEvaluatedByTribuo() {
        AnomalyEvaluation e = SgmInsideTribuo.run(5);
        assertEquals(378, e.getTrueNegatives() + e.getFalsePositives() + e.getTruePositives() + e.getFalseNegatives(),
                "every wbc row predicted");
        assertTrue(e.getTruePositives() > 0, "some anomaly flagged: " + e);
    }
}
