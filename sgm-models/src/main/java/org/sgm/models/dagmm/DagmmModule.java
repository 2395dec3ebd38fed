package org.sgm.models.dagmm;

import com.google.inject.AbstractModule;
import org.sgm.core.train.BackboneProvider;

/** Registers SG-DAGMM and its plain twin. */
public final class DagmmModule extends AbstractModule {
    @Override
    protected void configure() {
        BackboneProvider.bind(binder(), DagmmProvider.KEY, DagmmProvider.PLAIN_KEY, DagmmProvider.class);
    }
}
