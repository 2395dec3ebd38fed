/**
 * Hyperparameters: immutable records, validated with every violation reported at once, read from and written to
 * JSON. The paper's defaults are the defaults.
 */
package org.sgm.core.hyper;
