package org.sgm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.UnknownDetectorException;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.metrics.RankingMetrics;
import org.sgm.eval.metrics.UndefinedMetricException;

/** An evaluation refuses, before fitting anything, data on which its metrics would be undefined. */
class EvaluationErrorsTest {
    private static final DetectorRegistry REGISTRY =
            Guice.createInjector(new SgmEvalModule()).getInstance(DetectorRegistry.class);

    @TempDir
    Path dir;

    private List<CellRecord> run(Path data, String model) {
        return new Evaluation(REGISTRY).run(List.of(data.toString()), List.of(model), Map.of(),
                EvaluationProtocol.defaults(), 1, line -> { });
    }

    private Path csv(String name, int normals, int anomalies) throws IOException {
        StringBuilder sb = new StringBuilder("a,b,label\n");
        for (int i = 0; i < normals + anomalies; i++) {
            sb.append(i % 5).append(',').append(i % 3).append(',').append(i < normals ? 0 : 1).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    @Test
    void oneClassOrASingleAnomalyMakesTheMetricsUndefined() throws IOException {
        Path normals = csv("normals.csv", 20, 0);
        UndefinedMetricException e = assertThrows(UndefinedMetricException.class, () -> run(normals, "ae"));
        assertTrue(e.getMessage().startsWith(normals + ": label column 'label' has 20 normal (0) and 0 anomalous (1)"
                + " row(s); ROC-AUC and average precision are undefined"), e.getMessage());
        Path one = csv("one.csv", 20, 1);
        assertThrows(UndefinedMetricException.class, () -> run(one, "ae"));
        Path anomalies = csv("anomalies.csv", 1, 20);
        assertThrows(UndefinedMetricException.class, () -> run(anomalies, "ae"));
        assertThrows(UndefinedMetricException.class,
                () -> RankingMetrics.rocAuc(new boolean[] {false, false}, new double[] {1, 2}));
    }

    @Test
    void noLabelColumnOrAnUnknownModelIsRefused() throws IOException {
        Path noLabel = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n3,4\n");
        assertEquals(noLabel + " has no label column 'label'",
                assertThrows(InvalidDataException.class, () -> run(noLabel, "ae")).getMessage());
        assertThrows(UnknownDetectorException.class, () -> run(csv("ok.csv", 20, 4), "nope"));
    }

    @Test
    void tinyDataWithTwoOfEachClassEvaluates() throws IOException {
        List<String> tiny = List.of(csv("tiny.csv", 2, 2).toString());
        List<CellRecord> results = new Evaluation(REGISTRY).run(tiny, List.of("ae"),
                Map.of("ae", HyperparameterJson.read("{\"training\": {\"epochs\": 1}}")),
                new EvaluationProtocol(0.5, 0, 1, "label"), 1, line -> { });
        assertEquals(1, results.size());
        assertTrue(Double.isFinite(results.get(0).metrics().get("roc_auc")));
    }
}
