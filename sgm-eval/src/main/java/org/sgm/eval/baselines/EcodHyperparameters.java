package org.sgm.eval.baselines;

/**
 * ECOD has no hyperparameters (Li, Zhao, Hu, Botta, Ionescu and Chen, "ECOD: Unsupervised Outlier Detection Using
 * Empirical Cumulative Distribution Functions", IEEE TKDE 2022). The record exists so that the detector reads and
 * writes hyperparameters like every other: {@code {}}.
 */
public record EcodHyperparameters() {
    /** @return the (empty) defaults */
    public static EcodHyperparameters defaults() {
        return new EcodHyperparameters();
    }
}
