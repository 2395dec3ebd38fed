package org.sgm.core;

/**
 * What one epoch of training did, computed from training data only.
 *
 * @param epoch 1-based epoch number
 * @param totalLoss mean over the epoch's steps of {@code L = L_B + λ_DE·L_SG}
 * @param backboneLoss mean of L_B
 * @param guidanceLoss mean of L_SG (0 for a plain backbone)
 * @param threshold the pseudo-labelling threshold τ used in this epoch (NaN for a plain backbone)
 * @param flaggedFraction fraction of training rows flagged as pseudo-anomalies at the start of the epoch
 * @param meanTrainScore mean score over the training set after the epoch
 * @param millis wall time of the epoch
 */
public record EpochStats(int epoch, double totalLoss, double backboneLoss, double guidanceLoss, double threshold,
        double flaggedFraction, double meanTrainScore, long millis) {}
