package org.sgm.models.rsrae;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The per-sample discrimination metric m of an RSRAE, higher = more anomalous.
 *
 * <p>{@link #L2} is the default. Lai et al. score by cosine similarity, but on SGM's z-scored tabular data the
 * cosine ranks poorly: plain {@code rsrae} with default settings, test ROC-AUC over seeds 0–2 (stratified 80/20
 * split, z-scored on the training part): cardio 0.65 with L2 vs 0.42 with cosine, thyroid 0.96 vs 0.79. A row near
 * the feature means has a small norm, so its cosine with any reconstruction is unstable.
 */
public enum RsraeMetric {
    /** {@code −cos(x, x̃)}, the score of Lai et al.'s code ({@code "cosine"} in JSON). */
    @JsonProperty("cosine")
    COSINE,
    /** The reconstruction error {@code ‖x − x̃‖₂}, as SG-AE's ({@code "l2"} in JSON). */
    @JsonProperty("l2")
    L2
}
