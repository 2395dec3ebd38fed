package org.sgm.models.rsrae;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.DetectorProvider;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.AnomalyDetectorContractTest;
import org.sgm.core.train.ScoreGuidedComponents;

class SgRsraeContractTest extends AnomalyDetectorContractTest {
    @Override
    protected DetectorProvider<?> provider() {
        return new RsraeProvider(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        // Default widths and d; early stopping off: on 600 rows the paper's rule can fire before the scorer separates.
        return HyperparameterJson.read("{\"training\": "
                + "{\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.001, \"earlyStop\": false}}");
    }
}
