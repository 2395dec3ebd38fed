package org.sgm.examples.vae;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.DetectorProvider;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.AnomalyDetectorContractTest;
import org.sgm.core.train.ScoreGuidedComponents;

/** The example backbone passes the same contract as the shipped ones: the public SPI is enough. */
class SgVaeContractTest extends AnomalyDetectorContractTest {
    @Override
    protected DetectorProvider<?> provider() {
        return new VaeProvider(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        // early stopping off: on 600 rows the paper's rule fires before the scorer separates (docs/models/sg-ae.md)
        return HyperparameterJson.read("{\"hidden\": 16, \"latent\": 8, \"training\": "
                + "{\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.003, \"earlyStop\": false}}");
    }
}
