package org.sgm.models.rsrae;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.Detectors;

/** Registers SG-RSRAE and its plain twin. */
public final class RsraeModule extends AbstractModule {
    @Override
    protected void configure() {
        Detectors.binder(binder()).addBinding(RsraeProvider.KEY).to(RsraeProvider.class);
        Detectors.binder(binder()).addBinding(RsraeProvider.Plain.KEY).to(RsraeProvider.Plain.class);
    }
}
