package org.sgm.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.EpochStats;
import org.sgm.core.FitContext;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.train.ScoreGuidedComponents;
import org.sgm.core.train.ScoreGuidedDetector;

/** Ties at τ are flagged only up to ⌈(1 − ε/100)·n⌉ rows; rows above τ always are. */
class PseudoLabelsTest {

    @Test
    void rowsAboveTauAreFlaggedAndTiesOnlyUpToTheQuota() {
        assertArrayEquals(new boolean[] {false, true, false, false, false, false, false, false, false, false},
                PseudoLabels.flags(new double[] {1, 5, 1, 5, 1, 1, 1, 1, 1, 1}, 5, 90), "a quota of 1: the first tie");
        assertArrayEquals(new boolean[] {false, true, false, true, false, false, false, false, false, false},
                PseudoLabels.flags(new double[] {1, 5, 1, 5, 1, 1, 1, 1, 1, 1}, 5, 80), "a quota of 2: both ties");
    }

    @Test
    void constantMetricsFlagTheQuotaNotEveryRow() {
        double[] same = new double[50];
        Arrays.fill(same, 3.0);
        boolean[] f = PseudoLabels.flags(same, 3.0, 90);
        for (int i = 0; i < f.length; i++) {
            assertEquals(i < 5, f[i], "the earliest rows of the batch, row " + i);
        }
        double[] above = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
        assertArrayEquals(new boolean[] {true, true, true, true, false, false, false, false, false, false},
                PseudoLabels.flags(above, 5.5, 90), "rows above τ are flagged even beyond the quota");
    }

    private record P() {}

    @Test
    void aGuidedFitOnConstantDataPreJudgesATenthOfTheRows() {
        double[][] rows = new double[200][3];
        for (double[] r : rows) {
            Arrays.fill(r, 1.0);
        }
        ScoreGuidedDetector d = new ScoreGuidedDetector("m", new P(), new TrainingConfig(2, 50, 1e-3, 1.0, false),
                ScoreGuidance.defaults(), ScoreGuidedComponents.paper(), w -> new DenseAutoencoder(new int[] {w, 2}));
        List<EpochStats> h = d.fit(FeatureMatrix.of(rows), FitContext.of(1)).history();
        assertEquals(0.1, h.get(0).flaggedFraction(), 1e-9, "not every tied row");
    }
}
