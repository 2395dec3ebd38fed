package org.sgm.models;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.DetectorModule;
import org.sgm.core.guice.SgmCoreModule;
import org.sgm.models.dagmm.DagmmModule;
import org.sgm.models.dsvdd.DsvddModule;
import org.sgm.models.rda.RdaModule;
import org.sgm.models.rsrae.RsraeModule;
import org.sgm.models.sgae.SgAeModule;

/** Installs every backbone shipped with SGM: one line each. */
public final class SgmModelsModule extends AbstractModule implements DetectorModule {
    @Override
    protected void configure() {
        install(new SgmCoreModule());
        install(new SgAeModule());
        install(new DsvddModule());
        install(new DagmmModule());
        install(new RsraeModule());
        install(new RdaModule());
    }
}
