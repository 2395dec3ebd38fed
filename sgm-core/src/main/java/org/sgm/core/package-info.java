/**
 * SGM core: the detector contract ({@link org.sgm.core.AnomalyDetector} → {@link org.sgm.core.FittedDetector}),
 * the SPIs a backbone implements ({@link org.sgm.core.spi}), the one score-guided training loop
 * ({@link org.sgm.core.train}), hyperparameter records ({@link org.sgm.core.hyper}) and the model file format
 * ({@link org.sgm.core.io}).
 *
 * <p>Score convention, for every detector: higher = more anomalous.
 */
package org.sgm.core;
