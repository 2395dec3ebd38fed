package org.sgm.examples.vae;

import org.sgm.core.testing.BackboneContractTest;

/** The example SG-VAE and its plain twin against the detector contract. */
class SgVaeContractTest extends BackboneContractTest {
    SgVaeContractTest() {
        super(VaeProvider::new,
                // early stopping off: on 600 rows the paper's rule fires before the scorer separates
                // (docs/models/sg-ae.md)
                "{hidden: 16, latent: 8, training: {epochs: 40, batchSize: 64, learningRate: 0.003, earlyStop: false}}",
                // a 2-D latent for the fixture's 2-D normal subspace
                "{hidden: 16, latent: 2, training: {epochs: 40, batchSize: 64, learningRate: 0.003}}");
    }
}
