/**
 * Baseline detectors from Tribuo, adapted to SGM's detector contract so that they run through the same registry,
 * model file and evaluation protocol as the score-guided models (Tribuo inside SGM; the other direction, SGM as a
 * Tribuo trainer, is {@code org.sgm.eval.tribuotrainer}), and SGM's own classical baselines (Isolation Forest, k-NN,
 * LOF, ECOD, RCF). Tribuo types stay inside this package.
 *
 * <p>Adapting a Tribuo anomaly model takes three conventions: training rows are labelled
 * {@code AnomalyFactory.EXPECTED_EVENT} (Tribuo's LibSVM trainer refuses anything else), features are named
 * {@code f0000, f0001, …} (zero-padded, because Tribuo numbers features in lexicographic name order), and Tribuo's
 * score, higher = more normal, is negated into SGM's higher = more anomalous.
 *
 * <p>Where Tribuo's own serialised form would involve Java serialization (LIBLINEAR) or does not hold what scoring
 * needs (k-means distances, GLOSH scores of new rows), the baseline keeps what it scores with as float arrays in the
 * model file instead and computes its score itself; see docs/baselines.md.
 */
package org.sgm.eval.baselines;
