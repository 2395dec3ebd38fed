package org.sgm.eval.baselines;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.registry.DetectorRegistry;

class TribuoBaselinesModuleTest {
    @Test
    void registersTheOneClassSvm() {
        Injector injector = Guice.createInjector(new TribuoBaselinesModule());
        DetectorRegistry registry = injector.getInstance(DetectorRegistry.class);
        for (String key : List.of(TribuoOcsvmProvider.KEY, TribuoLinearOcsvmProvider.KEY,
                TribuoKMeansProvider.KEY, TribuoHdbscanProvider.KEY)) {
            assertTrue(registry.providers().containsKey(key), registry.providers().toString());
        }
        assertInstanceOf(TribuoOcsvmProvider.class, registry.get("tribuo-ocsvm"));
    }
}
