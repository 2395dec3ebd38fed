package org.sgm.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A matrix mapped from a file reads exactly as the same values in a Java array, in one segment or several. */
class MappedFeatureMatrixTest {
    @TempDir
    Path dir;

    private static FeatureMatrix heap(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return FeatureMatrix.wrap(v, rows, FeatureMatrix.defaultNames(cols));
    }

    private static FeatureMatrix written(FeatureMatrix m, int batch) throws Exception {
        try (FeatureFileWriter w = FeatureFileWriter.createTemp(m.columnNames())) {
            float[] all = m.toArray();
            for (int from = 0; from < m.rows(); from += batch) {
                int n = Math.min(batch, m.rows() - from);
                w.append(all, from * m.cols(), n);
            }
            return w.finish();
        }
    }

    private static void assertSameValues(FeatureMatrix expected, FeatureMatrix actual) {
        assertTrue(actual.isMapped());
        assertFalse(expected.isMapped());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.columnNames(), actual.columnNames());
        assertArrayEquals(expected.toArray(), actual.toArray());
        int n = expected.rows();
        int d = expected.cols();
        for (int i = 0; i < n; i += 7) {
            assertArrayEquals(expected.row(i), actual.row(i));
            assertEquals(expected.get(i, d - 1), actual.get(i, d - 1));
        }
        int[] order = new SplittableRandom(1).ints(n, 0, n).toArray();
        float[] a = new float[n * d];
        float[] b = new float[n * d];
        expected.gatherRows(order, 3, n, a);
        actual.gatherRows(order, 3, n, b);
        assertArrayEquals(a, b);
        for (int[] range : new int[][] {{0, n}, {1, n - 2}, {n / 3, n / 3 + 1}}) {
            INDArray target = Nd4j.createUninitialized(DataType.FLOAT, range[1] - range[0], d);
            assertEquals(expected.toINDArray(range[0], range[1]), actual.rowsInto(range[0], range[1], target));
            assertEquals(expected.toINDArray(range[0], range[1]), actual.toINDArray(range[0], range[1]));
        }
        assertArrayEquals(expected.append(expected).toArray(), actual.append(actual).toArray());
        assertArrayEquals(expected.selectRows(order).toArray(), actual.selectRows(order).toArray());
    }

    @Test
    void oneSegmentReadsAsTheArray() throws Exception {
        FeatureMatrix m = heap(1001, 7, 3);
        FeatureMatrix mapped = written(m, 64);
        assertSameValues(m, mapped);
    }

    @Test
    void rowsSpanningSegmentsReadAsTheArray() throws Exception {
        FeatureMatrix m = heap(500, 5, 4);
        Path file = dir.resolve("m.f32");
        try (FeatureFileWriter w = FeatureFileWriter.createTemp(m.columnNames())) {
            w.append(m.toArray(), 0, m.rows());
            w.finish();
        }
        // 3 rows per segment: every batch and gather crosses segment boundaries
        ByteBuffer bytes = ByteBuffer.allocate(500 * 5 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : m.toArray()) {
            bytes.putFloat(f);
        }
        Files.write(file, bytes.array());
        assertSameValues(m, FeatureMatrix.map(file, 500, m.columnNames(), 3 * 5 * 4 + 7));
    }

    @Test
    void theTemporaryFileIsGoneOnceMappedAndAfterAnError() throws Exception {
        long before = countTempFiles();
        FeatureMatrix mapped = written(heap(10, 2, 1), 3);
        assertEquals(before, countTempFiles(), "mapped file deleted (its pages stay mapped)");
        assertEquals(10, mapped.rows());
        try (FeatureFileWriter w = FeatureFileWriter.createTemp(List.of("a"))) {
            w.append(new float[] {1f}, 0, 1);
            assertEquals(before + 1, countTempFiles());
        }
        assertEquals(before, countTempFiles(), "closed without finish: deleted");
    }

    @Test
    void aFileOfTheWrongSizeIsRefused() throws Exception {
        Path file = dir.resolve("short.f32");
        Files.write(file, new byte[4 * 5]);
        assertThrows(IllegalArgumentException.class, () -> FeatureMatrix.map(file, 3, List.of("a", "b")));
    }

    private static long countTempFiles() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("sgm-features-")).count();
        }
    }
}
