package org.sgm.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.sgm.core.SgmException;

/**
 * Seeded splits of row indices: stratified train/test and train/validation/test, random, and "clean" (train on
 * normals only); plus subsampling a training part to a given anomaly rate. The same seed gives the same split.
 */
public final class Splits {

    private Splits() {}

    /**
     * Row indices of a split; the arrays are disjoint, sorted ascending and together cover every row. (As with
     * any record of arrays, {@code equals} compares the arrays by identity: compare them with
     * {@link Arrays#equals(int[], int[])}.)
     *
     * @param train the training rows
     * @param validation the validation rows (held out from both; empty for a two-way split)
     * @param test the test rows
     */
    public record Split(int[] train, int[] validation, int[] test) {
        /**
         * A two-way split, without validation rows.
         *
         * @param train the training rows
         * @param test the test rows
         */
        public Split(int[] train, int[] test) {
            this(train, new int[0], test);
        }
    }

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

    /**
     * A stratified three-way split (the paper's 60/20/20 is {@code validationFraction = testFraction = 0.2}): each
     * class is shuffled as in {@link #stratified(boolean[], double, long)}; its first
     * {@code round(testFraction × size)} rows go to test, the next {@code round(validationFraction × size)} to
     * validation, the rest to train (each class keeps at least one row in train).
     *
     * @param anomaly one label per row, {@code true} = anomaly
     * @param validationFraction the fraction of each class held out for validation, in [0, 1)
     * @param testFraction the fraction of each class that goes to test, in (0, 1)
     * @param seed the seed
     * @return the split
     * @throws SgmException if a fraction is out of range or together they leave nothing to train on
     */
    public static Split trainValidationTest(boolean[] anomaly, double validationFraction, double testFraction,
            long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new SgmException("the test fraction must be in (0, 1), got " + testFraction);
        }
        if (!(validationFraction >= 0 && validationFraction + testFraction < 1)) {
            throw new SgmException("the validation fraction must be in [0, 1 − test fraction), got "
                    + validationFraction);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] normal = threeWay(shuffled(rowsOfClass(anomaly, false), random), validationFraction, testFraction);
        int[][] abnormal = threeWay(shuffled(rowsOfClass(anomaly, true), random), validationFraction, testFraction);
        return new Split(concatSorted(normal[0], abnormal[0]), concatSorted(normal[1], abnormal[1]),
                concatSorted(normal[2], abnormal[2]));
    }

    /** @return train, validation, test of one shuffled class */
    private static int[][] threeWay(int[] rows, double validationFraction, double testFraction) {
        int test = testCount(rows.length, testFraction);
        int validation = (int) Math.min(rows.length - test - Math.min(1, rows.length - test),
                Math.round(validationFraction * rows.length));
        return new int[][] {
            Arrays.copyOfRange(rows, test + validation, rows.length),
            Arrays.copyOfRange(rows, test, test + validation),
            Arrays.copyOf(rows, test)};
    }

    /**
     * A random split that ignores the labels (PyOD's {@code train_test_split} style): all rows are shuffled and
     * the first {@code round(testFraction × n)} go to test (at least one, and at least one left to train).
     *
     * @param rows the number of rows, at least 2
     * @param testFraction the fraction that goes to test, in (0, 1)
     * @param seed the seed
     * @return the split
     * @throws SgmException if {@code testFraction} is not in (0, 1) or there are fewer than 2 rows
     */
    public static Split random(int rows, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new SgmException("the test fraction must be in (0, 1), got " + testFraction);
        }
        if (rows < 2) {
            throw new SgmException("a split needs at least 2 rows, got " + rows);
        }
        int[] all = shuffled(IntStream.range(0, rows).toArray(), new SplittableRandom(seed));
        int test = testCount(rows, testFraction);
        return new Split(sorted(Arrays.copyOfRange(all, test, rows)), sorted(Arrays.copyOf(all, test)));
    }

    /**
     * The "clean" (one-class) split: half of the normal rows, drawn at random, train; the other normals and every
     * anomaly test. Training sees no anomaly.
     *
     * @param anomaly one label per row, {@code true} = anomaly
     * @param seed the seed
     * @return the split; train has {@code floor(normals / 2)} rows
     * @throws SgmException if there are fewer than 2 normal rows
     */
    public static Split clean(boolean[] anomaly, long seed) {
        int[] normals = shuffled(rowsOfClass(anomaly, false), new SplittableRandom(seed));
        if (normals.length < 2) {
            throw new SgmException("the clean split needs at least 2 normal rows, got " + normals.length);
        }
        int half = normals.length / 2;
        return new Split(sorted(Arrays.copyOf(normals, half)),
                concatSorted(Arrays.copyOfRange(normals, half, normals.length), rowsOfClass(anomaly, true)));
    }

    /**
     * Subsamples training rows to an anomaly rate (METHOD.md §5's optional anomaly-rate control): if the rows hold
     * more anomalies than the rate, random anomalies are dropped until {@code round(rate × normals / (1 − rate))}
     * remain; if fewer, random normals are dropped until {@code round(anomalies × (1 − rate) / rate)} remain.
     *
     * @param rows the training rows
     * @param anomaly one label per row of the whole table
     * @param rate the wanted anomaly rate, in [0, 1)
     * @param seed the seed
     * @return the kept rows, sorted ascending
     * @throws SgmException if the rate is out of range, or a positive rate is asked of rows without anomalies
     */
    public static int[] subsampleToAnomalyRate(int[] rows, boolean[] anomaly, double rate, long seed) {
        if (!(rate >= 0 && rate < 1)) {
            throw new SgmException("the training anomaly rate must be in [0, 1), got " + rate);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] normals = shuffled(Arrays.stream(rows).filter(i -> !anomaly[i]).toArray(), random);
        int[] anomalies = shuffled(Arrays.stream(rows).filter(i -> anomaly[i]).toArray(), random);
        if (rate > 0 && anomalies.length == 0) {
            throw new SgmException("a training anomaly rate of " + rate + " was asked for, but the training part"
                    + " has no anomalies");
        }
        long keepAnomalies = Math.round(rate * normals.length / (1 - rate));
        if (keepAnomalies <= anomalies.length) {
            return concatSorted(normals, Arrays.copyOf(anomalies, (int) keepAnomalies));
        }
        long keepNormals = Math.max(1, Math.round(anomalies.length * (1 - rate) / rate));
        return concatSorted(Arrays.copyOf(normals, (int) Math.min(normals.length, keepNormals)), anomalies);
    }

    private static int[] sorted(int[] values) {
        Arrays.sort(values);
        return values;
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
