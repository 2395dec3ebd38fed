/** SG-AE: the autoencoder backbone of the paper, and its plain twin {@code ae}. */
package org.sgm.models.sgae;
