package org.sgm.eval.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.InvalidHyperparametersException;

/** Isolation Forest's formulas, its score range, and the checks on a model file's forest. */
class IsolationForestTest {

    @Test
    void averagePathLengthIsLiuEtAlsCWithScikitLearnsSmallCases() {
        assertEquals(0.0, IsolationForestModel.averagePathLength(1));
        assertEquals(1.0, IsolationForestModel.averagePathLength(2));
        // c(256) = 2(ln 255 + γ) − 2·255/256
        assertEquals(2 * (Math.log(255) + 0.5772156649015329) - 2.0 * 255 / 256,
                IsolationForestModel.averagePathLength(256), 1e-12);
        assertEquals(10.2448, IsolationForestModel.averagePathLength(256), 1e-4);
    }

    @Test
    void scoresLieInTheUnitIntervalAndAFarRowIsolatesFirst() {
        double[][] rows = new double[500][2];
        SplittableRandom rng = new SplittableRandom(1);
        for (double[] r : rows) {
            r[0] = rng.nextGaussian();
            r[1] = rng.nextGaussian();
        }
        FittedDetector f = new IsolationForestProvider().create(
                IsolationForestHyperparameters.defaults()).fit(FeatureMatrix.of(rows), FitContext.of(3));
        double[] s = f.score(FeatureMatrix.of(new double[][] {{0, 0}, {8, 8}}));
        assertTrue(s[0] > 0 && s[0] < 0.5 && s[1] > 0.7 && s[1] <= 1, Arrays.toString(s));
    }

    @Test
    void aForestTooLargeForItsFloatIndicesIsRefused() {
        assertThrows(InvalidHyperparametersException.class, () -> new IsolationForestHyperparameters(100_000, 256));
    }

    @Test
    void aModelWhoseNodesPointBackwardsIsRefused() {
        double[][] rows = new double[50][2];
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = i;
            rows[i][1] = -i;
        }
        IsolationForestHyperparameters hp = new IsolationForestHyperparameters(2, 16);
        ModelState state = new IsolationForestProvider().create(hp)
                .fit(FeatureMatrix.of(rows), FitContext.of(1)).state();
        float[] nodes = StateArrays.read("iforest", state, IsolationForestModel.NODES, -1, 5);
        nodes[2] = 0; // the root's left child → the root: a walk would loop
        Map<String, byte[]> entries = new HashMap<>(state.entries());
        entries.put(IsolationForestModel.NODES, StateArrays.encode(nodes, nodes.length / 5, 5));
        ModelFileException e = assertThrows(ModelFileException.class, () -> IsolationForestModel.restore("iforest", hp,
                new ModelState(state.inputDim(), entries, state.history())));
        assertTrue(e.getMessage().contains("malformed node 0"), e.getMessage());
    }
}
