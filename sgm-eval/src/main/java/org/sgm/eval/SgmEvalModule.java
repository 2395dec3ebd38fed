package org.sgm.eval;

import com.google.inject.AbstractModule;
import org.sgm.eval.baselines.ClassicProviders;
import org.sgm.eval.baselines.TribuoBaselinesModule;
import org.sgm.models.SgmModelsModule;

/**
 * Every detector SGM ships: the score-guided models and their plain twins, the Tribuo baselines, and Isolation
 * Forest, k-NN, LOF and ECOD, for a caller that builds its own injector. {@code DetectorRegistry.discover()} finds
 * the same modules (and any other jar's) through {@code META-INF/services}; do not combine the two (a module installed
 * twice binds its keys twice).
 */
public final class SgmEvalModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new SgmModelsModule());
        install(new TribuoBaselinesModule());
        install(new ClassicProviders.Module());
    }
}
