package org.sgm.models.sgae;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.DetectorProvider;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.AnomalyDetectorContractTest;
import org.sgm.core.train.ScoreGuidedComponents;

class SgAeContractTest extends AnomalyDetectorContractTest {
    @Override
    protected DetectorProvider<?> provider() {
        return new SgAeProvider(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        // Paper widths (8→10); early stopping off: on 600 rows the paper's rule (mean score > a/2) fires before the
        // scorer separates anything (see docs/models/sg-ae.md), which is the defaults issue, not this contract.
        return HyperparameterJson.read("{\"training\": "
                + "{\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.003, \"earlyStop\": false}}");
    }
}
