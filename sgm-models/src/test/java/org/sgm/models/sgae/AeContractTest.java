package org.sgm.models.sgae;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.DetectorProvider;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.AnomalyDetectorContractTest;
import org.sgm.core.train.ScoreGuidedComponents;

class AeContractTest extends AnomalyDetectorContractTest {
    @Override
    protected DetectorProvider<?> provider() {
        return new SgAeProvider.Plain(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        // The fixture's normals lie near a 2-D subspace of 8-D; the paper's width rule would give an
        // over-complete 8→10 autoencoder, so the test names a bottleneck that fits the data.
        return HyperparameterJson.read("{\"hiddenDims\": [6, 2], \"training\": "
                + "{\"epochs\": 40, \"batchSize\": 64, \"learningRate\": 0.003}}");
    }
}
