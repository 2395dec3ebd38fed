package org.sgm.eval.baselines;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.DetectorProvider;
import org.sgm.core.testing.AnomalyDetectorContractTest;

class TribuoKMeansContractTest extends AnomalyDetectorContractTest {
    @Override
    protected DetectorProvider<?> provider() {
        return new TribuoKMeansProvider();
    }

    @Override
    protected JsonNode overrides() {
        return null;
    }
}
