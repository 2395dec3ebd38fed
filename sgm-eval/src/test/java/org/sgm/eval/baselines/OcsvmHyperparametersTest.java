package org.sgm.eval.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.hyper.InvalidHyperparametersException;

class OcsvmHyperparametersTest {
    @Test
    void everyViolationIsReportedAtOnce() {
        InvalidHyperparametersException e =
                assertThrows(InvalidHyperparametersException.class, () -> new OcsvmHyperparameters(2, -1, 0, 0));
        assertEquals(4, e.violations().size(), e.getMessage());
        assertTrue(e.violations().get(0).startsWith("nu "), e.getMessage());
        assertTrue(e.violations().get(1).startsWith("gamma "), e.getMessage());
        assertTrue(e.violations().get(2).startsWith("cacheSizeMb "), e.getMessage());
        assertTrue(e.violations().get(3).startsWith("maxTrainRows "), e.getMessage());
    }

    @Test
    void boundsAreAsDocumented() {
        new OcsvmHyperparameters(1, 0, 1);
        assertThrows(InvalidHyperparametersException.class, () -> new OcsvmHyperparameters(0, 0, 1));
        assertThrows(InvalidHyperparametersException.class, () -> new OcsvmHyperparameters(Double.NaN, 0, 1));
        assertThrows(InvalidHyperparametersException.class,
                () -> new OcsvmHyperparameters(0.5, Double.POSITIVE_INFINITY, 1));
    }

    @Test
    void zeroGammaMeansOneOverD() {
        assertEquals(0.125, OcsvmHyperparameters.defaults().gammaFor(8));
        assertEquals(0.3, new OcsvmHyperparameters(0.1, 0.3, 200).gammaFor(8));
    }

    @Test
    void jsonOverridesAreLaidOverTheDefaults() {
        OcsvmHyperparameters hp = HyperparameterJson.read(OcsvmHyperparameters.class,
                OcsvmHyperparameters.defaults(), HyperparameterJson.read("{\"nu\": 0.05}"));
        assertEquals(new OcsvmHyperparameters(0.05, 0, 200, 10_000), hp);
        // A model file written before maxTrainRows existed still reads, with the default cap.
        String old = "{\"nu\": 0.1, \"gamma\": 0, \"cacheSizeMb\": 200}";
        assertEquals(OcsvmHyperparameters.defaults(), HyperparameterJson.read(OcsvmHyperparameters.class,
                OcsvmHyperparameters.defaults(), HyperparameterJson.read(old)));
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class,
                () -> HyperparameterJson.read(OcsvmHyperparameters.class, OcsvmHyperparameters.defaults(),
                        HyperparameterJson.read("{\"nu\": 2, \"gamma\": -1}")));
        assertEquals(2, e.violations().size(), e.getMessage());
    }
}
