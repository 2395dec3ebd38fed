package org.sgm.models.dsvdd;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.DetectorProvider;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.AnomalyDetectorContractTest;
import org.sgm.core.train.ScoreGuidedComponents;

class DsvddContractTest extends AnomalyDetectorContractTest {
    @Override
    protected DetectorProvider<?> provider() {
        return new DsvddProvider.Plain(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        return HyperparameterJson.read("{\"training\": {\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.0001}}");
    }
}
