package org.sgm.models.rsrae;

import org.sgm.core.testing.BackboneContractTest;

/** SG-RSRAE and its plain twin against the detector contract. */
class SgRsraeContractTest extends BackboneContractTest {
    SgRsraeContractTest() {
        // Default widths and d; early stopping off: on 600 rows the paper's rule can fire before the scorer separates.
        super(RsraeProvider::new, "{training: {epochs: 40, batchSize: 64, learningRate: 0.001, earlyStop: false}}");
    }
}
