package org.sgm.eval;

import org.sgm.core.SgmException;

/**
 * The uniform protocol of {@code sgm evaluate}: for every seed a stratified train/test split of that seed,
 * preprocessing fitted on the training part, optional swap-noise injection into the training part (METHOD.md §5),
 * fit on the training part without labels, score the test part.
 *
 * @param testFraction the fraction of each class that goes to the test part, in (0, 1); default 0.2
 * @param noiseRate the swap-noise rate, in [0, 1); default 0
 * @param seeds the number of seeds (0 … seeds−1), ≥ 1
 * @param labelColumn the label column's name
 */
public record EvaluationProtocol(double testFraction, double noiseRate, int seeds, String labelColumn) {

    /** Validates the settings, naming the command-line option of each. */
    public EvaluationProtocol {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new SgmException("--test-fraction must be in (0, 1), got " + testFraction);
        }
        if (!(noiseRate >= 0 && noiseRate < 1)) {
            throw new SgmException("--noise must be in [0, 1), got " + noiseRate);
        }
        if (seeds < 1) {
            throw new SgmException("--seeds must be ≥ 1, got " + seeds);
        }
    }

    /** @return 3 seeds, 20 % test, no noise, label column {@code label} */
    public static EvaluationProtocol defaults() {
        return new EvaluationProtocol(0.2, 0.0, 3, "label");
    }
}
