package org.sgm.eval.baselines;

/**
 * Registry entry ({@value #KEY}) of the k-nearest-neighbour detector, written in SGM: the distance to the k-th
 * nearest training row (and PyOD's mean and median variants).
 */
public final class KnnProvider extends BaselineProvider<KnnHyperparameters> {
    /** Registry key. */
    public static final String KEY = "knn";

    /** Creates the provider; it holds no state. */
    public KnnProvider() {
        super(KEY, "k-nearest neighbours: distance to the k-th nearest training row (k = 5); baseline",
                KnnHyperparameters::defaults, FunctionDetector.fitting(KnnModel::fit), KnnModel::restore);
    }
}
