/**
 * SG-DAGMM: the Deep Autoencoding Gaussian Mixture Model (Zong et al., ICLR 2018) as a score-guided backbone, and
 * its plain twin {@code dagmm}. The mixture energy is unrolled into elementary SameDiff ops so that it has correct
 * gradients.
 */
package org.sgm.models.dagmm;
