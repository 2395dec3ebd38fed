package org.sgm.core.guice;

import com.google.inject.AbstractModule;
import org.sgm.core.train.ScoreGuidedComponents;

/**
 * Binds the score-guidance components every backbone provider injects: the paper's scoring network, regularizer
 * and pseudo-labeller. To change them for every model, override this binding with
 * {@code Modules.override(...).with(...)}. Safe to install more than once.
 */
public final class SgmCoreModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ScoreGuidedComponents.class).toInstance(ScoreGuidedComponents.paper());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SgmCoreModule;
    }

    @Override
    public int hashCode() {
        return SgmCoreModule.class.hashCode();
    }
}
