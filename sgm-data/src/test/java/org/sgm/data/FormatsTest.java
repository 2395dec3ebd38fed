package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sgm.core.SgmException;

/**
 * Every format reads to the same table as its CSV twin. The fixtures were written by
 * {@code src/test/resources/org/sgm/data/fixtures/make_fixtures.py} (NumPy, SciPy); see the README there.
 */
class FormatsTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(FormatsTest.class.getResource("fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.columns(), actual.columns());
        for (String c : expected.columns()) {
            assertEquals(expected.isNumeric(c), actual.isNumeric(c), c);
            if (expected.isNumeric(c)) {
                assertArrayEquals(expected.numeric(c), actual.numeric(c), "column " + c);
            } else {
                assertArrayEquals(expected.text(c), actual.text(c), "column " + c);
            }
        }
        assertArrayEquals(expected.anomalies(), actual.anomalies());
    }

    @ParameterizedTest
    @ValueSource(strings = {"numeric.npz", "numeric-compressed.npz", "numeric.mat"})
    void numpyAndMatlabFilesReadLikeTheirCsvTwin(String file) {
        Table csv = Table.read(fixture("numeric.csv"), ReadOptions.defaults());
        Table other = Table.read(fixture(file), ReadOptions.defaults());

        assertSameTable(csv, other);
        assertEquals(2, countTrue(other.anomalies()));
        assertEquals(List.of("f1", "f2", "f3", "f4"), other.columns());
    }

    @Test
    void fortranOrderedNpyReadsUntransposedWithoutLabels() {
        Table csv = Table.read(fixture("numeric.csv"), ReadOptions.defaults());
        Table npy = Table.read(fixture("numeric.npy"), ReadOptions.defaults());

        assertFalse(npy.hasLabels());
        for (String c : csv.columns()) {
            assertArrayEquals(csv.numeric(c), npy.numeric(c), c);
        }
    }

    @Test
    void arffWithNominalAttributeAndClassLastReadsLikeItsCsvTwin() {
        Table csv = Table.read(fixture("mixed.csv"), ReadOptions.defaults());
        Table arff = Table.read(fixture("mixed.arff"), ReadOptions.defaults());

        assertSameTable(csv, arff);
        assertEquals(List.of("a", "b", "colour"), arff.columns());
        FittedPreprocessor p = Preprocessor.fit(csv);
        assertArrayEquals(p.transform(csv).toArray(), p.transform(arff).toArray());
    }

    @Test
    void labelsCanBeSwitchedOff() {
        assertFalse(Table.read(fixture("numeric.npz"), ReadOptions.defaults().withLabelColumn(null)).hasLabels());
        Table arff = Table.read(fixture("mixed.arff"), ReadOptions.defaults().withLabelColumn(null));
        assertFalse(arff.hasLabels());
        assertEquals(List.of("a", "b", "colour", "outlier"), arff.columns());
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void arffNamedClassAttributeMissingValuesAndErrors() throws IOException {
        Path ok = write("ok.arff", "@relation r\n@attribute x numeric\n@attribute 'is anomaly' {0,1}\n"
                + "@attribute note string\n@data\n1.5,1,\"a, b\"\n?,0,'c'\n");
        Table t = Table.read(ok, ReadOptions.defaults().withLabelColumn("is anomaly").withAllowMissing(true));
        assertArrayEquals(new boolean[] {true, false}, t.anomalies());
        assertArrayEquals(new String[] {"a, b", "c"}, t.text("note"));
        assertTrue(Double.isNaN(t.numeric("x")[1]));

        SgmException missing = assertThrows(SgmException.class, () -> Table.read(ok, ReadOptions.defaults()));
        assertEquals(ok + ", line 7: attribute 'x': missing value '?' (missing values are refused unless an"
                + " imputation is chosen, e.g. --impute median)", missing.getMessage());

        Path nominal = write("bad.arff", "@relation r\n@attribute c {a,b}\n@attribute x real\n@data\na,1\nz,2\n");
        SgmException e = assertThrows(SgmException.class, () -> Table.read(nominal, ReadOptions.defaults()));
        assertTrue(e.getMessage().startsWith(nominal + ", line 6: attribute 'c': 'z' is not one of"), e.getMessage());

        Path ragged = write("ragged.arff", "@relation r\n@attribute x real\n@attribute y real\n@data\n1\n");
        assertTrue(assertThrows(SgmException.class, () -> Table.read(ragged, ReadOptions.defaults())).getMessage()
                .contains("line 5: 1 values, but 2 attributes"));

        Path date = write("date.arff", "@relation r\n@attribute t date\n@data\n");
        assertTrue(assertThrows(SgmException.class, () -> Table.read(date, ReadOptions.defaults())).getMessage()
                .contains("line 2: attribute 't' has type 'date'"));

        Path sparse = write("sparse.arff", "@relation r\n@attribute x real\n@data\n{0 1}\n");
        assertTrue(assertThrows(SgmException.class, () -> Table.read(sparse, ReadOptions.defaults())).getMessage()
                .contains("sparse"));
    }

    @Test
    void npzAndMatErrorsNameTheFileAndTheProblem() throws IOException {
        Path notNpz = write("x.npz", "hello");
        assertTrue(assertThrows(SgmException.class, () -> Table.read(notNpz, ReadOptions.defaults())).getMessage()
                .startsWith(notNpz + ": not a"));

        Path notNpy = write("x.npy", "hello, world");
        assertTrue(assertThrows(SgmException.class, () -> Table.read(notNpy, ReadOptions.defaults())).getMessage()
                .contains("not a NumPy .npy file"));

        byte[] v73 = new byte[200];
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan 1 00:00:00 2024 HDF5 schema 1.00 ."
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, v73, 0, text.length);
        v73[125] = 2;
        v73[126] = 'I';
        v73[127] = 'M';
        Path mat73 = Files.write(dir.resolve("http.mat"), v73);
        assertTrue(assertThrows(SgmException.class, () -> Table.read(mat73, ReadOptions.defaults())).getMessage()
                .contains("MATLAB v7.3 (HDF5)"));

        Path junk = write("junk.mat", "not a mat file at all");
        assertTrue(assertThrows(SgmException.class, () -> Table.read(junk, ReadOptions.defaults())).getMessage()
                .startsWith(junk + ": not a readable MATLAB v5 .mat file"));
    }

    private static int countTrue(boolean[] values) {
        int n = 0;
        for (boolean v : values) {
            n += v ? 1 : 0;
        }
        return n;
    }
}
