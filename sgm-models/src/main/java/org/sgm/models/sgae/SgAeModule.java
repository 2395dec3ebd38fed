package org.sgm.models.sgae;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.Detectors;

/** Registers SG-AE and its plain twin. */
public final class SgAeModule extends AbstractModule {
    @Override
    protected void configure() {
        Detectors.binder(binder()).addBinding(SgAeProvider.KEY).to(SgAeProvider.class);
        Detectors.binder(binder()).addBinding(SgAeProvider.Plain.KEY).to(SgAeProvider.Plain.class);
    }
}
