package org.sgm.models.rda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class L21ShrinkageTest {

    /** The proximal step written as the definition reads: one row at a time. */
    private static double[][] loop(double[][] r, double lambda) {
        double[][] s = new double[r.length][];
        for (int i = 0; i < r.length; i++) {
            double norm = 0;
            for (double v : r[i]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            s[i] = new double[r[i].length];
            if (norm > lambda) {
                for (int j = 0; j < r[i].length; j++) {
                    s[i][j] = r[i][j] - lambda * r[i][j] / norm;
                }
            }
        }
        return s;
    }

    @Test
    void equalsTheRowByRowDefinition() {
        SplittableRandom rng = new SplittableRandom(4);
        double lambda = 1.5;
        double[][] r = new double[50][6];
        for (int i = 0; i < r.length; i++) {
            double scale = i % 5 == 0 ? 3.0 : 0.4; // rows on both sides of λ
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] = scale * rng.nextGaussian();
            }
        }
        r[7] = new double[6]; // a zero row must stay zero, not NaN
        double[][] expected = loop(r, lambda);
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray input = Nd4j.create(r).castTo(type);
            INDArray before = input.dup();
            double[][] got = L21Shrinkage.shrinkRows(input, lambda).castTo(DataType.DOUBLE).toDoubleMatrix();
            double tol = type == DataType.DOUBLE ? 1e-12 : 1e-5;
            int nonZero = 0;
            for (int i = 0; i < r.length; i++) {
                for (int j = 0; j < r[i].length; j++) {
                    assertEquals(expected[i][j], got[i][j], tol, "row " + i + ", column " + j + ", " + type);
                }
                nonZero += got[i][0] != 0 ? 1 : 0;
            }
            assertEquals(before, input, "the residual is not modified");
            assertEquals(10, nonZero, "the scaled-up rows exceed λ, the others do not");
        }
    }
}
