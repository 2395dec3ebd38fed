package org.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.io.ModelFile;
import org.sgm.core.registry.DetectorRegistry;

/** README's "Use it from Java": SG-AE from sgm-models alone, on a double[][]; fit, save, load, score. */
class LibraryImportTest {

    @Test
    void fitSaveLoadScore() throws Exception {
        // 500 rows near the origin and 10 far away, 8 features (features only: labels never reach fit)
        Random random = new Random(1);
        double[][] rows = new double[510][8];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 8; j++) {
                rows[i][j] = random.nextGaussian() + (i >= 500 ? 6 : 0);
            }
        }

        // --- the README's snippet ---
        DetectorRegistry registry = DetectorRegistry.discover();  // every detector module on the classpath
        AnomalyDetector detector = registry.create("sg-ae", HyperparameterJson.read("{\"training\": {\"epochs\": 20}}"));
        FittedDetector model = detector.fit(FeatureMatrix.of(rows), 42);  // same data + seed -> same scores
        double[] scores = model.score(FeatureMatrix.of(rows));            // higher = more anomalous

        Path file = Files.createTempFile("sg-ae", ".sgm");
        ModelFile.of(model, null, null).write(file);                        // atomic: temp file, fsync, rename
        FittedDetector loaded = ModelFile.read(file).restore(registry);
        // --- end of the snippet ---

        assertArrayEquals(scores, loaded.score(FeatureMatrix.of(rows)), "the loaded model scores as the fitted one");
        double far = 0;
        double near = 0;
        for (int i = 0; i < rows.length; i++) {
            if (i >= 500) {
                far += scores[i] / 10;
            } else {
                near += scores[i] / 500;
            }
        }
        assertTrue(far > near, "the far rows score higher: " + far + " vs " + near);
        assertEquals("sg-ae", loaded.key());
        Files.delete(file);
    }

    @Test
    void onlySgmModelsAndItsDependenciesAreOnTheClasspath() {
        for (String absent : new String[] {"org.tribuo.Model", "org.apache.spark.SparkContext", "org.sgm.data.Table",
            "org.sgm.eval.Evaluation"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent + " is on the classpath");
        }
        String classpath = System.getProperty("java.class.path");
        assertFalse(classpath.contains("tribuo") || classpath.contains("spark"), classpath);
        assertTrue(classpath.contains("sgm-models") && classpath.contains("sgm-core"), classpath);
        assertEquals(java.util.Set.of("sg-ae", "ae", "sg-dsvdd", "dsvdd", "sg-rda", "rda", "sg-rsrae", "rsrae",
                "sg-dagmm", "dagmm"), DetectorRegistry.discover().providers().keySet());
    }
}
