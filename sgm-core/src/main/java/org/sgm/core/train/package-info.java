/**
 * The one training loop every score-guided model uses ({@link org.sgm.core.train.TrainingLoop}), the
 * detector/model pair built on it, and listeners for progress.
 */
package org.sgm.core.train;
