package org.sgm.core.spi;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one source of randomness for a network's initial weights, seeded explicitly. It never touches ND4J's
 * process-global random generator, so models fitted in parallel threads get exactly the weights they would get
 * when fitted one after another.
 */
public final class ParamInit {
    private final SplittableRandom rng;
    private final DataType dtype;

    /**
     * @param seed the seed
     */
    public ParamInit(long seed) {
        this(seed, DataType.FLOAT);
    }

    /**
     * @param seed the seed
     * @param dtype the type of the arrays made (FLOAT for training; DOUBLE for gradient checks)
     */
    public ParamInit(long seed, DataType dtype) {
        this.rng = new SplittableRandom(seed);
        this.dtype = dtype;
    }

    /** @return the type of the arrays made */
    public DataType dataType() {
        return dtype;
    }

    /**
     * @param shape the array's shape
     * @param bound the half-width
     * @return an array of {@link #dataType()} with values drawn from U(−bound, bound)
     */
    public INDArray uniform(double bound, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (rng.nextDouble() * 2 - 1) * bound;
        }
        return Nd4j.create(values, shape, dtype);
    }

    /**
     * @param shape the array's shape
     * @param std the standard deviation
     * @return an array of {@link #dataType()} with values drawn from N(0, std²)
     */
    public INDArray normal(double std, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextGaussian() * std;
        }
        return Nd4j.create(values, shape, dtype);
    }

    /** @return a uniform double in [0, 1), for learners that need other draws */
    public double nextDouble() {
        return rng.nextDouble();
    }
}
