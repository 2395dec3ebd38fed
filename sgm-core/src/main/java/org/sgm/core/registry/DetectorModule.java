package org.sgm.core.registry;

import com.google.inject.Module;

/**
 * A Guice module that registers detectors (through {@link Detectors#binder}) and is found on the classpath: list
 * its class in {@code META-INF/services/org.sgm.core.registry.DetectorModule} of its jar, give it a public no-argument
 * constructor, and {@link DetectorRegistry#discover()} installs it. The {@code sgm} program, {@code sgm-spark}'s
 * driver and executors and {@code SgmAnomalyTrainer} all use that registry, so a backbone in a separate jar is
 * available to all of them without editing SGM's code.
 *
 * <p>Register leaf modules only: a module installed twice (directly and through another registered module) binds its
 * keys twice, which Guice refuses.
 */
public interface DetectorModule extends Module {}
