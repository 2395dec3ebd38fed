package org.sgm.core.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sgm.core.FitContext;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.testing.SyntheticFixtures;
import org.sgm.core.train.ScoreGuidedComponents;
import org.sgm.core.train.ScoreGuidedDetector;

/** Integrated gradients on fitted SG-AE models, both engines: completeness, row independence, the baseline. */
class IntegratedGradientsTest {
    private record Params(int epochs) {}

    private static final SyntheticFixtures.Labelled DATA = SyntheticFixtures.subspace(400, 40, 12, 7);

    private static Differentiable fit(String engine, double lambdaDE) {
        TrainingConfig training = new TrainingConfig(4, 64, 1e-2, 1.0, false).withEngine(engine);
        ScoreGuidance guidance = ScoreGuidance.defaults().withLambdaDE(lambdaDE);
        return (Differentiable) new ScoreGuidedDetector("sg-ae", new Params(4), training, guidance,
                ScoreGuidedComponents.paper(), width -> new DenseAutoencoder(new int[] {width, 8, 4}))
                .fit(DATA.x(), FitContext.of(3));
    }

    private static double[] median(FeatureMatrix x) {
        double[] b = new double[x.cols()];
        for (int j = 0; j < x.cols(); j++) {
            float[] col = new float[x.rows()];
            for (int i = 0; i < x.rows(); i++) {
                col[i] = x.get(i, j);
            }
            Arrays.sort(col);
            b[j] = col[x.rows() / 2];
        }
        return b;
    }

    @Test
    void contributionsAddUpToTheScoreDifferenceOnBothEnginesGuidedAndPlain() {
        for (String engine : new String[] {TrainingConfig.ENGINE_FAST, TrainingConfig.ENGINE_SAMEDIFF}) {
            for (double lambda : new double[] {ScoreGuidance.defaults().lambdaDE(), 0.0}) {
                Differentiable model = fit(engine, lambda);
                FeatureMatrix rows = DATA.rows(380, 440).x();
                IntegratedGradients.Result r = IntegratedGradients.explain(model, rows, median(DATA.x()), 128);
                String where = engine + ", λ_DE = " + lambda;
                assertTrue(r.completenessError() <= 0.01, "completeness error " + r.completenessError() + ", " + where);
                int checked = 0;
                double largest = 0;
                for (double s : r.scores()) {
                    largest = Math.max(largest, Math.abs(s - r.baselineScore()));
                }
                for (int i = 0; i < rows.rows(); i++) {
                    double diff = r.scores()[i] - r.baselineScore();
                    double sum = 0;
                    for (int j = 0; j < r.cols(); j++) {
                        sum += r.contributions()[i * r.cols() + j];
                    }
                    assertEquals(r.completenessGap()[i], Math.abs(sum - diff), 1e-9 * Math.max(1, largest));
                    if (Math.abs(diff) >= 0.1 * largest) {
                        assertEquals(diff, sum, 0.01 * Math.abs(diff), "row " + i + ", " + where);
                        checked++;
                    }
                }
                assertTrue(checked >= 10, "rows with a sizeable score difference: " + checked + ", " + where);
            }
        }
    }

    @Test
    void moreStepsShrinkTheGapAndOneRowAloneGetsTheSameContributions() {
        Differentiable model = fit(TrainingConfig.ENGINE_FAST, ScoreGuidance.defaults().lambdaDE());
        FeatureMatrix rows = DATA.rows(390, 440).x();
        double[] baseline = median(DATA.x());
        double coarse = IntegratedGradients.explain(model, rows, baseline, 1).completenessError();
        IntegratedGradients.Result fine = IntegratedGradients.explain(model, rows, baseline, 128);
        assertTrue(fine.completenessError() < coarse, fine.completenessError() + " vs " + coarse);
        IntegratedGradients.Result one = IntegratedGradients.explain(model, DATA.rows(397, 398).x(), baseline, 128);
        double[] want = Arrays.copyOfRange(fine.contributions(), 7 * rows.cols(), 8 * rows.cols());
        assertArrayEquals(want, one.contributions(), 1e-6);
    }

    @Test
    void theBaselineRowScoresTheBaselineScoreAndGetsNoContribution() {
        Differentiable model = fit(TrainingConfig.ENGINE_FAST, ScoreGuidance.defaults().lambdaDE());
        double[] baseline = median(DATA.x());
        float[] b = new float[baseline.length];
        for (int j = 0; j < b.length; j++) {
            b[j] = (float) baseline[j];
        }
        IntegratedGradients.Result r = IntegratedGradients.explain(model,
                FeatureMatrix.wrap(b, 1, DATA.x().columnNames()), baseline, 16);
        assertEquals(r.baselineScore(), r.scores()[0], 0.0);
        assertTrue(Arrays.stream(r.contributions()).allMatch(c -> c == 0));
        assertEquals(0.0, r.completenessError());
    }

    @Test
    void badArgumentsAreRefused() {
        Differentiable model = fit(TrainingConfig.ENGINE_FAST, 0);
        FeatureMatrix rows = DATA.rows(0, 3).x();
        assertThrows(IllegalArgumentException.class, () -> IntegratedGradients.explain(model, rows, new double[3], 8));
        assertThrows(IllegalArgumentException.class,
                () -> IntegratedGradients.explain(model, rows, new double[rows.cols()], 0));
    }
}
