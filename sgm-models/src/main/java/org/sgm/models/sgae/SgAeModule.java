package org.sgm.models.sgae;

import com.google.inject.AbstractModule;
import org.sgm.core.train.BackboneProvider;

/** Registers SG-AE and its plain twin. */
public final class SgAeModule extends AbstractModule {
    @Override
    protected void configure() {
        BackboneProvider.bind(binder(), SgAeProvider.KEY, SgAeProvider.PLAIN_KEY, SgAeProvider.class);
    }
}
