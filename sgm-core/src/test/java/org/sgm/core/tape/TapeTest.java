package org.sgm.core.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every tape operation: its gradient against central differences in double precision, and its float path against
 * its double path (values and gradients), so that the float kernels' shortcuts (branch-free masks, the rational
 * tanh) are checked too. The backbones' oracle tests check the compositions against SameDiff.
 */
class TapeTest {
    private interface Op {
        Tensor apply(Tape t, Tensor[] in);
    }

    /** Inputs: shape and how values are drawn (positive where the op needs it). */
    private record In(int rows, int cols, boolean positive) {}

    private static In in(int rows, int cols) {
        return new In(rows, cols, false);
    }

    private static In pos(int rows, int cols) {
        return new In(rows, cols, true);
    }

    private static double[][] values(In[] ins, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] v = new double[ins.length][];
        for (int k = 0; k < ins.length; k++) {
            v[k] = new double[ins[k].rows() * ins[k].cols()];
            for (int i = 0; i < v[k].length; i++) {
                double g = rng.nextGaussian();
                // away from the kinks of relu/abs so that central differences are smooth
                if (Math.abs(g) < 0.05) {
                    g = Math.copySign(0.05 + Math.abs(g), g);
                }
                v[k][i] = ins[k].positive() ? 0.5 + Math.abs(g) : g;
            }
        }
        return v;
    }

    /** The loss Σ op(inputs) ⊙ R for fixed random R, and the gradients of the inputs. */
    private static double lossAndGrads(Precision p, Op op, In[] ins, double[][] v, double[][] grads) {
        Params params = new Params(p);
        Tape t = new Tape(params);
        t.reset(true);
        Tensor[] tensors = new Tensor[ins.length];
        for (int k = 0; k < ins.length; k++) {
            double[] init = v[k];
            In s = ins[k];
            tensors[k] = t.param("p" + k, s.rows(), s.cols(),
                    () -> Nd4j.create(init, new long[] {s.rows(), s.cols()}, DataType.DOUBLE));
        }
        params.zeroGrad();
        Tensor y = op.apply(t, tensors);
        double[] r = new double[y.size()];
        SplittableRandom rng = new SplittableRandom(99);
        for (int i = 0; i < r.length; i++) {
            r[i] = rng.nextGaussian();
        }
        Tensor loss = t.sum(t.mul(y, t.input(r, y.rows(), y.cols())));
        t.backward(loss);
        if (grads != null) {
            for (int k = 0; k < ins.length; k++) {
                Params.Entry e = params.entry("p" + k);
                grads[k] = new double[e.size()];
                for (int i = 0; i < e.size(); i++) {
                    grads[k][i] = p == Precision.FLOAT ? e.gradFloats()[i] : e.gradDoubles()[i];
                }
            }
        }
        return loss.scalar();
    }

    private static void check(String name, Op op, In... ins) {
        double[][] v = values(ins, name.hashCode());
        double[][] analytic = new double[ins.length][];
        lossAndGrads(Precision.DOUBLE, op, ins, v, analytic);
        double h = 1e-6;
        for (int k = 0; k < ins.length; k++) {
            double num2 = 0;
            double den2 = 0;
            for (int i = 0; i < v[k].length; i++) {
                double keep = v[k][i];
                v[k][i] = keep + h;
                double up = lossAndGrads(Precision.DOUBLE, op, ins, v, null);
                v[k][i] = keep - h;
                double down = lossAndGrads(Precision.DOUBLE, op, ins, v, null);
                v[k][i] = keep;
                double numeric = (up - down) / (2 * h);
                num2 += (numeric - analytic[k][i]) * (numeric - analytic[k][i]);
                den2 += numeric * numeric;
            }
            double err = Math.sqrt(num2) / Math.max(1e-12, Math.sqrt(den2));
            assertTrue(err < 1e-6, name + ": input " + k + " gradient vs central differences, relative error " + err);
        }
        double[][] single = new double[ins.length][];
        double lossD = lossAndGrads(Precision.DOUBLE, op, ins, v, null);
        double lossF = lossAndGrads(Precision.FLOAT, op, ins, v, single);
        assertEquals(lossD, lossF, 1e-4 * Math.max(1, Math.abs(lossD)), name + ": float value");
        for (int k = 0; k < ins.length; k++) {
            double num2 = 0;
            double den2 = 0;
            for (int i = 0; i < single[k].length; i++) {
                num2 += (single[k][i] - analytic[k][i]) * (single[k][i] - analytic[k][i]);
                den2 += analytic[k][i] * analytic[k][i];
            }
            double err = Math.sqrt(num2) / Math.max(1e-12, Math.sqrt(den2));
            assertTrue(err < 1e-4, name + ": input " + k + " float gradient vs double, relative error " + err);
        }
    }

    @Test
    void unaryOperations() {
        check("relu", (t, x) -> t.relu(x[0]), in(7, 5));
        check("leakyRelu", (t, x) -> t.leakyRelu(x[0], 0.2), in(7, 5));
        check("tanh", (t, x) -> t.tanh(x[0]), in(7, 5));
        check("sigmoid", (t, x) -> t.sigmoid(x[0]), in(7, 5));
        check("exp", (t, x) -> t.exp(x[0]), in(7, 5));
        check("log", (t, x) -> t.log(x[0]), pos(7, 5));
        check("sqrt", (t, x) -> t.sqrt(x[0]), pos(7, 5));
        check("square", (t, x) -> t.square(x[0]), in(7, 5));
        check("abs", (t, x) -> t.abs(x[0]), in(7, 5));
        check("neg", (t, x) -> t.neg(x[0]), in(7, 5));
        check("scale and shift", (t, x) -> t.add(t.mul(x[0], 2.5), -1.5), in(7, 5));
        check("rsub", (t, x) -> t.rsub(x[0], 3.0), in(7, 5));
        check("rdiv", (t, x) -> t.rdiv(x[0], 2.0), pos(7, 5));
    }

    @Test
    void binaryOperationsWithEveryBroadcast() {
        In[][] shapes = {{in(6, 4), in(6, 4)}, {in(6, 4), in(1, 4)}, {in(6, 4), in(6, 1)}, {in(6, 1), in(1, 4)},
            {in(6, 4), in(1, 1)}, {in(1, 4), in(6, 4)}, {in(6, 1), in(6, 4)}};
        for (In[] s : shapes) {
            String shape = s[0].rows() + "×" + s[0].cols() + " with " + s[1].rows() + "×" + s[1].cols();
            check("add " + shape, (t, x) -> t.add(x[0], x[1]), s);
            check("sub " + shape, (t, x) -> t.sub(x[0], x[1]), s);
            check("mul " + shape, (t, x) -> t.mul(x[0], x[1]), s);
            check("div " + shape, (t, x) -> t.div(x[0], x[1]), s[0], pos(s[1].rows(), s[1].cols()));
        }
        check("the same tensor on both sides", (t, x) -> t.mul(x[0], x[0]), in(5, 3));
    }

    @Test
    void linearAlgebra() {
        check("matmul", (t, x) -> t.matmul(x[0], x[1]), in(9, 4), in(4, 3));
        check("matmul aᵀb", (t, x) -> t.matmul(x[0], x[1], true, false), in(4, 9), in(4, 3));
        check("matmul abᵀ", (t, x) -> t.matmul(x[0], x[1], false, true), in(9, 4), in(3, 4));
        check("matmul aᵀbᵀ", (t, x) -> t.matmul(x[0], x[1], true, true), in(4, 9), in(3, 4));
        check("matmul through OpenBLAS", (t, x) -> t.matmul(x[0], x[1], false, true), in(70, 40), in(30, 40));
        check("dense", (t, x) -> t.dense(x[0], x[1], x[2]), in(9, 4), in(4, 3), in(1, 3));
        check("dense without bias", (t, x) -> t.dense(x[0], x[1], null), in(9, 4), in(4, 3));
        check("dense through OpenBLAS", (t, x) -> t.dense(x[0], x[1], x[2]), in(64, 30), in(30, 20), in(1, 20));
        check("transpose", (t, x) -> t.transpose(x[0]), in(5, 3));
    }

    @Test
    void reductionsAndShapes() {
        check("sumRows", (t, x) -> t.sumRows(x[0]), in(6, 4));
        check("sumCols", (t, x) -> t.sumCols(x[0]), in(6, 4));
        check("sum", (t, x) -> t.sum(x[0]), in(6, 4));
        check("mean", (t, x) -> t.mean(x[0]), in(6, 4));
        check("rowSumSquares", (t, x) -> t.rowSumSquares(x[0]), in(6, 4));
        check("softmaxRows", (t, x) -> t.softmaxRows(x[0]), in(6, 4));
        check("logSumExpRows", (t, x) -> t.logSumExpRows(x[0]), in(6, 4));
        check("columns", (t, x) -> t.columns(x[0], 1, 3), in(6, 4));
        check("column", (t, x) -> t.column(x[0], 2), in(6, 4));
        check("concatCols", (t, x) -> t.concatCols(x[0], x[1], x[0]), in(6, 2), in(6, 3));
    }

    @Test
    void outsideGradientsEnterThroughAddGradient() {
        Params params = new Params(Precision.DOUBLE);
        Tape t = new Tape(params);
        t.reset(true);
        Tensor w = t.param("w", 1, 3, () -> Nd4j.create(new double[] {1, 2, 3}, new long[] {1, 3}, DataType.DOUBLE));
        params.zeroGrad();
        Tensor s = t.mul(w, 2.0);
        t.addGradient(s, new double[] {1, 10, 100});
        t.backward(t.scalar(0));
        double[] g = params.entry("w").gradDoubles();
        assertEquals(List.of(2.0, 20.0, 200.0), List.of(g[0], g[1], g[2]));
    }

    @Test
    void shapesAreChecked() {
        Tape t = new Tape(new Params(Precision.FLOAT));
        t.reset(false);
        Tensor a = t.filled(3, 2, 1);
        Tensor b = t.filled(4, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> t.add(a, b));
        assertThrows(IllegalArgumentException.class, () -> t.matmul(a, b));
        assertThrows(IllegalStateException.class, () -> t.backward(t.sum(a)), "a pass without gradients");
    }

    @Test
    void arraysAreReusedByTheNextPassOfTheSameKindOnly() {
        Tape t = new Tape(new Params(Precision.FLOAT));
        List<float[]> first = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            t.reset(false);
            Tensor x = t.input(new float[8], 4, 2);
            Tensor y = t.relu(t.add(x, 1.0));
            if (pass == 0) {
                first.add(y.f);
            } else {
                assertTrue(first.get(0) == y.f, "same kind of pass: the same array");
            }
        }
        t.reset(false);
        Tensor other = t.relu(t.add(t.input(new float[6], 3, 2), 1.0));
        assertTrue(first.get(0) != other.f, "another batch size: other arrays");
        assertEquals(2.0, t.add(other, 1.0).get(0, 0), 0.0);
    }

    @Test
    void releasedArraysAreNotReusedAndThePassGivesTheSameValues() {
        Tape t = new Tape(new Params(Precision.FLOAT));
        float[] in = {1, -2, 3, -4, 5, -6, 7, -8};
        t.reset(false);
        Tensor y = t.relu(t.add(t.input(in, 4, 2), 1.0));
        float[] kept = y.f;
        float[] values = y.f.clone();
        t.releaseArrays();
        Tensor again = t.relu(t.add(t.input(in, 4, 2), 1.0));
        assertTrue(kept != again.f, "released: a fresh array, the old one is no longer held");
        assertArrayEquals(values, again.f, 0f);
    }

    @Test
    void theFloatTanhIsWithinFourTenthsOfAMillionthOfMathTanh() {
        double worst = 0;
        for (int i = 0; i <= 2_000_000; i++) {
            float v = (float) (-10 + 20.0 * i / 2_000_000);
            worst = Math.max(worst, Math.abs(Kernels.tanh(v) - Math.tanh(v)));
        }
        assertTrue(worst <= 4.0e-7, "largest absolute error " + worst);
        assertEquals(0f, Kernels.tanh(0f), 0f);
        assertEquals(1f, Kernels.tanh(50f), 0f);
        assertEquals(-1f, Kernels.tanh(-50f), 0f);
    }
}
