package org.sgm.eval.baselines;

/** k-nearest neighbours against the detector contract. */
class KnnContractTest extends BaselineContractTest {
    KnnContractTest() {
        super(new KnnProvider());
    }
}
