/**
 * The service-provider interfaces a researcher implements: a {@link org.sgm.core.spi.RepresentationLearner}
 * (the backbone), and, to replace the paper's defaults, a {@link org.sgm.core.spi.ScoringNetwork}, a
 * {@link org.sgm.core.spi.ScoreGuidedRegularizer} or a {@link org.sgm.core.spi.PseudoLabeler}.
 */
package org.sgm.core.spi;
