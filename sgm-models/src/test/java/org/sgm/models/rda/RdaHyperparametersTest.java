package org.sgm.models.rda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.hyper.InvalidHyperparametersException;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.train.ScoreGuidedComponents;

class RdaHyperparametersTest {

    @Test
    void roundTripsThroughJson() {
        RdaHyperparameters custom = new RdaHyperparameters(List.of(6, 3), 0.25, 80.0, 4, 7,
                new TrainingConfig(5, 32, 1e-3, 0.5, false), new ScoreGuidance(0.1, 10, 4, 95));
        for (RdaHyperparameters hp : List.of(RdaHyperparameters.defaults(), custom)) {
            String json = HyperparameterJson.toJson(hp);
            assertEquals(hp, HyperparameterJson.read(RdaHyperparameters.class, RdaHyperparameters.defaults(), json,
                    "test"));
        }
    }

    @Test
    void lambdaIsRelativeToTheTypicalRowNorm() {
        assertEquals(2.0, RdaHyperparameters.defaults().lambda(4), 1e-12);
        RdaHyperparameters plain = new RdaProvider(ScoreGuidedComponents.paper()).plain().defaults();
        assertEquals(0.0, plain.guidance().lambdaDE());
        assertEquals(RdaHyperparameters.defaults().withGuidance(plain.guidance()), plain);
    }

    @Test
    void reportsEveryViolationAtOnce() {
        String json = "{\"hiddenDims\": [3, -1], \"lambdaScale\": 0, \"innerEpochs\": 0, \"scorerHidden\": 0,"
                + " \"training\": {\"batchSize\": 0, \"learningRate\": -1}, \"guidance\": {\"margin\": 0}}";
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class,
                () -> HyperparameterJson.read(RdaHyperparameters.class, RdaHyperparameters.defaults(), json, "test"));
        List<String> names = List.of("hiddenDims[1]", "lambdaScale", "innerEpochs", "scorerHidden",
                "training.batchSize", "training.learningRate", "guidance.margin");
        assertEquals(names.size(), e.violations().size(), e.getMessage());
        for (String name : names) {
            assertTrue(e.violations().stream().anyMatch(v -> v.startsWith(name + " ")), name + " in " + e.getMessage());
        }
    }
}
