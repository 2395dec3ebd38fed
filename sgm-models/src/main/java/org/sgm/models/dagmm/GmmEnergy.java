package org.sgm.models.dagmm;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * DAGMM's Gaussian-mixture energy as elementary SameDiff ops, vectorised over the K components and unrolled over
 * the D latent coordinates.
 *
 * <p>SameDiff's {@code matrixInverse} has a silently wrong gradient and {@code cholesky}, {@code logdet} and
 * {@code matrixDeterminant} have none (STACK.md §2.4, §6), so the Cholesky factorisation, the log-determinant and
 * the forward substitution of the Mahalanobis distance are written out entry by entry: every entry of a Cholesky
 * factor is a {@code [K]} vector (one value per component), every coordinate of the centred codes an {@code [N, K]}
 * matrix. That is O(D³) small ops, fine for DAGMM's latent widths (D = z_c + 2, 3 or 4 in the original); the
 * moments themselves are batched products over all components at once. The
 * log-sum-exp over components is written as {@code m + log Σ exp(x − m)} (SameDiff's {@code logSumExp} crashes in
 * backprop).
 */
final class GmmEnergy {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private GmmEnergy() {}

    /**
     * GMM parameters as graph values.
     *
     * @param logPhi log mixture weights, {@code [K]}
     * @param means the means, {@code [K, D]}
     * @param chol the lower Cholesky factors of the covariances: {@code chol[i][j]}, j ≤ i, is the {@code [K]} vector
     *     of entry (i, j)
     * @param covDiag the covariance diagonals Σ_k,jj (regularised), one {@code [K]} vector per coordinate; null when
     *     the parameters are constants
     */
    record Params(SDVariable logPhi, SDVariable means, SDVariable[][] chol, SDVariable[] covDiag) {
        int dim() {
            return chol.length;
        }
    }

    /**
     * The batch estimates of DAGMM: φ_k = mean_n γ_nk, μ_k = Σ_n γ_nk z_n / Σ_n γ_nk,
     * Σ_k = Σ_n γ_nk (z_n − μ_k)(z_n − μ_k)ᵀ / Σ_n γ_nk + ε·I, and the Cholesky factor of Σ_k.
     *
     * @param sd the graph
     * @param z the latent code, {@code [N, D]}
     * @param gamma the memberships, {@code [N, K]}, rows summing to 1
     * @param dim D
     * @param covEps ε, added to every covariance diagonal
     * @return the parameters, differentiable in z and γ
     */
    static Params fromBatch(SameDiff sd, SDVariable z, SDVariable gamma, int dim, double covEps) {
        SDVariable nk = sd.sum(gamma, 0);
        SDVariable logPhi = sd.math.log(sd.mean(gamma, 0));
        SDVariable means = sd.mmul(gamma, z, true, false, false).div(nk.reshape(-1, 1)); // [K, D]
        SDVariable diff = centred(sd, z, means); // [N, K, D]
        SDVariable weighted = diff.mul(sd.expandDims(gamma, 2)); // [N, K, D]
        // Σ_n γ_nk d_nk d_nkᵀ as one batched product [K, D, N] × [K, N, D]
        SDVariable scatter = sd.mmul(sd.permute(weighted, 1, 2, 0), sd.permute(diff, 1, 0, 2));
        SDVariable cov = scatter.div(nk.reshape(-1, 1, 1)); // [K, D, D]
        SDVariable[][] entries = new SDVariable[dim][];
        SDVariable[] covDiag = new SDVariable[dim];
        for (int i = 0; i < dim; i++) {
            entries[i] = new SDVariable[i + 1];
            for (int j = 0; j <= i; j++) {
                entries[i][j] = cov.get(SDIndex.all(), SDIndex.point(i), SDIndex.point(j));
            }
            entries[i][i] = entries[i][i].add(covEps);
            covDiag[i] = entries[i][i];
        }
        return new Params(logPhi, means, cholesky(sd, entries, covEps), covDiag);
    }

    /**
     * Parameters held as constants of the graph (estimated elsewhere, e.g. on the whole training set).
     *
     * @param sd the graph
     * @param phi mixture weights, {@code [K]}, all &gt; 0
     * @param means means, {@code [K, D]}
     * @param chol lower Cholesky factors of the covariances, {@code [K, D, D]}
     * @param dim D
     * @return the parameters
     */
    static Params fromConstants(SameDiff sd, SDVariable phi, SDVariable means, SDVariable chol, int dim) {
        SDVariable[][] l = new SDVariable[dim][];
        for (int i = 0; i < dim; i++) {
            l[i] = new SDVariable[i + 1];
            for (int j = 0; j <= i; j++) {
                l[i][j] = chol.get(SDIndex.all(), SDIndex.point(i), SDIndex.point(j));
            }
        }
        return new Params(sd.math.log(phi), means, l, null);
    }

    /**
     * The sample energy E(z) = −log Σ_k φ_k N(z; μ_k, Σ_k), via y = L_k⁻¹(z − μ_k) by forward substitution and
     * log |2πΣ_k| = D·log 2π + 2 Σ_i log L_k,ii.
     *
     * @param sd the graph
     * @param z the latent code, {@code [N, D]}
     * @param p the GMM parameters
     * @return E per row, {@code [N]}
     */
    static SDVariable energy(SameDiff sd, SDVariable z, Params p) {
        int dim = p.dim();
        SDVariable diff = centred(sd, z, p.means());
        SDVariable[] y = new SDVariable[dim];
        SDVariable maha = null;
        SDVariable logDet = null;
        for (int i = 0; i < dim; i++) {
            SDVariable r = diff.get(SDIndex.all(), SDIndex.all(), SDIndex.point(i)); // [N, K]
            for (int m = 0; m < i; m++) {
                r = r.sub(y[m].mul(p.chol()[i][m]));
            }
            y[i] = r.div(p.chol()[i][i]);
            SDVariable sq = sd.math.square(y[i]);
            maha = maha == null ? sq : maha.add(sq);
            SDVariable logDiag = sd.math.log(p.chol()[i][i]);
            logDet = logDet == null ? logDiag : logDet.add(logDiag);
        }
        // log φ_k − ½‖y‖² − ½(D log 2π + log|Σ_k|), with log|Σ_k| = 2 Σ log L_ii
        SDVariable logComponent = maha.mul(-0.5).add(p.logPhi().sub(logDet).sub(0.5 * dim * LOG_2PI));
        SDVariable max = sd.max(logComponent, true, 1);
        SDVariable logSum = max.add(sd.math.log(sd.sum(sd.math.exp(logComponent.sub(max)), true, 1)));
        return logSum.neg().reshape(-1);
    }

    /**
     * DAGMM's penalty on small variances, Σ_k Σ_j 1/Σ_k,jj.
     *
     * @param sd the graph
     * @param p batch parameters (from {@link #fromBatch})
     * @return the scalar penalty
     */
    static SDVariable covariancePenalty(SameDiff sd, Params p) {
        SDVariable total = null;
        for (SDVariable diag : p.covDiag()) {
            SDVariable s = diag.rdiv(1.0);
            total = total == null ? s : total.add(s);
        }
        return sd.sum(total);
    }

    /**
     * Unrolled Cholesky of a symmetric positive definite matrix given entry by entry. Each pivot is floored at
     * ε: for Σ = A + ε·I with A positive semi-definite every pivot (a Schur complement) is ≥ ε in exact
     * arithmetic, so the floor only removes rounding error in float32 that would otherwise make a square root
     * NaN; it changes nothing where the factorisation is well defined.
     */
    private static SDVariable[][] cholesky(SameDiff sd, SDVariable[][] cov, double floor) {
        int dim = cov.length;
        SDVariable[][] l = new SDVariable[dim][];
        for (int i = 0; i < dim; i++) {
            l[i] = new SDVariable[i + 1];
            for (int j = 0; j < i; j++) {
                SDVariable s = cov[i][j];
                for (int m = 0; m < j; m++) {
                    s = s.sub(l[i][m].mul(l[j][m]));
                }
                l[i][j] = s.div(l[j][j]);
            }
            SDVariable s = cov[i][i];
            for (int m = 0; m < i; m++) {
                s = s.sub(sd.math.square(l[i][m]));
            }
            l[i][i] = sd.math.sqrt(sd.nn.relu(s.sub(floor), 0).add(floor));
        }
        return l;
    }

    /** z_n − μ_k for every row and component: {@code [N, 1, D] − [K, D] → [N, K, D]}. */
    private static SDVariable centred(SameDiff sd, SDVariable z, SDVariable means) {
        return sd.expandDims(z, 1).sub(means);
    }
}
