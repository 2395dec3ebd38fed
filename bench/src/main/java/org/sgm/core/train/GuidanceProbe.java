package org.sgm.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.sgm.core.EpochStats;
import org.sgm.core.TrainingListener;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.spi.PercentileLabeler;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.tape.Precision;
import org.sgm.data.FittedPreprocessor;
import org.sgm.data.Preprocessor;
import org.sgm.data.ReadOptions;
import org.sgm.data.Splits;
import org.sgm.data.SwapNoise;
import org.sgm.data.Table;
import org.sgm.eval.EvaluationProtocol;
import org.sgm.eval.metrics.RankingMetrics;
import org.sgm.models.SgmModelsModule;

/**
 * A research probe, not part of any evaluation: fits one score-guided model on one dataset's training part
 * (protocol {@code paper}, the given seed) and prints, after every epoch, how well the backbone metric m and the
 * score s rank the anomalies on the training rows and on the test rows, and how many of the rows flagged by the
 * pre-judging (m ≥ τ) are anomalies. The labels are read for this printout only; the fit never sees them.
 *
 * <p>Run: {@code OMP_NUM_THREADS=1 java -cp bench/target/benchmarks.jar org.sgm.core.train.GuidanceProbe DATA KEY
 * SEED ['{"json": "overrides"}']}
 */
public final class GuidanceProbe {
    private GuidanceProbe() {}

    /**
     * @param args data file, model key, seed, optional hyperparameter JSON
     */
    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        String key = args[1];
        long seed = Long.parseLong(args[2]);
        JsonNode overrides = args.length > 3 ? HyperparameterJson.read(args[3]) : null;
        Table table = Table.read(data, ReadOptions.defaults());
        EvaluationProtocol protocol = EvaluationProtocol.of(EvaluationProtocol.Kind.PAPER, 1);
        Splits.Split split = protocol.split(table.anomalies(), seed);
        Table trainTable = table.selectRows(split.train());
        Table testTable = table.selectRows(split.test());
        FittedPreprocessor pre = Preprocessor.fit(trainTable);
        SwapNoise.Noisy noisy = SwapNoise.inject(pre.transform(trainTable), trainTable.anomalies(), 0.01, seed);
        FeatureMatrix train = noisy.x();
        boolean[] trainAnomaly = noisy.anomaly();
        FeatureMatrix test = pre.transform(testTable);
        boolean[] testAnomaly = testTable.anomalies();
        DetectorRegistry registry = Guice.createInjector(new SgmModelsModule()).getInstance(DetectorRegistry.class);
        probe((BackboneProvider<?>) registry.get(key), overrides, train, trainAnomaly, test, testAnomaly, seed);
    }

    private static <H extends Record & ScoreGuidedHyperparameters<H>> void probe(BackboneProvider<H> provider,
            JsonNode overrides, FeatureMatrix train, boolean[] trainAnomaly, FeatureMatrix test, boolean[] testAnomaly,
            long seed) {
        H hp = HyperparameterJson.read(provider.hyperparametersType(), provider.defaults(), overrides);
        TrainingConfig training = hp.training().resolve(train.rows());
        RepresentationLearner learner = provider.learner(hp.withTraining(training), train.cols());
        ScoreGuidedComponents components = ScoreGuidedComponents.paper().withScorerHidden(hp.scorerHidden());
        BlasThreads.pinToOne();
        SplittableRandom seeds = new SplittableRandom(seed);
        TapeNetwork net = new TapeNetwork(learner, components, hp.guidance(), training, train.cols(),
                seeds.nextLong(), Precision.FLOAT);
        LearnerContext hooks = net.hooks(train);
        System.out.println(provider.key() + ": " + training.describeResolution(train.rows()) + "; " + train.rows()
                + " training rows, " + count(trainAnomaly) + " anomalies");
        System.out.println("epoch  flagged  anom-in-flag  train-m  train-s  test-m  test-s  mean-s   L_B      L_SG"
                + "  |x| flagged / all");
        TrainingListener probe = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats e) {
                float[] m = new float[train.rows()];
                float[] s = new float[train.rows()];
                TrainingLoop.forwardPass(net, train, m, s);
                float[] tm = new float[test.rows()];
                float[] ts = new float[test.rows()];
                TrainingLoop.forwardPass(net, test, tm, ts);
                int flagged = 0;
                int hit = 0;
                double normFlagged = 0;
                double normAll = 0;
                for (int i = 0; i < m.length; i++) {
                    double norm = 0;
                    for (float v : train.row(i)) {
                        norm += (double) v * v;
                    }
                    norm = Math.sqrt(norm);
                    normAll += norm;
                    if (m[i] >= e.threshold()) {
                        flagged++;
                        hit += trainAnomaly[i] ? 1 : 0;
                        normFlagged += norm;
                    }
                }
                System.out.printf(Locale.ROOT, "%5d  %7d  %12.3f  %7.3f  %7.3f  %6.3f  %6.3f  %6.2f  %8.4f  %8.4f"
                        + "  %.2f / %.2f%n",
                        e.epoch(), flagged, flagged == 0 ? 0.0 : (double) hit / flagged,
                        RankingMetrics.rocAuc(trainAnomaly, d(m)), RankingMetrics.rocAuc(trainAnomaly, d(s)),
                        RankingMetrics.rocAuc(testAnomaly, d(tm)), RankingMetrics.rocAuc(testAnomaly, d(ts)),
                        e.meanTrainScore(), e.backboneLoss(), e.guidanceLoss(),
                        flagged == 0 ? 0.0 : normFlagged / flagged, normAll / m.length);
            }
        };
        TrainingLoop.run(net, learner, hooks, train, training, hp.guidance(), components, seeds.nextLong(),
                List.of(probe));
        if (System.getProperty("probe.latent") != null) {
            // Group means of the score and of each latent coordinate: flagged/unflagged × anomaly/normal.
            float[] m = new float[train.rows()];
            float[] s = new float[train.rows()];
            TrainingLoop.forwardPass(net, train, m, s);
            double tau = PercentileLabeler.percentile(m, hp.guidance().percentile());
            double[][] z = hooks.evaluate(System.getProperty("probe.latent"))
                    .castTo(DataType.DOUBLE).toDoubleMatrix();
            String[] names = {"flagged anomalies", "flagged normals", "other anomalies", "other normals"};
            for (int g = 0; g < 4; g++) {
                double n = 0;
                double sum = 0;
                double[] zs = new double[z[0].length];
                for (int i = 0; i < m.length; i++) {
                    boolean flag = m[i] >= tau;
                    int group = (flag ? 0 : 2) + (trainAnomaly[i] ? 0 : 1);
                    if (group == g) {
                        n++;
                        sum += s[i];
                        for (int j = 0; j < zs.length; j++) {
                            zs[j] += z[i][j];
                        }
                    }
                }
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-18s n=%5.0f  mean s=%7.3f  z:",
                        names[g], n, sum / Math.max(1, n)));
                for (double v : zs) {
                    sb.append(String.format(Locale.ROOT, " %8.3f", v / Math.max(1, n)));
                }
                System.out.println(sb);
            }
        }
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        return n;
    }

    private static double[] d(float[] f) {
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }
}
