package org.sgm.core.train;

import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs OpenBLAS on one thread, so that scores do not depend on {@code OMP_NUM_THREADS}.
 *
 * <p>ND4J's CPU backend sets OpenBLAS's thread count from {@code OMP_NUM_THREADS} when it starts, and OpenBLAS
 * splits larger products (measured: a 330×64·64×32 {@code mmul}) differently for 1 and 2 threads, which changed
 * the last bits of every SameDiff-trained backbone's scores (Deep SVDD, DAGMM, RSRAE) between
 * {@code OMP_NUM_THREADS=1} and {@code 2}. One thread is also the faster setting for these small products (see
 * the README), and evaluations run cells in parallel instead. This changes a process-wide setting: it is done
 * once, the first time SGM builds a network, after ND4J has started (which would otherwise reset it).
 *
 * <p>The system property {@code sgm.blas.threads=keep} leaves OpenBLAS as ND4J configured it (scores may then
 * differ in the last bits between thread counts).
 */
final class BlasThreads {
    /** System property: {@code keep} leaves OpenBLAS's thread count alone. */
    static final String PROPERTY = "sgm.blas.threads";
    private static volatile boolean pinned;

    private BlasThreads() {}

    /** Sets OpenBLAS to one thread, once per process (unless {@code sgm.blas.threads=keep}). */
    static void pinToOne() {
        if (pinned) {
            return;
        }
        synchronized (BlasThreads.class) {
            if (!pinned && !"keep".equals(System.getProperty(PROPERTY))) {
                Nd4j.getEnvironment(); // make sure the backend has started: it sets the count when it does
                openblas.blas_set_num_threads(1);
            }
            pinned = true;
        }
    }
}
