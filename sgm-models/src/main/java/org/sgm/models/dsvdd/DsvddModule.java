package org.sgm.models.dsvdd;

import com.google.inject.AbstractModule;
import org.sgm.core.train.BackboneProvider;

/** Registers SG-DSVDD and its plain twin. */
public final class DsvddModule extends AbstractModule {
    @Override
    protected void configure() {
        BackboneProvider.bind(binder(), DsvddProvider.KEY, DsvddProvider.PLAIN_KEY, DsvddProvider.class);
    }
}
