package org.sgm.eval.baselines;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.DetectorModule;

/**
 * Registers the Tribuo baselines in the detector registry: {@value TribuoOcsvmProvider#KEY},
 * {@value TribuoLinearOcsvmProvider#KEY}, {@value TribuoKMeansProvider#KEY} and {@value TribuoHdbscanProvider#KEY}.
 */
public final class TribuoBaselinesModule extends AbstractModule implements DetectorModule {
    /** Creates the module. */
    public TribuoBaselinesModule() {}

    @Override
    protected void configure() {
        BaselineProvider.bind(binder(), new TribuoOcsvmProvider(), new TribuoLinearOcsvmProvider(),
                new TribuoKMeansProvider(), new TribuoHdbscanProvider());
    }
}
