package org.sgm.models.rsrae;

import java.util.List;
import java.util.Objects;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of SG-RSRAE and its plain twin {@code rsrae}. Every violation is reported at once.
 *
 * <p>Defaults follow Lai et al.'s experiments (their public code, {@code github.com/dmzou/RSRAE},
 * {@code experiments.py}): encoder widths 32, 64, 128, intrinsic dimension 10, Adam with learning rate 2.5e-4,
 * batch 128, 200 epochs, and λ1 = λ2 = 1 (their alternating mode minimises the two RSR terms unweighted).
 * Gradient clipping and early stopping are the SGM paper's.
 *
 * @param hiddenDims encoder widths after the input, the last one being D, the width of y (the decoder mirrors
 *     them); at least one; default [32, 64, 128]
 * @param intrinsicDim d, the width of the RSR layer's output z̃ (1 ≤ d ≤ D); default 10
 * @param lambda1 weight λ1 of the projection term {@code mean ‖y − AᵀA y‖₂} (≥ 0); default 1
 * @param lambda2 weight λ2 of the orthogonality term {@code ‖A Aᵀ − I_d‖_F²} (≥ 0); default 1
 * @param alternate true: optimizer steps alternate between L_AE (even steps) and the RSR terms (odd steps), as
 *     Lai et al.'s RSRAE; false: every step minimises {@code L_AE + L_RSR} (their joint variant); default true
 * @param metric the metric m that pre-judges training rows and scores the plain {@code rsrae}; default
 *     {@link RsraeMetric#L2}
 * @param scorerHidden hidden width of the scoring network; default 10
 * @param training optimisation settings; default 200 epochs, batch 128, learning rate 2.5e-4, clipping 1.0, early
 *     stopping on
 * @param guidance guidance settings; paper defaults (λ_DE = 0 for the plain {@code rsrae})
 */
public record RsraeHyperparameters(List<Integer> hiddenDims, int intrinsicDim, double lambda1, double lambda2,
        boolean alternate, RsraeMetric metric, int scorerHidden, TrainingConfig training, ScoreGuidance guidance)
        implements ScoreGuidedHyperparameters<RsraeHyperparameters> {

    /** Validates every field, reporting all violations together. */
    public RsraeHyperparameters {
        Violations v = new Violations();
        if (hiddenDims == null || hiddenDims.isEmpty()) {
            v.add("hiddenDims must name at least one encoder width (got " + hiddenDims + ")");
        } else {
            for (int i = 0; i < hiddenDims.size(); i++) {
                Integer w = hiddenDims.get(i);
                v.require(w != null && w >= 1, "hiddenDims[" + i + "]", "must be ≥ 1", w);
            }
            hiddenDims = List.copyOf(hiddenDims.stream().filter(Objects::nonNull).toList());
        }
        v.require(intrinsicDim >= 1, "intrinsicDim", "must be ≥ 1", intrinsicDim);
        if (hiddenDims != null && !hiddenDims.isEmpty() && intrinsicDim >= 1) {
            int top = hiddenDims.get(hiddenDims.size() - 1);
            v.require(top < 1 || intrinsicDim <= top, "intrinsicDim",
                    "must be ≤ the last encoder width " + top + " (A Aᵀ = I_d needs d ≤ D)", intrinsicDim);
        }
        v.require(lambda1 >= 0 && Double.isFinite(lambda1), "lambda1", "must be ≥ 0", lambda1);
        v.require(lambda2 >= 0 && Double.isFinite(lambda2), "lambda2", "must be ≥ 0", lambda2);
        if (metric == null) {
            v.add("metric is missing (\"cosine\" or \"l2\")");
        }
        ScoreGuidedHyperparameters.checkShared(v, training, guidance, scorerHidden);
        v.throwIfAny();
    }

    /**
     * @return the defaults: {@link #paper()} with the training settings resolved from the data
     *     ({@link TrainingConfig#defaults()}; docs/defaults.md)
     */
    public static RsraeHyperparameters defaults() {
        return paper().withTraining(TrainingConfig.defaults()).withGuidance(ScoreGuidance.defaults());
    }

    /**
     * @return the defaults: Lai et al.'s widths (32, 64, 128), d = 10, λ1 = λ2 = 1, alternating steps, their training
     *     set-up (200 epochs, batch 128, learning rate 2.5e-4), the L2 metric, a 10-unit scorer and the paper's
     *     guidance
     */
    public static RsraeHyperparameters paper() {
        return new RsraeHyperparameters(List.of(32, 64, 128), 10, 1.0, 1.0, true, RsraeMetric.L2, 10,
                new TrainingConfig(200, 128, 2.5e-4, 1.0, true), ScoreGuidance.paper());
    }

    @Override
    public RsraeHyperparameters withGuidance(ScoreGuidance g) {
        return new RsraeHyperparameters(hiddenDims, intrinsicDim, lambda1, lambda2, alternate, metric, scorerHidden,
                training, g);
    }

    @Override
    public RsraeHyperparameters withTraining(TrainingConfig t) {
        return new RsraeHyperparameters(hiddenDims, intrinsicDim, lambda1, lambda2, alternate, metric, scorerHidden,
                t, guidance);
    }
}
