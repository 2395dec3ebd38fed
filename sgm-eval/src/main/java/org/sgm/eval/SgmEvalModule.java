package org.sgm.eval;

import com.google.inject.AbstractModule;
import org.sgm.eval.baselines.TribuoBaselinesModule;
import org.sgm.models.SgmModelsModule;

/** Every detector SGM ships: the score-guided models and their plain twins, and the Tribuo baselines. */
public final class SgmEvalModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new SgmModelsModule());
        install(new TribuoBaselinesModule());
    }
}
