package org.sgm.models.sgae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.SgmException;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.hyper.InvalidHyperparametersException;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.train.ScoreGuidedComponents;

class SgAeHyperparametersTest {

    private static SgAeHyperparameters read(String json) {
        return HyperparameterJson.read(SgAeHyperparameters.class, SgAeHyperparameters.defaults(), json, "test.json");
    }

    @Test
    void paperSettingsAreThePapersAndDefaultsDifferOnlyInTrainingAndEpsilonSource() {
        SgAeHyperparameters d = SgAeHyperparameters.paper();
        assertEquals(new TrainingConfig(100, 1024, 1e-4, 1.0, true), d.training());
        assertEquals(d.withTraining(TrainingConfig.defaults()).withGuidance(ScoreGuidance.defaults()),
                SgAeHyperparameters.defaults());
        assertEquals(d.guidance().percentile(), SgAeHyperparameters.defaults().guidance().percentile());
        assertEquals(SgAeHyperparameters.defaults(), new SgAeProvider(ScoreGuidedComponents.paper()).defaults());
        assertEquals(new ScoreGuidance(0.01, 20, 6, 90), d.guidance());
        assertEquals(10, d.scorerHidden());
        assertEquals(List.of(), d.hiddenDims());
        assertEquals(0.0, new SgAeProvider(ScoreGuidedComponents.paper()).plain().defaults().guidance().lambdaDE());
    }

    @Test
    void partialJsonIsLaidOverTheDefaults() {
        SgAeHyperparameters hp = read("{\"training\": {\"epochs\": 7}, \"hiddenDims\": [8, 4]}");
        assertEquals(7, hp.training().epochs());
        assertEquals(null, hp.training().batchSize()); // automatic
        assertEquals(List.of(8, 4), hp.hiddenDims());
        assertEquals(ScoreGuidance.defaults(), hp.guidance());
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class, () -> read(
                "{\"training\": {\"epochs\": -1, \"learningRate\": 0}, \"guidance\": {\"epsilon\": 100, "
                        + "\"margin\": 0}, \"hiddenDims\": [0], \"bogus\": 1}"));
        List<String> v = e.violations();
        assertEquals(6, v.size(), v.toString());
        for (String name : List.of("training.epochs", "training.learningRate", "guidance.epsilon", "guidance.margin",
                "hiddenDims[0]", "bogus")) {
            assertTrue(v.stream().anyMatch(s -> s.startsWith(name)), name + " missing from " + v);
        }
    }

    @Test
    void wrongTypesAndMalformedJsonNameTheProblem() {
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class,
                () -> read("{\"training\": {\"epochs\": \"many\"}}"));
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
        Exception bad = assertThrows(SgmException.class, () -> read("{\"training\": "));
        assertTrue(bad.getMessage().startsWith("test.json: not valid JSON"), bad.getMessage());
    }
}
