package org.sgm.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.SgmException;
import org.sgm.core.registry.DetectorRegistry;

/** {@link DetectorRegistry#discover()} finds sgm-models' module through META-INF/services, and only what is there. */
class DiscoveryTest {
    @Test
    void theClasspathOfSgmModelsHoldsTheScoreGuidedModelsAndTwinsOnly() {
        DetectorRegistry r = DetectorRegistry.discover();
        assertEquals(Set.of("sg-ae", "ae", "sg-dsvdd", "dsvdd", "sg-rda", "rda", "sg-rsrae", "rsrae", "sg-dagmm",
                "dagmm"), r.providers().keySet(), "no baselines (sgm-eval) and no VAE (sgm-examples) here");
        assertSame(r, DetectorRegistry.discover(), "created once per class loader");
    }

    @Test
    void aListedModuleThatCannotBeLoadedIsNamed(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("org.sgm.core.registry.DetectorModule"), "org.example.MissingModule\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                DiscoveryTest.class.getClassLoader())) {
            SgmException e = assertThrows(SgmException.class, () -> DetectorRegistry.discover(loader));
            assertTrue(e.getMessage().contains("META-INF/services/org.sgm.core.registry.DetectorModule")
                    && e.getMessage().contains("org.example.MissingModule"), e.getMessage());
        }
    }

    /** Two modules registering one key with different providers: one line naming the service file. */
    @Test
    void twoModulesRegisteringOneKeyAreRefused(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("org.sgm.core.registry.DetectorModule"),
                "org.sgm.models.DiscoveryTest$SecondSgAe\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                DiscoveryTest.class.getClassLoader())) {
            SgmException e = assertThrows(SgmException.class, () -> DetectorRegistry.discover(loader));
            assertTrue(e.getMessage().startsWith("the detector modules on the classpath (META-INF/services/"
                    + "org.sgm.core.registry.DetectorModule) cannot be combined: "), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    /** A module that registers another provider under SG-AE's key. */
    public static final class SecondSgAe extends com.google.inject.AbstractModule
            implements org.sgm.core.registry.DetectorModule {
        @Override
        protected void configure() {
            install(new org.sgm.core.guice.SgmCoreModule());
            org.sgm.core.registry.Detectors.binder(binder()).addBinding("sg-ae")
                    .to(org.sgm.models.dsvdd.DsvddProvider.class);
        }
    }
}
