package org.sgm.models.rda;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.DetectorProvider;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.AnomalyDetectorContractTest;
import org.sgm.core.train.ScoreGuidedComponents;

class SgRdaContractTest extends AnomalyDetectorContractTest {
    @Override
    protected DetectorProvider<?> provider() {
        return new RdaProvider(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        // Default widths and λ; 40 epochs are 4 outer iterations of 10 inner epochs. Early stopping off: on 600 rows
        // the paper's rule (mean score > a/2) fires before the scorer separates anything.
        return HyperparameterJson.read("{\"training\": "
                + "{\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.003, \"earlyStop\": false}}");
    }
}
