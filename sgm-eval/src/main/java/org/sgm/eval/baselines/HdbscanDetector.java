package org.sgm.eval.baselines;

import java.util.List;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/**
 * The unfitted HDBSCAN* baseline: at most {@code maxTrainRows} training rows (a seeded sample beyond that) are
 * clustered by Tribuo's {@link HdbscanTrainer} (Euclidean distance, brute-force neighbours, one thread), which
 * yields each row's GLOSH score; the model keeps the rows, their GLOSH scores and their core distances.
 * HDBSCAN* itself draws no random numbers, so the seed matters only for the sample.
 */
final class HdbscanDetector extends BaselineDetector<HdbscanHyperparameters> {
    private static final ClusteringFactory FACTORY = new ClusteringFactory();

    /**
     * @param key the registry key
     * @param hyperparameters validated hyperparameters
     */
    HdbscanDetector(String key, HdbscanHyperparameters hyperparameters) {
        super(key, hyperparameters);
    }

    @Override
    public FittedDetector fit(FeatureMatrix train, FitContext ctx) {
        TribuoFeatures.requireNonEmpty(key(), train);
        FeatureMatrix rows = Subsample.rows(train, hyperparameters().maxTrainRows(), ctx.seed());
        int m = rows.rows();
        int k = Math.min(hyperparameters().k(), m);
        int minClusterSize = Math.min(hyperparameters().minClusterSize(), m);
        MutableDataset<ClusterID> dataset = TribuoFeatures.dataset(rows, FACTORY, ClusteringFactory.UNASSIGNED_CLUSTER_ID);
        HdbscanTrainer trainer = new HdbscanTrainer(minClusterSize, new L2Distance(), k, 1,
                NeighboursQueryFactoryType.BRUTE_FORCE);
        List<Double> glosh = trainer.train(dataset).getOutlierScores();
        float[] points = rows.toArray();
        int d = rows.cols();
        float[] gloshAndCore = new float[2 * m];
        for (int i = 0; i < m; i++) {
            gloshAndCore[2 * i] = glosh.get(i).floatValue();
            gloshAndCore[2 * i + 1] = (float) HdbscanOutlierModel.coreDistance(points, m, d, rows.row(i), k);
        }
        return new HdbscanOutlierModel(key(), hyperparameters(), points, gloshAndCore, m, d);
    }
}
