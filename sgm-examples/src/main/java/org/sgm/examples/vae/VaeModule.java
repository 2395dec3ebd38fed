package org.sgm.examples.vae;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.Detectors;

/** Registers the example SG-VAE and its plain twin, from outside sgm-models. */
public final class VaeModule extends AbstractModule {
    @Override
    protected void configure() {
        Detectors.binder(binder()).addBinding(VaeProvider.KEY).to(VaeProvider.class);
        Detectors.binder(binder()).addBinding(VaeProvider.Plain.KEY).to(VaeProvider.Plain.class);
    }
}
