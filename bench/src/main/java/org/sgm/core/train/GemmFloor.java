package org.sgm.core.train;

import java.util.Arrays;
import java.util.Locale;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The matrix products of one SG-AE epoch alone, on OpenBLAS with native memory (no copies, nothing else): the floor
 * under any implementation that does the same products with the same BLAS. market.csv's training part as the
 * yardstick has it (36,490 rows, 51 features, widths 51→40→20, scorer 20→10→1), batch 1024, plus the per-epoch pass
 * in batches of 4096. Prints the median of 5 epochs in ms.
 *
 * <p>Run: {@code OMP_NUM_THREADS=1 java -cp bench/target/benchmarks.jar org.sgm.core.train.GemmFloor}
 */
public final class GemmFloor {
    private static final FloatPointer BIG = new FloatPointer(4096L * 64);
    private static final FloatPointer BIG2 = new FloatPointer(4096L * 64);
    private static final FloatPointer OUT = new FloatPointer(4096L * 64);
    private static final FloatPointer W = new FloatPointer(64L * 64);

    private GemmFloor() {}

    private static void mm(boolean ta, boolean tb, int m, int n, int k) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, ta ? openblas.CblasTrans : openblas.CblasNoTrans,
                tb ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, 1f, BIG, ta ? m : k, W, tb ? k : n, 0f,
                OUT, n);
    }

    private static void dw(int in, int out, int b) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, in, out, b, 1f, BIG,
                in, BIG2, out, 1f, W, out);
    }

    private static void forward(int b) {
        mm(false, false, b, 40, 51);
        mm(false, false, b, 20, 40);
        mm(false, false, b, 40, 20);
        mm(false, false, b, 51, 40);
        mm(false, false, b, 10, 20);
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        openblas.blas_set_num_threads(1);
        int rows = 36_490;
        int b = 1024;
        int steps = rows / b;
        double[] ms = new double[7];
        for (int e = 0; e < ms.length; e++) {
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                forward(b);
                dw(40, 51, b); // decoder out layer: dW, dX
                mm(false, true, b, 40, 51);
                dw(20, 40, b);
                mm(false, true, b, 20, 40);
                dw(20, 10, b); // scorer hidden layer: dW, dX
                mm(false, true, b, 20, 10);
                dw(40, 20, b); // encoder: dW, dX; first layer dW only
                mm(false, true, b, 40, 20);
                dw(51, 40, b);
            }
            for (int from = 0; from < rows; from += 4096) {
                forward(Math.min(4096, rows - from));
            }
            ms[e] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms, 2, ms.length); // first two are warm-up
        System.out.printf(Locale.ROOT, "GEMMs of one SG-AE epoch (36,490 rows, batch 1024): %.1f ms (median of 5)%n",
                ms[2 + 2]);
    }
}
