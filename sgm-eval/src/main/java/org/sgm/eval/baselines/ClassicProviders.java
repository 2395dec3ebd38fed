package org.sgm.eval.baselines;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.multibindings.MapBinder;
import org.sgm.core.DetectorProvider;
import org.sgm.core.registry.DetectorModule;
import org.sgm.core.registry.Detectors;

/**
 * The shallow detectors researchers compare against, written in SGM: {@value IsolationForestProvider#KEY},
 * {@value KnnProvider#KEY}, {@value LofProvider#KEY}, {@value EcodProvider#KEY}, and Amazon's Random Cut Forest
 * through its library, {@value RcfProvider#KEY}; {@link Module} registers them.
 * docs/baselines.md describes each and how it was checked against scikit-learn.
 */
public final class ClassicProviders {
    private ClassicProviders() {}

    /** Registers the four detectors in the registry. */
    public static final class Module extends AbstractModule implements DetectorModule {
        /** Creates the module. */
        public Module() {}

        @Override
        protected void configure() {
            MapBinder<String, DetectorProvider<?>> detectors = Detectors.binder(binder());
            detectors.addBinding(IsolationForestProvider.KEY).to(IsolationForestProvider.class);
            detectors.addBinding(KnnProvider.KEY).to(KnnProvider.class);
            detectors.addBinding(LofProvider.KEY).to(LofProvider.class);
            detectors.addBinding(EcodProvider.KEY).to(EcodProvider.class);
            detectors.addBinding(RcfProvider.KEY).to(RcfProvider.class);
        }
    }

    /** Isolation Forest (Liu, Ting and Zhou, ICDM 2008). */
    public static final class IsolationForestProvider extends ClassicProvider<IsolationForestHyperparameters> {
        /** Registry key. */
        public static final String KEY = "iforest";

        /** Creates the provider. */
        @Inject
        public IsolationForestProvider() {
            super(KEY, "Isolation Forest (Liu et al. 2008): 100 trees of 256 rows, score 2^(−E[h]/c(ψ)); baseline",
                    IsolationForestHyperparameters.class, IsolationForestHyperparameters::defaults,
                    (key, hp, x, ctx) -> IsolationForestModel.fit(key, hp, x, ctx.seed()),
                    IsolationForestModel::restore);
        }
    }

    /** Distance to the k-th nearest training row (and PyOD's mean and median variants). */
    public static final class KnnProvider extends ClassicProvider<KnnHyperparameters> {
        /** Registry key. */
        public static final String KEY = "knn";

        /** Creates the provider. */
        @Inject
        public KnnProvider() {
            super(KEY, "k-nearest neighbours: distance to the k-th nearest training row (k = 5); baseline",
                    KnnHyperparameters.class, KnnHyperparameters::defaults,
                    (key, hp, x, ctx) -> KnnModel.fit(key, hp, x), KnnModel::restore);
        }
    }

    /** Local Outlier Factor (Breunig et al., SIGMOD 2000), new rows scored against the training rows. */
    public static final class LofProvider extends ClassicProvider<LofHyperparameters> {
        /** Registry key. */
        public static final String KEY = "lof";

        /** Creates the provider. */
        @Inject
        public LofProvider() {
            super(KEY, "Local Outlier Factor (Breunig et al. 2000), k = 20, new rows against the training rows; "
                    + "baseline", LofHyperparameters.class, LofHyperparameters::defaults,
                    (key, hp, x, ctx) -> LofModel.fit(key, hp, x), LofModel::restore);
        }
    }

    /** ECOD (Li et al., TKDE 2022). */
    public static final class EcodProvider extends ClassicProvider<EcodHyperparameters> {
        /** Registry key. */
        public static final String KEY = "ecod";

        /** Creates the provider. */
        @Inject
        public EcodProvider() {
            super(KEY, "ECOD (Li et al. 2022): empirical-CDF tail probabilities per feature, skewness-corrected; "
                    + "baseline", EcodHyperparameters.class, EcodHyperparameters::defaults,
                    (key, hp, x, ctx) -> EcodModel.fit(key, hp, x), EcodModel::restore);
        }
    }

    /** Amazon's Random Cut Forest (library randomcutforest-core), the training rows streamed through it once. */
    public static final class RcfProvider extends ClassicProvider<RcfHyperparameters> {
        /** Registry key. */
        public static final String KEY = "rcf";

        /** Creates the provider. */
        @Inject
        public RcfProvider() {
            super(KEY, "Random Cut Forest (Amazon's randomcutforest-core), 50 trees of 256 points, the training "
                    + "rows streamed once; baseline", RcfHyperparameters.class, RcfHyperparameters::defaults,
                    (key, hp, x, ctx) -> RcfModel.fit(key, hp, x, ctx.seed()), RcfModel::restore);
        }
    }
}
