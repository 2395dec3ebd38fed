package org.sgm.eval.baselines;

/** ECOD against the detector contract. */
class EcodContractTest extends BaselineContractTest {
    EcodContractTest() {
        super(new EcodProvider());
    }
}
