package org.sgm.models.rda;

import com.google.inject.AbstractModule;
import org.sgm.core.train.BackboneProvider;

/** Registers SG-RDA and its plain twin. */
public final class RdaModule extends AbstractModule {
    @Override
    protected void configure() {
        BackboneProvider.bind(binder(), RdaProvider.KEY, RdaProvider.PLAIN_KEY, RdaProvider.class);
    }
}
