package org.sgm.eval.baselines;

/** The linear one-class SVM baseline against the detector contract. */
class TribuoLinearOcsvmContractTest extends BaselineContractTest {
    TribuoLinearOcsvmContractTest() {
        super(new TribuoLinearOcsvmProvider());
    }

    /**
     * About chance: the fixture's normal rows form a cloud centred on the origin, and a linear one-class SVM is a
     * half-space separating the data from the origin, which cannot enclose such a cloud (measured AUROC 0.47). The
     * score's sign is checked in {@link TribuoLinearOcsvmTest} on data a half-space does fit.
     */
    @Override
    protected double minimumAuc() {
        return 0.4;
    }
}
