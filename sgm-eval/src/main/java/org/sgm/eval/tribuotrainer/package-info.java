/**
 * SGM detectors inside Tribuo: {@link org.sgm.eval.tribuotrainer.SgmAnomalyTrainer} is a Tribuo {@code Trainer<Event>}
 * wrapping any SGM detector, and {@link org.sgm.eval.tribuotrainer.SgmTribuoModel} the Tribuo {@code Model<Event>} it
 * trains, so that the score-guided models drop into Tribuo pipelines (datasets, evaluators, provenance).
 */
package org.sgm.eval.tribuotrainer;
