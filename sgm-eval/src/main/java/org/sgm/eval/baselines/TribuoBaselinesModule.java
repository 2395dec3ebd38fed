package org.sgm.eval.baselines;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.Detectors;

/** Registers the Tribuo baselines in the detector registry: {@value TribuoOcsvmProvider#KEY}. */
public final class TribuoBaselinesModule extends AbstractModule {
    /** Creates the module. */
    public TribuoBaselinesModule() {}

    @Override
    protected void configure() {
        Detectors.binder(binder()).addBinding(TribuoOcsvmProvider.KEY).to(TribuoOcsvmProvider.class);
    }
}
