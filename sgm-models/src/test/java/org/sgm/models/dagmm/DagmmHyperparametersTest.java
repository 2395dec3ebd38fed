package org.sgm.models.dagmm;

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

class DagmmHyperparametersTest {

    @Test
    void roundTripsThroughJson() {
        DagmmHyperparameters custom = new DagmmHyperparameters(List.of(12, 6), 2, 8, 3, 0.2, 0.01, 1e-5, 0.5, 7,
                new TrainingConfig(5, 32, 1e-3, 0.5, false), new ScoreGuidance(0.1, 10, 4, 95));
        for (DagmmHyperparameters hp : List.of(DagmmHyperparameters.defaults(), custom)) {
            String json = HyperparameterJson.toJson(hp);
            assertEquals(hp, HyperparameterJson.read(DagmmHyperparameters.class, DagmmHyperparameters.defaults(), json,
                    "test"));
        }
    }

    @Test
    void plainTwinDiffersOnlyInLambdaDE() {
        DagmmHyperparameters plain = new DagmmProvider(ScoreGuidedComponents.paper()).plain().defaults();
        assertEquals(0.0, plain.guidance().lambdaDE());
        assertEquals(DagmmHyperparameters.defaults().withGuidance(plain.guidance()), plain);
    }

    @Test
    void reportsEveryViolationAtOnce() {
        String json = "{\"hiddenDims\": [0, 4], \"latentDim\": 9, \"estimationHidden\": 0, \"components\": 0,"
                + " \"lambdaEnergy\": -1, \"lambdaCovariance\": -0.5, \"covarianceEpsilon\": 0, \"scorerHidden\": 0,"
                + " \"training\": {\"epochs\": 0}, \"guidance\": {\"epsilon\": 100}}";
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class,
                () -> HyperparameterJson.read(DagmmHyperparameters.class, DagmmHyperparameters.defaults(), json,
                        "test"));
        List<String> names = List.of("hiddenDims[0]", "latentDim", "estimationHidden", "components", "lambdaEnergy",
                "lambdaCovariance", "covarianceEpsilon", "scorerHidden", "training.epochs", "guidance.epsilon");
        assertEquals(names.size(), e.violations().size(), e.getMessage());
        for (String name : names) {
            assertTrue(e.violations().stream().anyMatch(v -> v.startsWith(name + " ")), name + " in " + e.getMessage());
        }
    }
}
