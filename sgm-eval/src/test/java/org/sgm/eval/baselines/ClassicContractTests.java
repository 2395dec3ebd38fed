package org.sgm.eval.baselines;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.sgm.core.DetectorProvider;
import org.sgm.core.testing.AnomalyDetectorContractTest;

/** The detector contract (shape, finiteness, ranking, seeds, save and load, JSON) for the four shallow detectors. */
class ClassicContractTests {

    @Nested
    class IsolationForest extends AnomalyDetectorContractTest {
        @Override
        protected DetectorProvider<?> provider() {
            return new ClassicProviders.IsolationForestProvider();
        }

        @Override
        protected JsonNode overrides() {
            return null;
        }
    }

    @Nested
    class Knn extends AnomalyDetectorContractTest {
        @Override
        protected DetectorProvider<?> provider() {
            return new ClassicProviders.KnnProvider();
        }

        @Override
        protected JsonNode overrides() {
            return null;
        }
    }

    @Nested
    class Lof extends AnomalyDetectorContractTest {
        @Override
        protected DetectorProvider<?> provider() {
            return new ClassicProviders.LofProvider();
        }

        @Override
        protected JsonNode overrides() {
            return null;
        }
    }

    @Nested
    class Ecod extends AnomalyDetectorContractTest {
        @Override
        protected DetectorProvider<?> provider() {
            return new ClassicProviders.EcodProvider();
        }

        @Override
        protected JsonNode overrides() {
            return null;
        }
    }

    @Nested
    class RandomCutForest extends AnomalyDetectorContractTest {
        @Override
        protected DetectorProvider<?> provider() {
            return new ClassicProviders.RcfProvider();
        }

        @Override
        protected JsonNode overrides() {
            return null;
        }
    }
}
