package org.sgm.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;

/**
 * The paper's noise injection: extra training rows made by swapping features between two training normals,
 * labelled normal (so they act as hard-to-tell contamination).
 */
public final class SwapNoise {

    private SwapNoise() {}

    /**
     * Training data with noise rows appended.
     *
     * @param x the features: the training rows followed by the noise rows
     * @param anomaly one label per row of {@code x}; every noise row is labelled normal ({@code false})
     */
    public record Noisy(FeatureMatrix x, boolean[] anomaly) {}

    /**
     * Adds {@code int(nNormal · rate / (1 − rate))} rows, where {@code nNormal} is the number of training normals.
     * Each is a copy of a random training normal with {@code max(1, int(0.05 · d))} distinct random features
     * overwritten by those of another, different random training normal ({@code d} = number of features).
     * One {@link SplittableRandom} seeded with {@code seed} draws everything.
     *
     * @param train the training features (already preprocessed)
     * @param trainAnomaly one label per training row, {@code true} = anomaly
     * @param rate the noise rate, in [0, 1); when no row is due (rate 0, or too few normals for one row) the input
     *     is returned unchanged
     * @param seed the seed; the same seed gives the same rows
     * @return the training rows followed by the noise rows, with their labels
     * @throws SgmException if {@code rate} is not in [0, 1), or noise is due but there are fewer than two normals
     * @throws IllegalArgumentException if the labels do not match the rows
     */
    public static Noisy inject(FeatureMatrix train, boolean[] trainAnomaly, double rate, long seed) {
        if (!(rate >= 0 && rate < 1)) {
            throw new SgmException("the noise rate must be in [0, 1), got " + rate);
        }
        if (trainAnomaly.length != train.rows()) {
            throw new IllegalArgumentException(
                    trainAnomaly.length + " labels for " + train.rows() + " training rows");
        }
        int[] normals = IntStream.range(0, trainAnomaly.length).filter(i -> !trainAnomaly[i]).toArray();
        int count = (int) (normals.length * rate / (1 - rate));
        if (count == 0) {
            return new Noisy(train, trainAnomaly.clone());
        }
        if (normals.length < 2) {
            throw new SgmException("swap noise needs at least 2 normal training rows, got " + normals.length);
        }
        FeatureMatrix noise = noiseRows(train, normals, count, new SplittableRandom(seed));
        return new Noisy(train.append(noise), Arrays.copyOf(trainAnomaly, train.rows() + count));
    }

    /**
     * The same noise on rows of doubles (for generated data): {@code int(nNormal · rate / (1 − rate))} rows,
     * drawn exactly as {@link #inject(FeatureMatrix, boolean[], double, long)} draws them.
     *
     * @param rows the rows, all of the same length
     * @param anomaly one label per row
     * @param rate the noise rate, in [0, 1)
     * @param seed the seed
     * @return the noise rows only (all normal), possibly none
     * @throws SgmException as {@link #inject(FeatureMatrix, boolean[], double, long)} does
     */
    public static double[][] noiseRows(double[][] rows, boolean[] anomaly, double rate, long seed) {
        if (!(rate >= 0 && rate < 1)) {
            throw new SgmException("the noise rate must be in [0, 1), got " + rate);
        }
        int[] normals = IntStream.range(0, anomaly.length).filter(i -> !anomaly[i]).toArray();
        int count = (int) (normals.length * rate / (1 - rate));
        if (count == 0) {
            return new double[0][];
        }
        if (normals.length < 2) {
            throw new SgmException("swap noise needs at least 2 normal training rows, got " + normals.length);
        }
        int d = rows[0].length;
        double[][] out = new double[count][];
        plan(normals, d, count, new SplittableRandom(seed), (r, base, donor, features, swapped) -> {
            out[r] = rows[base].clone();
            for (int k = 0; k < swapped; k++) {
                out[r][features[k]] = rows[donor][features[k]];
            }
        });
        return out;
    }

    /** Receives one planned noise row: copy row {@code base}, overwrite the first {@code swapped} features. */
    private interface SwapSink {
        void accept(int row, int base, int donor, int[] features, int swapped);
    }

    /** Draws, for each noise row, a base normal, a different donor normal and the features to swap. */
    private static void plan(int[] normals, int d, int count, SplittableRandom random, SwapSink sink) {
        int swapped = Math.min(d, Math.max(1, (int) (0.05 * d)));
        int[] features = IntStream.range(0, d).toArray();
        for (int r = 0; r < count; r++) {
            int a = random.nextInt(normals.length);
            int b = random.nextInt(normals.length - 1);
            if (b >= a) {
                b++;
            }
            Sampling.chooseFirst(features, swapped, random);
            sink.accept(r, normals[a], normals[b], features, swapped);
        }
    }

    private static FeatureMatrix noiseRows(FeatureMatrix train, int[] normals, int count, SplittableRandom random) {
        int d = train.cols();
        float[] out = new float[Math.multiplyExact(count, d)];
        plan(normals, d, count, random, (r, base, donor, features, swapped) -> {
            float[] row = train.row(base);
            float[] from = train.row(donor);
            for (int k = 0; k < swapped; k++) {
                row[features[k]] = from[features[k]];
            }
            System.arraycopy(row, 0, out, r * d, d);
        });
        return FeatureMatrix.wrap(out, count, train.columnNames());
    }
}
