package org.sgm.examples.vae;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.DetectorModule;
import org.sgm.core.registry.Detectors;

/** Registers the example SG-VAE and its plain twin, from outside sgm-models. */
public final class VaeModule extends AbstractModule implements DetectorModule {
    @Override
    protected void configure() {
        install(new org.sgm.core.guice.SgmCoreModule()); // the scoring components, if no other module bound them
        Detectors.binder(binder()).addBinding(VaeProvider.KEY).to(VaeProvider.class);
        Detectors.binder(binder()).addBinding(VaeProvider.Plain.KEY).to(VaeProvider.Plain.class);
    }
}
