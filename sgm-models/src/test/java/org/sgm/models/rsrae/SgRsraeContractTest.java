package org.sgm.models.rsrae;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.BackboneContractTest;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** SG-RSRAE and its plain twin against the detector contract. */
class SgRsraeContractTest extends BackboneContractTest {
    @Override
    protected BackboneProvider<?> provider() {
        return new RsraeProvider(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        // Default widths and d; early stopping off: on 600 rows the paper's rule can fire before the scorer separates.
        return HyperparameterJson.read("{\"training\": "
                + "{\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.001, \"earlyStop\": false}}");
    }
}
