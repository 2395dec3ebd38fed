package org.sgm.models.rda;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.BackboneContractTest;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** SG-RDA and its plain twin against the detector contract. */
class SgRdaContractTest extends BackboneContractTest {
    @Override
    protected BackboneProvider<?> provider() {
        return new RdaProvider(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        // Default widths and λ; 40 epochs are 4 outer iterations of 10 inner epochs. Early stopping off (guided
        // models only): on 600 rows the paper's rule (mean score > a/2) fires before the scorer separates anything.
        return HyperparameterJson.read("{\"training\": "
                + "{\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.003, \"earlyStop\": false}}");
    }
}
