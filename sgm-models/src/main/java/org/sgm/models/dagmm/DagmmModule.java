package org.sgm.models.dagmm;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.Detectors;

/** Registers SG-DAGMM and its plain twin. */
public final class DagmmModule extends AbstractModule {
    @Override
    protected void configure() {
        Detectors.binder(binder()).addBinding(DagmmProvider.KEY).to(DagmmProvider.class);
        Detectors.binder(binder()).addBinding(DagmmProvider.Plain.KEY).to(DagmmProvider.Plain.class);
    }
}
