package org.sgm.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.registry.DetectorRegistry;

class SgmModelsModuleTest {
    @Test
    void registersEveryBackboneAndItsPlainTwin() {
        DetectorRegistry registry = Guice.createInjector(new SgmModelsModule()).getInstance(DetectorRegistry.class);
        for (String key : List.of("sg-ae", "ae", "sg-dsvdd", "dsvdd", "sg-dagmm", "dagmm", "sg-rsrae", "rsrae", "sg-rda", "rda")) {
            assertTrue(registry.providers().containsKey(key), key + " in " + registry.providers().keySet());
            ScoreGuidedHyperparameters<?> defaults = (ScoreGuidedHyperparameters<?>) registry.get(key).defaults();
            assertEquals(key.startsWith("sg-"), defaults.guidance().enabled(), key + " is guided by default");
        }
    }
}
