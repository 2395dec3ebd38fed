package org.sgm.eval.baselines;

/** The k-means baseline against the detector contract. */
class TribuoKMeansContractTest extends BaselineContractTest {
    TribuoKMeansContractTest() {
        super(new TribuoKMeansProvider());
    }
}
