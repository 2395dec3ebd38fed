package org.sgm.eval.baselines;

/**
 * Registry entry ({@value #KEY}) of the HDBSCAN* / GLOSH baseline: Tribuo's {@code HdbscanTrainer} computes the
 * GLOSH outlier score of every training row; new rows get a GLOSH-style score from their nearest training row in
 * mutual reachability distance (see {@link HdbscanOutlierModel}). Higher = more anomalous.
 */
public final class TribuoHdbscanProvider extends BaselineProvider<HdbscanHyperparameters> {
    /** Registry key of the HDBSCAN* baseline. */
    public static final String KEY = "tribuo-hdbscan";

    /** Creates the provider; it holds no state. */
    public TribuoHdbscanProvider() {
        super(KEY, "HDBSCAN* GLOSH outlier score (Campello et al., ACM TKDD 2015) via Tribuo; baseline",
                HdbscanHyperparameters::defaults, HdbscanDetector::new, HdbscanOutlierModel::restore);
    }
}
