/**
 * SGM detectors inside Tribuo: {@link SgmAnomalyTrainer} is a Tribuo {@code Trainer<Event>}
 * wrapping any SGM detector, and {@link SgmTribuoModel} the Tribuo {@code Model<Event>} it
 * trains, so that the score-guided models drop into Tribuo pipelines (datasets, evaluators, provenance).
 */
package org.sgm.eval.tribuo;
