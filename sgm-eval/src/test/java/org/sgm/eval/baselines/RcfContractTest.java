package org.sgm.eval.baselines;

/** Random Cut Forest against the detector contract. */
class RcfContractTest extends BaselineContractTest {
    RcfContractTest() {
        super(new RcfProvider());
    }
}
