package org.sgm.models.rda;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The proximal operator of {@code λ·‖S‖_{2,1}} with one group per row (sample): each row r_i of the residual is
 * shrunk towards 0 by λ in norm, {@code S_i = max(0, 1 − λ/‖r_i‖₂)·r_i}, so a row whose norm is at most λ becomes 0.
 * Plain Java, run between optimizer steps (no autodiff).
 */
public final class L21Shrinkage {
    private L21Shrinkage() {}

    /**
     * @param norm a row's norm ‖r‖₂
     * @param lambda the threshold λ &gt; 0
     * @return the factor {@code max(0, 1 − λ/‖r‖)} the row is multiplied by (0 for a zero row)
     */
    public static double factor(double norm, double lambda) {
        return norm > lambda ? 1 - lambda / norm : 0;
    }

    /**
     * @param residual the residual {@code X − L̂}, {@code [N, d]}; not modified
     * @param lambda the threshold λ &gt; 0
     * @return S, {@code [N, d]}, same data type as the residual
     */
    public static INDArray shrinkRows(INDArray residual, double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("λ must be > 0, got " + lambda);
        }
        double[][] r = residual.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (double[] row : r) {
            double sq = 0;
            for (double v : row) {
                sq += v * v;
            }
            double f = factor(Math.sqrt(sq), lambda);
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
        return Nd4j.create(r).castTo(residual.dataType());
    }
}
