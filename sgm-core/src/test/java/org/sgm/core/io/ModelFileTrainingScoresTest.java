package org.sgm.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelFileException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.testing.LegacyModelFiles;
import org.sgm.core.threshold.Threshold;
import org.sgm.core.threshold.TrainingScoreSummary;

/** The optional training-score summary in the model file: written, read back exactly, absent in older files. */
class ModelFileTrainingScoresTest {
    @TempDir
    Path dir;

    private final DetectorRegistry registry = new DetectorRegistry(Map.of("mean", new ModelFileTest.MeanProvider()));
    private final FeatureMatrix x = FeatureMatrix.of(new double[][] {{1, 2}, {3, 5}, {0, -1}, {2, 2}, {9, 1}});

    private FittedDetector fitted() {
        return registry.create("mean", HyperparameterJson.read("{\"scale\": 1}")).fit(x, 0);
    }

    @Test
    void theSummaryRoundTripsAndGivesTheSameCutoffs() {
        FittedDetector m = fitted();
        TrainingScoreSummary summary = TrainingScoreSummary.of(m.score(x));
        Path file = dir.resolve("m.sgm");
        ModelFile.of(m, null, null).withTrainingScores(summary).write(file);

        ModelFile read = ModelFile.read(file);
        assertEquals(summary, read.trainingScores());
        for (Threshold t : new Threshold[] {Threshold.contamination(0.05), Threshold.contamination(0.2),
            Threshold.mad(), Threshold.mad(1.5)}) {
            assertEquals(t.cutoff(summary), t.cutoff(read.trainingScores()), 0.0, t.describe());
        }
        assertArrayEquals(m.score(x), read.restore(registry).score(x), 1e-9);
    }

    @Test
    void aFileWithoutTheSummaryIsTheOldFormatAndStillLoads() throws Exception {
        Path file = dir.resolve("old.sgm");
        ModelFile.of(fitted(), null, null).write(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String meta = new String(zip.getInputStream(zip.getEntry(ModelFile.METADATA)).readAllBytes());
            assertFalse(meta.contains("trainingScores"), "no summary key is written when there is none");
            assertTrue(meta.contains("\"formatVersion\" : 1"), meta);
        }
        ModelFile read = ModelFile.read(file);
        assertNull(read.trainingScores());
        assertEquals(5, read.restore(registry).score(x).length);
    }

    @Test
    void droppingTheSummaryFromANewFileGivesAReadableOldOne() throws Exception {
        FittedDetector m = fitted();
        Path file = dir.resolve("m.sgm");
        ModelFile.of(m, null, null).withTrainingScores(TrainingScoreSummary.of(m.score(x))).write(file);
        LegacyModelFiles.dropTrainingScores(file);
        ModelFile read = ModelFile.read(file);
        assertNull(read.trainingScores());
        assertArrayEquals(m.score(x), read.restore(registry).score(x), 1e-9);
    }

    @Test
    void aMalformedSummaryIsRefusedNamingTheFile() throws Exception {
        FittedDetector m = fitted();
        Path file = dir.resolve("bad.sgm");
        ModelFile.of(m, null, null).withTrainingScores(TrainingScoreSummary.of(m.score(x))).write(file);
        LegacyModelFiles.editMetadata(file, meta -> ((ObjectNode)
                meta.get("trainingScores")).putArray("quantiles").add(1.0));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertEquals(file + ": the training-score summary is malformed (quantiles must be an array of 1001 numbers)",
                e.getMessage());
    }
}
