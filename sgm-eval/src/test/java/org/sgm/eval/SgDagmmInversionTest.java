package org.sgm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.eval.experiment.CellRecord;

/**
 * SG-DAGMM's inversion (docs/models/sg-dagmm.md): on thyroid, protocol {@code paper}, seed 2, the scoring network
 * of a single network alone ranks the test anomalies *below* the normals — the energy's top decile spans two
 * opposite tails of z and the scorer fits the normal one — while the default test score, which adds the energy
 * (and averages five members), does not. Skipped where the shared datasets are absent.
 */
class SgDagmmInversionTest {
    private static final Path THYROID = Path.of("../../shared/datasets/thyroid.csv");

    @Test
    void theScorerAloneIsInvertedAndTheDefaultScoreIsNot() {
        assumeTrue(Files.isRegularFile(THYROID), "no " + THYROID.toAbsolutePath());
        DetectorRegistry registry = Guice.createInjector(new SgmEvalModule()).getInstance(DetectorRegistry.class);
        EvaluationProtocol protocol = EvaluationProtocol.of(EvaluationProtocol.Kind.PAPER, 3);
        List<CellRecord> combined = new Evaluation(registry).run(List.of(THYROID.toString()), List.of("sg-dagmm"),
                Map.of(), protocol, 1, line -> { });
        List<CellRecord> scorer = new Evaluation(registry).run(List.of(THYROID.toString()), List.of("sg-dagmm"),
                Map.of("sg-dagmm", HyperparameterJson.read(
                        "{\"guidance\": {\"testScore\": \"scorer\"}, \"training\": {\"members\": 1}}")), protocol,
                1, line -> { });
        assertEquals(2, combined.get(2).seed());
        assertEquals(2, scorer.get(2).seed());
        double inverted = scorer.get(2).metrics().get("roc_auc");
        double fixed = combined.get(2).metrics().get("roc_auc");
        assertTrue(inverted < 0.5, "the scorer alone, seed 2: ROC-AUC " + inverted);
        assertTrue(fixed >= 0.8, "the default test score, seed 2: ROC-AUC " + fixed);
    }
}
