package org.sgm.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.explain.Differentiable;

/** A fitted model's input gradient of its test score against central differences of that score. */
final class ScoreGradientCheck {
    private ScoreGradientCheck() {}

    /**
     * Checks the gradient of row 0's score along every feature (step 1e-2 in float, 5 % relative + 1e-3 absolute),
     * and that the gradient pass reports the forward pass's scores.
     *
     * @param model the fitted model
     * @param rows rows to score
     * @param label for messages
     */
    static void assertMatchesCentralDifferences(Differentiable model, FeatureMatrix rows, String label) {
        Differentiable.ScoreGradients g = model.scoreGradients(rows);
        assertArrayEquals(model.score(rows), g.scores(), 1e-6, label);
        float[] x = rows.toArray();
        double h = 1e-2;
        for (int j = 0; j < rows.cols(); j++) {
            float[] up = x.clone();
            float[] down = x.clone();
            up[j] += (float) h;
            down[j] -= (float) h;
            double numeric = (model.score(FeatureMatrix.wrap(up, rows.rows(), rows.columnNames()))[0]
                    - model.score(FeatureMatrix.wrap(down, rows.rows(), rows.columnNames()))[0])
                    / ((float) (x[j] + h) - (float) (x[j] - h));
            double analytic = g.gradients()[j];
            assertEquals(analytic, numeric, 0.05 * Math.abs(analytic) + 1e-3, label + " feature " + j);
        }
    }
}
