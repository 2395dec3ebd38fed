package org.sgm.models.rda;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The proximal operator of {@code λ·‖S‖_{2,1}} with one group per row (sample): each row r_i of the residual is
 * shrunk towards 0 by λ in norm, {@code S_i = max(0, 1 − λ/‖r_i‖₂)·r_i}, so a row whose norm is at most λ becomes 0.
 * Plain ND4J, run between optimizer steps (no autodiff).
 */
public final class L21Shrinkage {
    private L21Shrinkage() {}

    /**
     * @param residual the residual {@code X − L̂}, {@code [N, d]}; not modified
     * @param lambda the threshold λ &gt; 0
     * @return S, {@code [N, d]}, same data type as the residual
     */
    public static INDArray shrinkRows(INDArray residual, double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("λ must be > 0, got " + lambda);
        }
        INDArray norms = residual.norm2(1).reshape(-1, 1);
        // 1 − λ/‖r‖, floored at 0; a zero row gives 1 − ∞ → 0.
        INDArray factor = Transforms.max(norms.rdiv(lambda).rsubi(1.0), 0.0, false);
        return residual.mulColumnVector(factor);
    }
}
