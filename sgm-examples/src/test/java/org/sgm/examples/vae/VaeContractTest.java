package org.sgm.examples.vae;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.DetectorProvider;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.AnomalyDetectorContractTest;
import org.sgm.core.train.ScoreGuidedComponents;

/** The plain twin of the example backbone. */
class VaeContractTest extends AnomalyDetectorContractTest {
    @Override
    protected DetectorProvider<?> provider() {
        return new VaeProvider.Plain(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        // 2-D latent for the fixture's 2-D normal subspace; early stopping off on 600 rows (see docs/models/sg-ae.md)
        return HyperparameterJson.read("{\"hidden\": 16, \"latent\": 2, \"training\": "
                + "{\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.003, \"earlyStop\": false}}");
    }
}
