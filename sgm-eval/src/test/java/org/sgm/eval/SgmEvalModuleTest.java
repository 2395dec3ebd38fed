package org.sgm.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.sgm.core.registry.DetectorRegistry;

class SgmEvalModuleTest {
    @Test
    void injectorHoldsEveryShippedDetector() {
        DetectorRegistry registry = Guice.createInjector(new SgmEvalModule()).getInstance(DetectorRegistry.class);
        Set<String> keys = registry.providers().keySet();
        Set<String> expected =
                Set.of("sg-ae", "ae", "tribuo-ocsvm", "tribuo-linear-ocsvm", "tribuo-kmeans", "tribuo-hdbscan");
        assertTrue(keys.containsAll(expected), keys.toString());
        registry.providers().forEach((k, p) -> assertTrue(!p.description().isBlank(), k));
    }

    @Test
    void discoveryFindsTheSameDetectorsAsTheModuleAndNoExample() {
        DetectorRegistry discovered = DetectorRegistry.discover();
        DetectorRegistry built = Guice.createInjector(new SgmEvalModule()).getInstance(DetectorRegistry.class);
        Assertions.assertEquals(built.providers().keySet(), discovered.providers().keySet());
        assertTrue(!discovered.providers().containsKey("sg-vae"), "the VAE example lives in sgm-examples");
    }
}
