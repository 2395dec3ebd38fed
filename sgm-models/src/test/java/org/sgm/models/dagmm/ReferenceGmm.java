package org.sgm.models.dagmm;

/**
 * A straightforward plain-Java GMM for tests: weighted moments, then the density through an explicit inverse and a
 * determinant by Gaussian elimination with partial pivoting (no Cholesky, so it checks the unrolled one).
 */
record ReferenceGmm(double[] phi, double[][] mu, double[][][] cov) {

    static double[][] softmax(double[][] logits) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logits[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            out[i] = new double[logits[i].length];
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = Math.exp(logits[i][k] - max);
                sum += out[i][k];
            }
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] /= sum;
            }
        }
        return out;
    }

    static ReferenceGmm fit(double[][] z, double[][] gamma, double eps) {
        int n = z.length;
        int d = z[0].length;
        int kk = gamma[0].length;
        double[] phi = new double[kk];
        double[][] mu = new double[kk][d];
        double[][][] cov = new double[kk][d][d];
        for (int k = 0; k < kk; k++) {
            double nk = 0;
            for (int i = 0; i < n; i++) {
                nk += gamma[i][k];
            }
            phi[k] = nk / n;
            for (int a = 0; a < d; a++) {
                for (int i = 0; i < n; i++) {
                    mu[k][a] += gamma[i][k] * z[i][a] / nk;
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    for (int i = 0; i < n; i++) {
                        cov[k][a][b] += gamma[i][k] * (z[i][a] - mu[k][a]) * (z[i][b] - mu[k][b]) / nk;
                    }
                }
                cov[k][a][a] += eps;
            }
        }
        return new ReferenceGmm(phi, mu, cov);
    }

    /** E(z) = −log Σ_k φ_k exp(−½(z−μ_k)ᵀΣ_k⁻¹(z−μ_k)) / sqrt(|2πΣ_k|). */
    double energy(double[] z) {
        int d = z.length;
        double[] logTerms = new double[phi.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < phi.length; k++) {
            double[][] inv = inverse(cov[k]);
            double maha = 0;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    maha += (z[a] - mu[k][a]) * inv[a][b] * (z[b] - mu[k][b]);
                }
            }
            double det = determinant(cov[k]) * Math.pow(2 * Math.PI, d);
            logTerms[k] = Math.log(phi[k]) - 0.5 * maha - 0.5 * Math.log(det);
            max = Math.max(max, logTerms[k]);
        }
        double sum = 0;
        for (double t : logTerms) {
            sum += Math.exp(t - max);
        }
        return -(max + Math.log(sum));
    }

    /** Σ_k Σ_j 1/Σ_k,jj. */
    double penalty() {
        double p = 0;
        for (double[][] c : cov) {
            for (int j = 0; j < c.length; j++) {
                p += 1 / c[j][j];
            }
        }
        return p;
    }

    static double[][] inverse(double[][] m) {
        int d = m.length;
        double[][] a = new double[d][2 * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(m[i], 0, a[i], 0, d);
            a[i][d + i] = 1;
        }
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            double pivot = a[c][c];
            for (int j = 0; j < 2 * d; j++) {
                a[c][j] /= pivot;
            }
            for (int r = 0; r < d; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int j = 0; j < 2 * d; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a[i], d, out[i], 0, d);
        }
        return out;
    }

    static double determinant(double[][] m) {
        int d = m.length;
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = m[i].clone();
        }
        double det = 1;
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            if (p != c) {
                double[] t = a[c];
                a[c] = a[p];
                a[p] = t;
                det = -det;
            }
            det *= a[c][c];
            for (int r = c + 1; r < d; r++) {
                double f = a[r][c] / a[c][c];
                for (int j = c; j < d; j++) {
                    a[r][j] -= f * a[c][j];
                }
            }
        }
        return det;
    }
}
