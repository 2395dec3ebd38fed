package org.sgm.eval.baselines;

/** Isolation Forest against the detector contract. */
class IsolationForestContractTest extends BaselineContractTest {
    IsolationForestContractTest() {
        super(new IsolationForestProvider());
    }
}
