package org.sgm.eval.baselines;

/** The HDBSCAN* baseline against the detector contract. */
class TribuoHdbscanContractTest extends BaselineContractTest {
    TribuoHdbscanContractTest() {
        super(new TribuoHdbscanProvider());
    }
}
