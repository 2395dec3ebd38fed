package org.sgm.core.tape;

import java.util.Arrays;
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
        float al = (float) alpha;
        float be = (float) beta;
        float[] row = new float[n];
        for (int i = 0; i < m; i++) {
            Arrays.fill(row, 0f);
            for (int p = 0; p < k; p++) {
                float av = a[transA ? p * lda + i : i * lda + p];
                if (transB) {
                    for (int j = 0; j < n; j++) {
                        row[j] += av * b[j * ldb + p];
                    }
                } else {
                    int bo = p * ldb;
                    for (int j = 0; j < n; j++) {
                        row[j] += av * b[bo + j];
                    }
                }
            }
            int co = i * ldc;
            for (int j = 0; j < n; j++) {
                c[co + j] = al * row[j] + (be == 0 ? 0f : be * c[co + j]);
            }
        }
    }

    private static void small(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        double[] row = new double[n];
        for (int i = 0; i < m; i++) {
            Arrays.fill(row, 0.0);
            for (int p = 0; p < k; p++) {
                double av = a[transA ? p * lda + i : i * lda + p];
                for (int j = 0; j < n; j++) {
                    row[j] += av * b[transB ? j * ldb + p : p * ldb + j];
                }
            }
            int co = i * ldc;
            for (int j = 0; j < n; j++) {
                c[co + j] = alpha * row[j] + (beta == 0 ? 0 : beta * c[co + j]);
            }
        }
    }
}
