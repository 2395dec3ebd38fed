package org.sgm.models.scratch;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GemmBenchTest {
    @Test
    void bench() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 1024, 51), w = Nd4j.rand(DataType.FLOAT, 51, 40), c = Nd4j.create(DataType.FLOAT, 1024, 40);
        INDArray af = a.dup('f'), wf = w.dup('f'), cf = Nd4j.create(DataType.FLOAT, new long[] {1024, 40}, 'f');
        FloatPointer pa = (FloatPointer) a.data().addressPointer(), pw = (FloatPointer) w.data().addressPointer(), pc = (FloatPointer) c.data().addressPointer();
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 500; i++) Nd4j.gemm(a, w, c, false, false, 1.0, 0.0);
            long t1 = System.nanoTime();
            for (int i = 0; i < 500; i++) Nd4j.gemm(af, wf, cf, false, false, 1.0, 0.0);
            long t2 = System.nanoTime();
            for (int i = 0; i < 500; i++) openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, 1024, 40, 51, 1f, pa, 51, pw, 40, 0f, pc, 40);
            long t3 = System.nanoTime();
            for (int i = 0; i < 500; i++) c.addiRowVector(w.getRow(0));
            long t4 = System.nanoTime();
            for (int i = 0; i < 500; i++) org.nd4j.linalg.ops.transforms.Transforms.relu(c, false);
            long t5 = System.nanoTime();
            System.out.printf("BENCH nd4j-c %.1f us, nd4j-f %.1f us, cblas %.1f us, addRow %.1f us, relu %.1f us%n",
                (t1 - t0) / 5e5, (t2 - t1) / 5e5, (t3 - t2) / 5e5, (t4 - t3) / 5e5, (t5 - t4) / 5e5);
        }
        System.out.println("BENCH check " + c.sub(a.mmul(w)).norm2Number());
    }
}
