package org.sgm.core.explain;

import org.sgm.core.data.FeatureMatrix;

/**
 * A fitted detector whose score is a differentiable function of its input features, row by row (each row's score
 * depends on that row only). Every score-guided model and its plain twin is one; the classical baselines are not.
 */
public interface Differentiable {

    /**
     * @param x rows to score, {@code n × inputDim}
     * @return each row's score (a forward pass only, as {@code FittedDetector.score})
     */
    double[] score(FeatureMatrix x);

    /**
     * @param x rows to score, {@code n × inputDim}
     * @return each row's score and the gradient of that score with respect to the row's features
     */
    ScoreGradients scoreGradients(FeatureMatrix x);

    /**
     * @param x rows, {@code n × inputDim}
     * @return each row's reconstruction x̂ (row-major, {@code n × inputDim}) if the backbone reconstructs its input
     *     (an autoencoder's decoder), else null
     */
    double[] reconstruction(FeatureMatrix x);

    /**
     * Scores and input gradients.
     *
     * @param scores one score per row
     * @param gradients ∂score_i/∂x_i, row-major, {@code n × d}
     * @param cols d
     */
    record ScoreGradients(double[] scores, double[] gradients, int cols) {}
}
