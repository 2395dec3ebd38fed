/**
 * SG-RSRAE: the robust subspace recovery autoencoder (Lai, Zou, Lerman, ICLR 2020) as a score-guided backbone, and
 * its plain twin {@code rsrae} (see {@link org.sgm.models.rsrae.RsraeLearner}).
 */
package org.sgm.models.rsrae;
