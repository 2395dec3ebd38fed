package org.sgm.models.rda;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.Detectors;

/** Registers SG-RDA and its plain twin. */
public final class RdaModule extends AbstractModule {
    @Override
    protected void configure() {
        Detectors.binder(binder()).addBinding(RdaProvider.KEY).to(RdaProvider.class);
        Detectors.binder(binder()).addBinding(RdaProvider.Plain.KEY).to(RdaProvider.Plain.class);
    }
}
