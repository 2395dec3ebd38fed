package org.sgm.core.registry;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.sgm.core.DetectorProvider;

/** The one Guice extension point for detectors. */
public final class Detectors {
    private Detectors() {}

    /**
     * The map binder that every backbone and baseline module adds its providers to, e.g.
     * {@code Detectors.binder(binder()).addBinding("sg-ae").to(SgAeProvider.class);}.
     *
     * @param binder the module's binder
     * @return the shared map binder
     */
    public static MapBinder<String, DetectorProvider<?>> binder(Binder binder) {
        return MapBinder.newMapBinder(binder, new TypeLiteral<String>() {}, new TypeLiteral<DetectorProvider<?>>() {});
    }
}
