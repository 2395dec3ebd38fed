package org.sgm.eval.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.InvalidHyperparametersException;
import org.sgm.data.PreprocessingOptions;
import org.sgm.data.Preprocessor;
import org.sgm.data.ReadOptions;
import org.sgm.data.Scaling;
import org.sgm.data.Table;
import org.sgm.eval.metrics.RankingMetrics;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.liblinear.LibLinearAnomalyModel;
import org.tribuo.anomaly.liblinear.LibLinearAnomalyTrainer;
import org.tribuo.anomaly.liblinear.LinearAnomalyType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class TribuoLinearOcsvmTest {
    private static final TribuoLinearOcsvmProvider PROVIDER = new TribuoLinearOcsvmProvider();

    /** A Gaussian cloud around (5, 5, 5): a half-space separates it from the origin. */
    private static FeatureMatrix offsetCloud(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] rows = new double[n][3];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 5 + rng.nextGaussian();
            }
        }
        return FeatureMatrix.of(rows);
    }

    @Test
    void scoreIsTheNegatedTribuoDecisionValue() {
        FeatureMatrix train = offsetCloud(300, 1);
        LinearOcsvmHyperparameters hp = PROVIDER.defaults();
        FittedDetector model = PROVIDER.create(hp).fit(train, 42);
        FeatureMatrix probes = FeatureMatrix.of(new double[][] {{5, 5, 5}, {0.5, 0.5, 0.5}, {9, 9, 9}, {5, 0, 5}});
        double[] scores = model.score(probes);

        // The same fit through Tribuo directly: its Event score is LIBLINEAR's decision value.
        AnomalyFactory factory = new AnomalyFactory();
        MutableDataset<Event> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("t", factory), factory);
        TribuoFeatures.examples(train, AnomalyFactory.EXPECTED_EVENT).forEach(dataset::add);
        LibLinearAnomalyModel tribuo = (LibLinearAnomalyModel) new LibLinearAnomalyTrainer(
                new LinearAnomalyType(LinearAnomalyType.LinearType.ONECLASS_SVM), hp.cost(), hp.maxIterations(),
                hp.tolerance(), hp.nu(), 42).train(dataset);
        List<Example<Event>> examples = TribuoFeatures.examples(probes, AnomalyFactory.UNKNOWN_EVENT);
        for (int i = 0; i < scores.length; i++) {
            Event e = tribuo.predict(examples.get(i)).getOutput();
            assertEquals(-e.getScore(), scores[i], 1e-4 * (1 + Math.abs(e.getScore())), "probe " + i);
            // Tribuo calls a row ANOMALOUS exactly when our score is positive.
            assertEquals(e.getType() == Event.EventType.ANOMALOUS, scores[i] > 0, "probe " + i);
        }
        // The half-space faces away from the origin: the origin side is anomalous, the far side normal.
        assertTrue(scores[1] > 0 && scores[1] > scores[0], Arrays.toString(scores));
        assertTrue(scores[2] < scores[0], Arrays.toString(scores));
    }

    @Test
    void ranksThyroidAnomaliesHigherWhenMinMaxScaled() {
        // The linear one-class SVM separates the data from the origin, so it suits data whose anomalies lie
        // towards the origin; min-max-scaled thyroid is such a set (measured AUROC 0.760; z-scored: 0.135).
        Table t = Table.read("builtin:thyroid", ReadOptions.defaults());
        FeatureMatrix x = Preprocessor.fit(t, new PreprocessingOptions(Scaling.MINMAX,
                PreprocessingOptions.defaults().imputation())).transform(t);
        double auc = RankingMetrics.rocAuc(t.anomalies(), PROVIDER.create(PROVIDER.defaults()).fit(x, 1).score(x));
        assertTrue(auc > 0.7, "AUROC " + auc);
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class,
                () -> new LinearOcsvmHyperparameters(0, -1, 0, Double.NaN));
        assertEquals(4, e.violations().size(), e.getMessage());
        assertTrue(e.violations().get(0).startsWith("nu "), e.getMessage());
        assertTrue(e.violations().get(3).startsWith("tolerance "), e.getMessage());
    }

    @Test
    void restoreRejectsForeignOrDamagedState() {
        FittedDetector model = PROVIDER.create(PROVIDER.defaults()).fit(offsetCloud(100, 2), 1);
        ModelState good = model.state();
        assertThrows(SgmException.class, () -> PROVIDER.restore(PROVIDER.defaults(),
                new ModelState(3, Map.of("other", new byte[] {1}), List.of())));
        assertThrows(SgmException.class, () -> PROVIDER.restore(PROVIDER.defaults(),
                new ModelState(3, Map.of(LinearOcsvmModel.ENTRY, new byte[] {1, 2, 3}), List.of())));
        assertThrows(SgmException.class, () -> PROVIDER.restore(PROVIDER.defaults(),
                new ModelState(5, good.entries(), List.of())));
        FeatureMatrix probes = offsetCloud(10, 3);
        assertArrayEquals(model.score(probes), PROVIDER.restore(PROVIDER.defaults(), good).score(probes), 0.0);
        assertThrows(SgmException.class, () -> model.score(FeatureMatrix.of(new double[][] {{1, 2}})));
        assertThrows(SgmException.class, () -> model.score(FeatureMatrix.of(new double[][] {{1, Double.NaN, 2}})));
    }
}
