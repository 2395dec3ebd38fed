/**
 * Per-feature explanations of anomaly scores: {@link IntegratedGradients} for any
 * {@link Differentiable} detector (every score-guided model and its plain twin), and the
 * per-feature reconstruction error for backbones that reconstruct their input.
 */
package org.sgm.core.explain;
