/**
 * Per-feature explanations of anomaly scores: {@link org.sgm.core.explain.IntegratedGradients} for any
 * {@link org.sgm.core.explain.Differentiable} detector (every score-guided model and its plain twin), and the
 * per-feature reconstruction error for backbones that reconstruct their input.
 */
package org.sgm.core.explain;
