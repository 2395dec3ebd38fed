package org.sgm.eval.baselines;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.DetectorProvider;
import org.sgm.core.testing.AnomalyDetectorContractTest;

/**
 * The detector contract (shape, finiteness, ranking, seeds, save and load, JSON) for a baseline, from one subclass
 * whose constructor passes the provider. Baselines fit fast with their defaults, so the contract lays no overrides
 * over them.
 */
abstract class BaselineContractTest extends AnomalyDetectorContractTest {
    private final DetectorProvider<?> provider;

    /** @param provider the baseline under test */
    BaselineContractTest(DetectorProvider<?> provider) {
        this.provider = provider;
    }

    @Override
    protected DetectorProvider<?> provider() {
        return provider;
    }

    @Override
    protected JsonNode overrides() {
        return null;
    }
}
