package org.sgm.eval.baselines;

/** The one-class SVM baseline against the detector contract. */
class TribuoOcsvmContractTest extends BaselineContractTest {
    TribuoOcsvmContractTest() {
        super(new TribuoOcsvmProvider());
    }
}
