package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sgm.core.SgmException;

class SplitsTest {
    /** 1000 rows, every 10th an anomaly. */
    private static final boolean[] LABELS = labels(1000, 10);

    private static boolean[] labels(int n, int every) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i += every) {
            out[i] = true;
        }
        return out;
    }

    private static long anomalies(int[] rows, boolean[] labels) {
        return Arrays.stream(rows).filter(i -> labels[i]).count();
    }

    @Test
    void keepsClassProportionsAndPartitionsTheRows() {
        Splits.Split s = Splits.stratified(LABELS, 0.2, 42);

        assertEquals(200, s.test().length);
        assertEquals(20, anomalies(s.test(), LABELS));
        assertEquals(80, anomalies(s.train(), LABELS));
        int[] all = IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 1000).toArray(), all);
        assertArrayEquals(Arrays.stream(s.train()).sorted().toArray(), s.train());
        assertArrayEquals(Arrays.stream(s.test()).sorted().toArray(), s.test());
    }

    @Test
    void theSeedDecides() {
        Splits.Split a = Splits.stratified(LABELS, 0.2, 42);
        Splits.Split b = Splits.stratified(LABELS, 0.2, 42);
        Splits.Split c = Splits.stratified(LABELS, 0.2, 43);

        assertArrayEquals(a.test(), b.test());
        assertArrayEquals(a.train(), b.train());
        assertFalse(Arrays.equals(a.test(), c.test()));
        assertFalse(Arrays.equals(a.test(), IntStream.range(0, 200).toArray()), "rows are shuffled");
    }

    @Test
    void smallClassesKeepOneRowOnEachSide() {
        boolean[] labels = new boolean[20];
        labels[3] = true; // one anomaly: stays in train
        Splits.Split one = Splits.stratified(labels, 0.5, 1);
        assertTrue(Arrays.stream(one.train()).anyMatch(i -> i == 3));

        labels[7] = true; // two anomalies, 1% test: still one in test
        Splits.Split two = Splits.stratified(labels, 0.01, 1);
        assertEquals(1, anomalies(two.test(), labels));
        assertEquals(1, anomalies(two.train(), labels));
        assertEquals(1 + 1, two.test().length, "18 normals: one in test too");

        Splits.Split most = Splits.stratified(labels, 0.99, 1);
        assertEquals(1 + 1, most.train().length, "one row of each class stays in train");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
    void testFractionOutsideTheOpenUnitIntervalIsRefused(double fraction) {
        SgmException e = assertThrows(SgmException.class, () -> Splits.stratified(LABELS, fraction, 42));
        assertTrue(e.getMessage().contains("test fraction"), e.getMessage());
    }

    private static void assertPartition(int n, Splits.Split s) {
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, n).toArray(), all, "disjoint and covering");
    }

    @Test
    void trainValidationTestIsStratified602020() {
        Splits.Split s = Splits.trainValidationTest(LABELS, 0.2, 0.2, 42);

        assertEquals(600, s.train().length);
        assertEquals(200, s.validation().length);
        assertEquals(200, s.test().length);
        assertEquals(60, anomalies(s.train(), LABELS));
        assertEquals(20, anomalies(s.validation(), LABELS));
        assertEquals(20, anomalies(s.test(), LABELS));
        assertPartition(1000, s);
        assertArrayEquals(s.test(), Splits.trainValidationTest(LABELS, 0.2, 0.2, 42).test());
        assertThrows(SgmException.class, () -> Splits.trainValidationTest(LABELS, 0.8, 0.2, 1));
    }

    @Test
    void twoWaySplitHasNoValidationRows() {
        assertEquals(0, Splits.stratified(LABELS, 0.3, 1).validation().length);
    }

    @Test
    void randomSplitIgnoresLabels() {
        Splits.Split s = Splits.random(1000, 0.4, 3);

        assertEquals(600, s.train().length);
        assertEquals(400, s.test().length);
        assertPartition(1000, s);
        assertFalse(Arrays.equals(s.test(), Splits.random(1000, 0.4, 4).test()));
        // over many seeds the test anomaly count varies (it would be exactly 40 if stratified)
        long distinct = IntStream.range(0, 20).mapToLong(seed -> anomalies(Splits.random(1000, 0.4, seed).test(),
                LABELS)).distinct().count();
        assertTrue(distinct > 1, "anomaly count in test varies with the seed");
    }

    @Test
    void cleanSplitTrainsOnHalfTheNormals() {
        Splits.Split s = Splits.clean(LABELS, 5);

        assertEquals(450, s.train().length);
        assertEquals(0, anomalies(s.train(), LABELS));
        assertEquals(550, s.test().length);
        assertEquals(100, anomalies(s.test(), LABELS));
        assertPartition(1000, s);
        assertThrows(SgmException.class, () -> Splits.clean(new boolean[] {false, true, true}, 1));
    }

    @Test
    void subsampleToAnomalyRateDropsAnomaliesOrNormals() {
        int[] all = IntStream.range(0, 1000).toArray(); // 900 normals, 100 anomalies

        int[] lower = Splits.subsampleToAnomalyRate(all, LABELS, 0.05, 1);
        assertEquals(900 + 47, lower.length); // round(0.05 · 900 / 0.95) = 47
        assertEquals(47, anomalies(lower, LABELS));

        int[] higher = Splits.subsampleToAnomalyRate(all, LABELS, 0.2, 1);
        assertEquals(100, anomalies(higher, LABELS));
        assertEquals(400 + 100, higher.length); // round(100 · 0.8 / 0.2) = 400 normals

        assertEquals(0, anomalies(Splits.subsampleToAnomalyRate(all, LABELS, 0, 1), LABELS));
        assertThrows(SgmException.class, () -> Splits.subsampleToAnomalyRate(all, LABELS, 1.0, 1));
        assertThrows(SgmException.class,
                () -> Splits.subsampleToAnomalyRate(new int[] {1, 2}, LABELS, 0.1, 1));
    }
}
