package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.data.InvalidDataException;

/** Forged and oversized NumPy files: each is refused with one line naming the file, before memory runs out. */
class NumpyLimitsTest {
    @TempDir
    Path dir;

    private String refusal(String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        String m = assertThrows(InvalidDataException.class,
                () -> Table.read(file, ReadOptions.defaults().withLabelColumn(null))).getMessage();
        assertTrue(m.startsWith(file.toString()), m);
        assertEquals(-1, m.indexOf('\n'), "one line: " + m);
        return m;
    }

    @Test
    void aValidForgedFileReads() throws IOException {
        Path file = Files.write(dir.resolve("ok.npy"), NpyFiles.npy("<f8", "(2, 2)", NpyFiles.f8(1, 2, 3, 4)));
        Table t = Table.read(file, ReadOptions.defaults().withLabelColumn(null));
        assertArrayEquals(new double[] {1, 3}, t.numeric("f1"));
        assertArrayEquals(new double[] {2, 4}, t.numeric("f2"));
    }

    @Test
    void unsupportedFormatVersionsAreRefused() throws IOException {
        byte[] ok = NpyFiles.npy("<f8", "(1, 1)", NpyFiles.f8(1));
        for (int version : new int[] {0, 4, 255}) {
            byte[] b = ok.clone();
            b[6] = (byte) version;
            assertTrue(refusal("v" + version + ".npy", b).contains("unsupported .npy format version " + version),
                    "version " + version);
        }
        byte[] shortV0 = Arrays.copyOf(ok, 10);
        shortV0[6] = 0;
        assertTrue(refusal("short.npy", shortV0).contains("unsupported .npy format version 0"));
    }

    @Test
    void elementTypesThatAreNotNumbersOrTooLongAreRefused() throws IOException {
        for (String descr : new String[] {"<f99999999999", "<f", "<U7", "|S3", "<c16", "<f2"}) {
            String m = refusal("t.npy", NpyFiles.npy(descr, "(1, 1)", new byte[64]));
            assertTrue(m.contains("element type") && m.contains("is not supported"), descr + ": " + m);
            assertTrue(m.length() < 300, m);
        }
    }

    @Test
    void anElementTypeWithoutSizeClaimingAHugeShapeAllocatesNothing() throws IOException {
        // Before the element type was checked first, this allocated 2^31 doubles and ran out of memory.
        String m = refusal("huge.npy", NpyFiles.npy("<f", "(2147483647, 1)", new byte[0]));
        assertTrue(m.contains("not supported"), m);
    }

    @Test
    void anArchiveHoldingAnArrayTwiceIsRefused() throws IOException {
        byte[] a = NpyFiles.npy("<f8", "(1, 1)", NpyFiles.f8(1));
        byte[] b = NpyFiles.npy("<f8", "(1, 1)", NpyFiles.f8(2));
        byte[] zip = NpyFiles.npz(false, "X.npy", a, "Q.npy", b);
        // java.util.zip refuses to write a duplicate name, NumPy's zipfile does not: rename Q to X in the bytes.
        String latin = new String(zip, StandardCharsets.ISO_8859_1).replace("Q.npy", "X.npy");
        String m = refusal("twice.npz", latin.getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(m.contains("holds array 'X' twice"), m);
    }

    @Test
    void aSmallCompressedArrayOfBytesThatDecodesPastTheHeapIsRefusedBeforeDecoding() throws IOException {
        // u1 zeros compress about 1000:1 and decode to doubles, eight times larger: with a tenth of the heap of
        // bytes, the decoded copies are far more than the heap (the file itself is a few hundred kB).
        int count = (int) Math.min(Integer.MAX_VALUE - 64L, Runtime.getRuntime().maxMemory() / 10);
        byte[] x = NpyFiles.npy("|u1", "(" + count + ", 1)", new byte[count]);
        byte[] zip = NpyFiles.npz(true, "X.npy", x);
        x = null;
        assertTrue(zip.length < count / 100, "the archive is small: " + zip.length);
        String m = refusal("bytes.npz", zip);
        assertTrue(m.contains(count + " values take") && m.contains("MB decoded") && m.contains("SGM_JAVA_OPTS"), m);
    }

    @Test
    void theBudgetCountsEveryArrayOfAnArchive() {
        byte[] x = NpyFiles.npy("<f8", "(4, 2)", NpyFiles.f8(1, 2, 3, 4, 5, 6, 7, 8));
        byte[] y = NpyFiles.npy("<f8", "(4,)", NpyFiles.f8(0, 1, 0, 0));
        byte[] zip = NpyFiles.npz(true, "X.npy", x, "y.npy", y);
        assertEquals(2, NumpyReader.unzip("a.npz", zip, 12 * 8).size(), "12 values fit a budget of 12 doubles");
        String m = assertThrows(InvalidDataException.class, () -> NumpyReader.unzip("a.npz", zip, 11 * 8))
                .getMessage();
        assertTrue(m.startsWith("a.npz (array 'y'): 4 values take"), m);
    }
}
