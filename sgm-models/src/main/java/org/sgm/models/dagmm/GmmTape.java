package org.sgm.models.dagmm;

import org.sgm.core.tape.Tape;
import org.sgm.core.tape.Tensor;

/**
 * DAGMM's Gaussian-mixture energy on the fast engine: the same unrolled formulas as {@link GmmEnergy} (the SameDiff
 * version, its oracle), with every per-component quantity a {@code [1, K]} row and every per-row, per-component one
 * an {@code [N, K]} matrix. The Cholesky factor, its log-determinant and the forward substitution are written out
 * entry by entry, as there: O(D³) small operations on {@code [1, K]} rows, O(D²) on {@code [N, K]} matrices.
 */
final class GmmTape {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private GmmTape() {}

    /**
     * GMM parameters as tape values.
     *
     * @param logPhi log mixture weights, {@code [1, K]}
     * @param means {@code means[i]} = the i-th coordinate of every mean, {@code [1, K]}
     * @param chol the lower Cholesky factors: {@code chol[i][j]}, j ≤ i, is entry (i, j) of every component's factor,
     *     {@code [1, K]}
     * @param covDiag the covariance diagonals (regularised), {@code [1, K]} per coordinate; null for constants
     */
    record Params(Tensor logPhi, Tensor[] means, Tensor[][] chol, Tensor[] covDiag) {}

    /**
     * The batch estimates of DAGMM (as {@link GmmEnergy#fromBatch}).
     *
     * @param t the tape
     * @param z the latent code, {@code [N, D]}
     * @param gamma the memberships, {@code [N, K]}
     * @param covEps ε added to every covariance diagonal
     * @return the parameters, differentiable in z and γ
     */
    static Params fromBatch(Tape t, Tensor z, Tensor gamma, double covEps) {
        int dim = z.cols();
        Tensor nk = t.sumCols(gamma);
        Tensor logPhi = t.log(t.mul(nk, 1.0 / z.rows()));
        Tensor[] means = new Tensor[dim];
        Tensor[] diff = new Tensor[dim];
        for (int i = 0; i < dim; i++) {
            Tensor zi = t.column(z, i);
            means[i] = t.div(t.sumCols(t.mul(gamma, zi)), nk);
            diff[i] = t.sub(zi, means[i]);
        }
        Tensor[][] cov = new Tensor[dim][];
        Tensor[] covDiag = new Tensor[dim];
        for (int i = 0; i < dim; i++) {
            cov[i] = new Tensor[i + 1];
            Tensor weighted = t.mul(gamma, diff[i]);
            for (int j = 0; j <= i; j++) {
                cov[i][j] = t.div(t.sumCols(t.mul(weighted, diff[j])), nk);
            }
            cov[i][i] = t.add(cov[i][i], covEps);
            covDiag[i] = cov[i][i];
        }
        return new Params(logPhi, means, cholesky(t, cov, covEps), covDiag);
    }

    /**
     * Parameters held as constants (the training-set estimates the metric uses).
     *
     * @param t the tape
     * @param phi mixture weights, {@code [1, K]}
     * @param mu means, {@code [K, D]}
     * @param chol Cholesky factors, {@code [K, D·D]} (row-major D × D per component)
     * @param dim D
     * @return the parameters
     */
    static Params fromConstants(Tape t, Tensor phi, Tensor mu, Tensor chol, int dim) {
        Tensor[] means = new Tensor[dim];
        Tensor[][] l = new Tensor[dim][];
        for (int i = 0; i < dim; i++) {
            means[i] = t.transpose(t.column(mu, i));
            l[i] = new Tensor[i + 1];
            for (int j = 0; j <= i; j++) {
                l[i][j] = t.transpose(t.column(chol, i * dim + j));
            }
        }
        return new Params(t.log(phi), means, l, null);
    }

    /**
     * The sample energy E(z) = −log Σ_k φ_k N(z; μ_k, Σ_k) (as {@link GmmEnergy#energy}).
     *
     * @param t the tape
     * @param z the latent code, {@code [N, D]}
     * @param p the GMM parameters
     * @return E per row, {@code [N, 1]}
     */
    static Tensor energy(Tape t, Tensor z, Params p) {
        int dim = z.cols();
        Tensor[] y = new Tensor[dim];
        Tensor maha = null;
        Tensor logDet = null;
        for (int i = 0; i < dim; i++) {
            Tensor r = t.sub(t.column(z, i), p.means()[i]); // [N, K]
            for (int m = 0; m < i; m++) {
                r = t.sub(r, t.mul(y[m], p.chol()[i][m]));
            }
            y[i] = t.div(r, p.chol()[i][i]);
            Tensor sq = t.square(y[i]);
            maha = maha == null ? sq : t.add(maha, sq);
            Tensor logDiag = t.log(p.chol()[i][i]);
            logDet = logDet == null ? logDiag : t.add(logDet, logDiag);
        }
        Tensor logComponent = t.add(t.mul(maha, -0.5), t.add(t.sub(p.logPhi(), logDet), -0.5 * dim * LOG_2PI));
        return t.neg(t.logSumExpRows(logComponent));
    }

    /**
     * Σ_k Σ_j 1/Σ_k,jj (as {@link GmmEnergy#covariancePenalty}).
     *
     * @param t the tape
     * @param p batch parameters
     * @return the scalar penalty
     */
    static Tensor covariancePenalty(Tape t, Params p) {
        Tensor total = null;
        for (Tensor diag : p.covDiag()) {
            Tensor s = t.rdiv(diag, 1.0);
            total = total == null ? s : t.add(total, s);
        }
        return t.sum(total);
    }

    /** The unrolled Cholesky of {@link GmmEnergy}, pivots floored at ε in the same way. */
    private static Tensor[][] cholesky(Tape t, Tensor[][] cov, double floor) {
        int dim = cov.length;
        Tensor[][] l = new Tensor[dim][];
        for (int i = 0; i < dim; i++) {
            l[i] = new Tensor[i + 1];
            for (int j = 0; j < i; j++) {
                Tensor s = cov[i][j];
                for (int m = 0; m < j; m++) {
                    s = t.sub(s, t.mul(l[i][m], l[j][m]));
                }
                l[i][j] = t.div(s, l[j][j]);
            }
            Tensor s = cov[i][i];
            for (int m = 0; m < i; m++) {
                s = t.sub(s, t.square(l[i][m]));
            }
            l[i][i] = t.sqrt(t.add(t.relu(t.add(s, -floor)), floor));
        }
        return l;
    }
}
