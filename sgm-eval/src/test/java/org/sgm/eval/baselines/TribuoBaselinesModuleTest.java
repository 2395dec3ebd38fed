package org.sgm.eval.baselines;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.junit.jupiter.api.Test;
import org.sgm.core.registry.DetectorRegistry;

class TribuoBaselinesModuleTest {
    @Test
    void registersTheOneClassSvm() {
        Injector injector = Guice.createInjector(new TribuoBaselinesModule());
        DetectorRegistry registry = injector.getInstance(DetectorRegistry.class);
        assertTrue(registry.providers().containsKey(TribuoOcsvmProvider.KEY), registry.providers().toString());
        assertInstanceOf(TribuoOcsvmProvider.class, registry.get("tribuo-ocsvm"));
    }
}
