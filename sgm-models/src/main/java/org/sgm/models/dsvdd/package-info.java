/**
 * SG-DSVDD: Deep SVDD (Ruff et al., ICML 2018) as a score-guided backbone, and its plain twin {@code dsvdd}
 * (see {@link org.sgm.models.dsvdd.DsvddLearner}).
 */
package org.sgm.models.dsvdd;
