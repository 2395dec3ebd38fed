package org.sgm.examples.vae;

import com.google.inject.AbstractModule;
import org.sgm.core.guice.SgmCoreModule;
import org.sgm.core.registry.DetectorModule;
import org.sgm.core.train.BackboneProvider;

/** Registers the example SG-VAE and its plain twin, from outside sgm-models. */
public final class VaeModule extends AbstractModule implements DetectorModule {
    @Override
    protected void configure() {
        install(new SgmCoreModule()); // the scoring components, if no other module bound them
        BackboneProvider.bind(binder(), VaeProvider.KEY, VaeProvider.PLAIN_KEY, VaeProvider.class);
    }
}
