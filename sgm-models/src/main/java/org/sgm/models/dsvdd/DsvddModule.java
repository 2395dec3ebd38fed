package org.sgm.models.dsvdd;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.Detectors;

/** Registers SG-DSVDD and its plain twin. */
public final class DsvddModule extends AbstractModule {
    @Override
    protected void configure() {
        Detectors.binder(binder()).addBinding(DsvddProvider.KEY).to(DsvddProvider.class);
        Detectors.binder(binder()).addBinding(DsvddProvider.Plain.KEY).to(DsvddProvider.Plain.class);
    }
}
