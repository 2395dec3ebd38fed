/**
 * SG-RDA: the Robust Deep Autoencoder, ℓ2,1 variant (Zhou &amp; Paffenroth, KDD 2017), as a score-guided backbone,
 * and its plain twin {@code rda}. The training data is split into a part the autoencoder reconstructs and a
 * row-sparse part, alternating autoencoder epochs with a proximal step.
 */
package org.sgm.models.rda;
