package org.sgm.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.sgm.core.SgmException;

/** Seeded, stratified train/test splits of row indices. */
public final class Splits {

    private Splits() {}

    /**
     * Row indices of a split; the two arrays are disjoint, sorted ascending and together cover every row. (As
     * with any record of arrays, {@code equals} compares the arrays by identity: compare them with
     * {@link Arrays#equals(int[], int[])}.)
     *
     * @param train the training rows
     * @param test the test rows
     */
    public record Split(int[] train, int[] test) {}

    /**
     * Splits each class separately: its rows are shuffled (Fisher–Yates, one {@link SplittableRandom} seeded with
     * {@code seed}, normal rows first, then anomalies) and the first {@code round(testFraction × class size)} go to
     * test; each class keeps at least one row in train and, when it has two or more rows, at least one in test.
     *
     * @param anomaly one label per row, {@code true} = anomaly
     * @param testFraction the fraction of each class that goes to test, in (0, 1)
     * @param seed the seed; the same seed gives the same split
     * @return the split
     * @throws SgmException if {@code testFraction} is not in (0, 1)
     */
    public static Split stratified(boolean[] anomaly, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new SgmException("the test fraction must be in (0, 1), got " + testFraction);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] normals = shuffled(rowsOfClass(anomaly, false), random);
        int[] anomalies = shuffled(rowsOfClass(anomaly, true), random);
        int normalTest = testCount(normals.length, testFraction);
        int anomalyTest = testCount(anomalies.length, testFraction);
        int[] train = concatSorted(Arrays.copyOfRange(normals, normalTest, normals.length),
                Arrays.copyOfRange(anomalies, anomalyTest, anomalies.length));
        int[] test = concatSorted(Arrays.copyOf(normals, normalTest), Arrays.copyOf(anomalies, anomalyTest));
        return new Split(train, test);
    }

    private static int testCount(int classSize, double testFraction) {
        if (classSize < 2) {
            return 0;
        }
        long n = Math.round(testFraction * classSize);
        return (int) Math.max(1, Math.min(classSize - 1, n));
    }

    private static int[] rowsOfClass(boolean[] anomaly, boolean label) {
        return IntStream.range(0, anomaly.length).filter(i -> anomaly[i] == label).toArray();
    }

    private static int[] shuffled(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }

    private static int[] concatSorted(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.sort(out);
        return out;
    }
}
