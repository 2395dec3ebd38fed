package org.sgm.examples.vae;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.BackboneContractTest;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/** The example SG-VAE and its plain twin against the detector contract. */
class SgVaeContractTest extends BackboneContractTest {
    @Override
    protected BackboneProvider<?> provider() {
        return new VaeProvider(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        // early stopping off: on 600 rows the paper's rule fires before the scorer separates (docs/models/sg-ae.md)
        return HyperparameterJson.read("{\"hidden\": 16, \"latent\": 8, \"training\": "
                + "{\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.003, \"earlyStop\": false}}");
    }

    @Override
    protected JsonNode plainOverrides() {
        // a 2-D latent for the fixture's 2-D normal subspace
        return HyperparameterJson.read("{\"hidden\": 16, \"latent\": 2, \"training\": "
                + "{\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.003}}");
    }
}
