package org.sgm.eval.baselines;

import com.google.inject.AbstractModule;
import org.sgm.core.registry.DetectorModule;

/**
 * The shallow detectors researchers compare against, written in SGM: {@value IsolationForestProvider#KEY},
 * {@value KnnProvider#KEY}, {@value LofProvider#KEY}, {@value EcodProvider#KEY}, and Amazon's Random Cut Forest
 * through its library, {@value RcfProvider#KEY}; {@link Module} registers them.
 * docs/baselines.md describes each and how it was checked against scikit-learn.
 */
public final class ClassicProviders {
    private ClassicProviders() {}

    /** Registers the five detectors in the registry. */
    public static final class Module extends AbstractModule implements DetectorModule {
        /** Creates the module. */
        public Module() {}

        @Override
        protected void configure() {
            BaselineProvider.bind(binder(), new IsolationForestProvider(), new KnnProvider(), new LofProvider(),
                    new EcodProvider(), new RcfProvider());
        }
    }
}
