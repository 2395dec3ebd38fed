package org.sgm.core.tape;

import org.bytedeco.openblas.global.openblas;

/**
 * Row-major GEMM {@code C = α·op(A)·op(B) + β·C} on Java arrays: OpenBLAS (the BLAS that ND4J's CPU backend
 * ships) for products large enough to pay for the JNI call and the array copies JavaCPP makes, a plain loop for the
 * small ones.
 *
 * <p>Measured on this project's machine (1 thread, 1024×51·51×40, float): OpenBLAS on native memory 80 µs, on Java
 * arrays 122 µs (JavaCPP copies the arrays in and out), double 184 µs. Element-wise loops on Java arrays run 6× faster
 * than through NIO buffers on native memory, so the tape keeps its values in Java arrays and pays the copies here.
 */
final class Blas {
    /** Products with fewer multiply-adds than this run in Java (no JNI call, no copies). */
    static final long SMALL = 8_192;

    private Blas() {}

    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, float[] a, int lda, float[] b,
            int ldb, double beta, float[] c, int ldc) {
        if ((long) m * n * k < SMALL) {
            small(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        openblas.cblas_sgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, (float) alpha, a, lda, b, ldb,
                (float) beta, c, ldc);
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        if ((long) m * n * k < SMALL) {
            small(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        openblas.cblas_dgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    private static void small(boolean transA, boolean transB, int m, int n, int k, double alpha, float[] a, int lda,
            float[] b, int ldb, double beta, float[] c, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[transA ? p * lda + i : i * lda + p] * b[transB ? j * ldb + p : p * ldb + j];
                }
                int at = i * ldc + j;
                c[at] = (float) (alpha * s + (beta == 0 ? 0 : beta * c[at]));
            }
        }
    }

    private static void small(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[transA ? p * lda + i : i * lda + p] * b[transB ? j * ldb + p : p * ldb + j];
                }
                int at = i * ldc + j;
                c[at] = alpha * s + (beta == 0 ? 0 : beta * c[at]);
            }
        }
    }
}
