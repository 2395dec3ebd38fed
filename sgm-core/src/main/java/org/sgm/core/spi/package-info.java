/**
 * The service-provider interfaces a researcher implements: a {@link RepresentationLearner}
 * (the backbone), and, to replace the paper's defaults, a {@link org.sgm.core.spi.ScoringNetwork}, a
 * {@link ScoreGuidedRegularizer} or a {@link PseudoLabeler}.
 */
package org.sgm.core.spi;
