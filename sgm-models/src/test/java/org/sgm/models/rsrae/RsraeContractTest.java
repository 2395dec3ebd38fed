package org.sgm.models.rsrae;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.DetectorProvider;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.AnomalyDetectorContractTest;
import org.sgm.core.train.ScoreGuidedComponents;

class RsraeContractTest extends AnomalyDetectorContractTest {
    @Override
    protected DetectorProvider<?> provider() {
        return new RsraeProvider.Plain(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        return HyperparameterJson.read("{\"training\": {\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.001}}");
    }
}
