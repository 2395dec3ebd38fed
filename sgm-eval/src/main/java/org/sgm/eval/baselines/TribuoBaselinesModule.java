package org.sgm.eval.baselines;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.DetectorModule;
import com.google.inject.multibindings.MapBinder;
import org.sgm.core.DetectorProvider;
import org.sgm.core.registry.Detectors;

/**
 * Registers the Tribuo baselines in the detector registry: {@value TribuoOcsvmProvider#KEY},
 * {@value TribuoLinearOcsvmProvider#KEY}, {@value TribuoKMeansProvider#KEY} and {@value TribuoHdbscanProvider#KEY}.
 */
public final class TribuoBaselinesModule extends AbstractModule implements DetectorModule {
    /** Creates the module. */
    public TribuoBaselinesModule() {}

    @Override
    protected void configure() {
        MapBinder<String, DetectorProvider<?>> detectors = Detectors.binder(binder());
        detectors.addBinding(TribuoOcsvmProvider.KEY).to(TribuoOcsvmProvider.class);
        detectors.addBinding(TribuoLinearOcsvmProvider.KEY).to(TribuoLinearOcsvmProvider.class);
        detectors.addBinding(TribuoKMeansProvider.KEY).to(TribuoKMeansProvider.class);
        detectors.addBinding(TribuoHdbscanProvider.KEY).to(TribuoHdbscanProvider.class);
    }
}
