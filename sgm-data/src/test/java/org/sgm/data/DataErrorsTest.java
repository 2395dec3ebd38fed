package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.data.SchemaMismatchException;

/** The library side of the bad-input cases: which exception type each family throws, and values near the limits. */
class DataErrorsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private static String column(String name, int rows, int textRow, String text) {
        StringBuilder sb = new StringBuilder(name).append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(i == textRow ? text : Integer.toString(i)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void readerErrorsAreInvalidDataExceptions() throws IOException {
        assertThrows(InvalidDataException.class, () -> Table.readCsv(dir.resolve("none.csv"), null));
        assertThrows(InvalidDataException.class, () -> Table.readCsv(write("e.csv", ""), null));
        assertThrows(InvalidDataException.class, () -> Table.readCsv(write("r.csv", "a,b\n1\n"), null));
        assertThrows(InvalidDataException.class, () -> Table.readCsv(write("q.csv", "a\n\"1\n"), null));
        Table unlabelled = Table.readCsv(write("u.csv", "a\n1\n"), "label");
        InvalidDataException e = assertThrows(InvalidDataException.class, unlabelled::anomalies);
        assertEquals(dir.resolve("u.csv") + " has no label column 'label'", e.getMessage());
    }

    @Test
    void aFewTextValuesInANumericColumnAreRefusedNotTurnedIntoCategories() throws IOException {
        Path file = write("n.csv", column("v", 30, 7, "n.a."));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Table.readCsv(file, null));
        assertEquals(file + ", line 9, column 'v': 'n.a.' is not a number, but 29 of the column's 30 values are"
                + " (a missing value is written as an empty field, ?, NA, N/A, NaN or null)", e.getMessage());
        // "?" (like NA, NaN, an empty field) is a missing value: refused by default, read as one when imputing, and
        // never counted as text, so the column stays numeric.
        Path question = write("q.csv", column("v", 30, 7, "?"));
        InvalidDataException missing = assertThrows(InvalidDataException.class,
                () -> Table.readCsv(question, null));
        assertTrue(missing.getMessage().startsWith(question + ", line 9, column 'v': missing value '?'"),
                missing.getMessage());
        Table imputable = Table.read(question, ReadOptions.defaults().withAllowMissing(true));
        assertTrue(imputable.isNumeric("v"));
        assertTrue(Double.isNaN(imputable.numeric("v")[7]));
        // The 10 % counts present values only: 2 text values among 20 present ones (10 missing) are refused.
        StringBuilder mostlyMissing = new StringBuilder("v\n");
        for (int i = 0; i < 30; i++) {
            mostlyMissing.append(i < 10 ? "NA" : i == 15 || i == 20 ? "x" : Integer.toString(i)).append('\n');
        }
        Path sparse = write("s.csv", mostlyMissing.toString());
        InvalidDataException few = assertThrows(InvalidDataException.class,
                () -> Table.read(sparse, ReadOptions.defaults().withAllowMissing(true)));
        assertEquals(sparse + ", line 17, column 'v': 'x' is not a number, but 18 of the column's 20 non-missing"
                + " values are (a missing value is written as an empty field, ?, NA, N/A, NaN or null)",
                few.getMessage());
        // More text than that is a categorical column, as before (10 % or less is refused, more is categories).
        assertFalse(Table.readCsv(write("c.csv", column("v", 5, 2, "x")), null).isNumeric("v"));
        assertFalse(Table.readCsv(write("t.csv", "v\n1\n2\nx\ny\n"), null).isNumeric("v"));
        // The label column has its own rule (0 or 1) and is not checked as a feature.
        StringBuilder sb = new StringBuilder("label,v\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i == 3 ? "?" : "0").append(',').append(i).append('\n');
        }
        Path labels = write("l.csv", sb.toString());
        assertTrue(assertThrows(InvalidDataException.class, () -> Table.readCsv(labels, "label")).getMessage()
                .contains("line 5, column 'label': a label must be 0 (normal) or 1 (anomaly), got '?'"));
    }

    @Test
    void valuesNearTheDoubleRangeStandardiseToFiniteFeatures() throws IOException {
        Table t = Table.readCsv(write("big.csv", "v,w\n1e308,1\n-1.7e308,2\n1.5e308,3\n0,4\n"), null);
        FittedPreprocessor p = Preprocessor.fit(t);
        FeatureMatrix x = p.transform(t);
        for (float v : x.toArray()) {
            assertTrue(Float.isFinite(v), "z-score " + v);
        }
        double mean = p.toJson().get("columns").get(0).get("center").asDouble();
        double std = p.toJson().get("columns").get(0).get("scale").asDouble();
        assertEquals(0.2e308, mean, 1e295);
        assertTrue(Double.isFinite(std) && std > 1e308, "std " + std);
    }

    @Test
    void robustScalingOfValuesNearTheDoubleRangeIsFiniteAndAnOverflowingRangeIsRefused() throws IOException {
        Table t = Table.readCsv(write("wide.csv", "v\n-1.7e308\n1.5e308\n"), null);
        // Percentiles interpolate without overflowing: median -1e307, quartiles -0.9e308 and 0.7e308.
        FittedPreprocessor robust = Preprocessor.fit(t, new PreprocessingOptions(Scaling.ROBUST, Imputation.NONE));
        assertEquals(-1e307, robust.toJson().get("columns").get(0).get("center").asDouble(), 1e293);
        assertEquals(1.6e308, robust.toJson().get("columns").get(0).get("scale").asDouble(), 1e294);
        for (float v : robust.transform(t).toArray()) {
            assertTrue(Float.isFinite(v), "robust-scaled " + v);
        }
        // A range of 3.2e308 is not a double: refused, naming the column and the way out.
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> Preprocessor.fit(t, new PreprocessingOptions(Scaling.MINMAX, Imputation.NONE)));
        assertEquals(dir.resolve("wide.csv") + ", column 'v': the values (from -1.7E308 to 1.5E308) are too large"
                + " to scale with minmax; try --scaling zscore", e.getMessage());
        for (float v : Preprocessor.fit(t).transform(t).toArray()) {
            assertTrue(Float.isFinite(v), "z-score " + v);
        }
    }

    @Test
    void ordinaryDataKeepsExactlyTheTextbookMeanAndStd() throws IOException {
        double[] values = {0.1, 2.7, -3.3, 1e-3, 42};
        StringBuilder sb = new StringBuilder("v\n");
        for (double v : values) {
            sb.append(v).append('\n');
        }
        FittedPreprocessor p = Preprocessor.fit(Table.readCsv(write("o.csv", sb.toString()), null));
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        assertEquals(mean, p.toJson().get("columns").get(0).get("center").asDouble(), 0.0);
        assertEquals(Math.sqrt(squares / values.length), p.toJson().get("columns").get(0).get("scale").asDouble(),
                0.0);
    }

    @Test
    void scoringDataThatDoesNotMatchTheModelIsASchemaMismatchNamingTheRow() throws IOException {
        FittedPreprocessor p = Preprocessor.fit(Table.readCsv(write("train.csv", "a,b\n1,x\n2,y\n3,x\n"), null));
        assertThrows(SchemaMismatchException.class, () -> p.transform(Table.readCsv(write("m.csv", "a\n1\n"), null)));
        assertThrows(SchemaMismatchException.class,
                () -> p.transform(Table.readCsv(write("x.csv", "a,b,c\n1,x,2\n"), null)));
        Path text = write("t.csv", "a,b\n1,x\n2,y\nthree,x\n");
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> p.transform(Table.readCsv(text, null)));
        assertEquals(text + ", column 'a', row 3: numeric in the training data, but it has text now ('three')",
                e.getMessage());
        Path far = write("f.csv", "a,b\n1,x\n1e300,y\n");
        SchemaMismatchException f = assertThrows(SchemaMismatchException.class,
                () -> p.transform(Table.readCsv(far, null)));
        assertTrue(f.getMessage().startsWith(far + ", column 'a', row 2: the value 1.0E300 is too far"),
                f.getMessage());
    }
}
