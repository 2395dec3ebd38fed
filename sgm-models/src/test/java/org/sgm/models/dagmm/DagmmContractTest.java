package org.sgm.models.dagmm;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgm.core.DetectorProvider;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.testing.AnomalyDetectorContractTest;
import org.sgm.core.train.ScoreGuidedComponents;

class DagmmContractTest extends AnomalyDetectorContractTest {
    @Override
    protected DetectorProvider<?> provider() {
        return new DagmmProvider.Plain(ScoreGuidedComponents.paper());
    }

    @Override
    protected JsonNode overrides() {
        // The fixture's normals lie near a 2-D subspace: a 2-D bottleneck (the original's Arrhythmia setting) instead
        // of the KDDCUP99 default of 1, and one 10-unit hidden layer to keep the unrolled GMM graph quick to train.
        return HyperparameterJson.read("{\"hiddenDims\": [10], \"latentDim\": 2, \"training\": "
                + "{\"epochs\": 40, \"batchSize\": 128, \"learningRate\": 0.003}}");
    }
}
