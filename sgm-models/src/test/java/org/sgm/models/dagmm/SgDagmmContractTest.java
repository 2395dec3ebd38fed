package org.sgm.models.dagmm;

import org.sgm.core.testing.BackboneContractTest;

/** SG-DAGMM and its plain twin against the detector contract. */
class SgDagmmContractTest extends BackboneContractTest {
    SgDagmmContractTest() {
        super(DagmmProvider::new,
                // The fixture's normals lie near a 2-D subspace: a 2-D bottleneck (the original's Arrhythmia setting)
                // instead of the KDDCUP99 default of 1, and one 10-unit hidden layer to keep the unrolled GMM graph
                // quick to train. Early stopping off: on 600 rows the paper's rule (mean score > a/2) fires before the
                // scorer separates anything. The original norm guard (1e-6): with the default 1 the guided scorer
                // inverts on this fixture at seed 42 (AUROC 0.47) — SG-DAGMM's known instability
                // (docs/models/sg-dagmm.md, "Known limits"); this test checks the contract, the tuning-set numbers
                // there measure the default.
                "{hiddenDims: [10], latentDim: 2, normGuard: 1e-6, "
                        + "training: {epochs: 40, batchSize: 128, learningRate: 0.003, earlyStop: false}}",
                // Plain DAGMM with its default norm guard.
                "{hiddenDims: [10], latentDim: 2, training: {epochs: 40, batchSize: 128, learningRate: 0.003}}");
    }
}
