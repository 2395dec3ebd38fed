package org.sgm.models.rda;

import org.sgm.core.testing.BackboneContractTest;

/** SG-RDA and its plain twin against the detector contract. */
class SgRdaContractTest extends BackboneContractTest {
    SgRdaContractTest() {
        // Default widths and λ; 40 epochs are 4 outer iterations of 10 inner epochs. Early stopping off (guided
        // models only): on 600 rows the paper's rule (mean score > a/2) fires before the scorer separates anything.
        super(RdaProvider::new, "{training: {epochs: 40, batchSize: 64, learningRate: 0.003, earlyStop: false}}");
    }
}
