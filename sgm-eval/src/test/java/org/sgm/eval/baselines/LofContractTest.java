package org.sgm.eval.baselines;

/** The Local Outlier Factor against the detector contract. */
class LofContractTest extends BaselineContractTest {
    LofContractTest() {
        super(new LofProvider());
    }
}
