package org.sgm.models.rsrae;

import com.google.inject.AbstractModule;
import org.sgm.core.train.BackboneProvider;

/** Registers SG-RSRAE and its plain twin. */
public final class RsraeModule extends AbstractModule {
    @Override
    protected void configure() {
        BackboneProvider.bind(binder(), RsraeProvider.KEY, RsraeProvider.PLAIN_KEY, RsraeProvider.class);
    }
}
