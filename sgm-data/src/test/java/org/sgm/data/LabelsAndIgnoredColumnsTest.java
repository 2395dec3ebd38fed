package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.SgmException;
import org.sgm.core.data.InvalidDataException;

/**
 * Label values other than 0/1 (read as told, or not read at all), ignored columns in every format, and the limit
 * on categories that makes an id-like text column an error instead of a huge one-hot matrix.
 */
class LabelsAndIgnoredColumnsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private static final String GOOD_BAD = "a,b,class\n1,2,good\n3,4,bad\n5,6,good\n7,8, bad\n";

    @Test
    void csvLabelsAreStandardUnreadOrReadAsTold() throws IOException {
        Path f = write("credit.csv", GOOD_BAD);
        ReadOptions read = ReadOptions.defaults().withLabelColumn("class");
        String m = assertThrows(InvalidDataException.class, () -> Table.read(f, read)).getMessage();
        assertTrue(m.startsWith(f + ", line 2, column 'class': a label must be 0 (normal) or 1 (anomaly), got "
                + "'good' (for other label values, name those that mark anomalies with --anomaly-value)"), m);

        Table unread = Table.read(f, read.withLabels(LabelValues.unread()));
        assertFalse(unread.hasLabels());
        assertEquals(List.of("a", "b"), unread.columns());

        Table told = Table.read(f, read.withLabels(LabelValues.anomalies(List.of("bad"))));
        assertArrayEquals(new boolean[] {false, true, false, true}, told.anomalies(), "spaces around a value drop");

        String none = assertThrows(InvalidDataException.class,
                () -> Table.read(f, read.withLabels(LabelValues.anomalies(List.of("bda"))))).getMessage();
        assertEquals(f + ": no row has the anomaly value 'bda' in label column 'class'", none);

        Path missing = write("missing.csv", "a,class\n1,good\n2,\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> Table.read(missing,
                read.withLabels(LabelValues.anomalies(List.of("bad"))))).getMessage().contains("line 3, column 'class'"
                + ": a label must be 0 (normal) or 1 (anomaly), got an empty value (a missing value"));
        Table missingUnread = Table.read(missing, read.withLabels(LabelValues.unread()));
        assertEquals(2, missingUnread.rows(), "unread labels may be missing");
    }

    @Test
    void arffClassAttributesReadAsTold() throws IOException {
        Path f = write("credit.arff", "@relation credit\n@attribute a numeric\n@attribute class {good,bad}\n@data\n"
                + "1,good\n2,bad\n3,good\n");
        // By default, a last attribute with other values than the known words is a feature, as before.
        assertEquals(List.of("a", "class"), Table.read(f, ReadOptions.defaults()).columns());
        Table told = Table.read(f, ReadOptions.defaults().withLabels(LabelValues.anomalies(List.of("bad"))));
        assertEquals(List.of("a"), told.columns(), "the last nominal attribute with an anomaly value is the class");
        assertArrayEquals(new boolean[] {false, true, false}, told.anomalies());
        String m = assertThrows(InvalidDataException.class,
                () -> Table.read(f, ReadOptions.defaults().withLabelColumn("class"))).getMessage();
        assertTrue(m.contains("class attribute 'class': 'good' is not a label") && m.contains("--anomaly-value"), m);
        Table unread = Table.read(f, ReadOptions.defaults().withLabelColumn("class").withLabels(LabelValues.unread()));
        assertEquals(List.of("a"), unread.columns());
        assertFalse(unread.hasLabels());
    }

    @Test
    void numericLabelsMatchAnomalyValuesAsNumbers() throws IOException {
        byte[] x = NpyFiles.npy("<f8", "(3, 2)", NpyFiles.f8(1, 2, 3, 4, 5, 6));
        byte[] y = NpyFiles.npy("<f8", "(3,)", NpyFiles.f8(0, 2, 0));
        Path f = Files.write(dir.resolve("d.npz"), NpyFiles.npz(false, "X.npy", x, "y.npy", y));
        assertTrue(assertThrows(InvalidDataException.class, () -> Table.read(f, ReadOptions.defaults()))
                .getMessage().contains("a label must be 0 (normal) or 1 (anomaly), got 2.0"));
        Table told = Table.read(f, ReadOptions.defaults().withLabels(LabelValues.anomalies(List.of("2"))));
        assertArrayEquals(new boolean[] {false, true, false}, told.anomalies());
        assertFalse(Table.read(f, ReadOptions.defaults().withLabels(LabelValues.unread())).hasLabels());
        Table ignored = Table.read(f, ReadOptions.defaults().withIgnoreColumns(List.of("f1"))
                .withLabels(LabelValues.unread()));
        assertEquals(List.of("f2"), ignored.columns());
        assertArrayEquals(new double[] {2, 4, 6}, ignored.numeric("f2"));
    }

    @Test
    void ignoredColumnsAreDroppedUncheckedInCsvAndArff() throws IOException {
        Path csv = write("t.csv", "id,when,a,label\nx1,inf,1,0\nx2,,2,1\nx3,NaN,3,0\n");
        Table t = Table.read(csv, ReadOptions.defaults().withIgnoreColumns(List.of("id", "when")));
        assertEquals(List.of("a"), t.columns(), "an infinity and missing values in ignored columns are not read");
        assertArrayEquals(new boolean[] {false, true, false}, t.anomalies());
        String m = assertThrows(InvalidDataException.class, () -> Table.read(csv,
                ReadOptions.defaults().withIgnoreColumns(List.of("nosuch")))).getMessage();
        assertEquals(csv + ": no column 'nosuch' to ignore (columns: id, when, a, label)", m);
        m = assertThrows(InvalidDataException.class, () -> Table.read(csv,
                ReadOptions.defaults().withIgnoreColumns(List.of("id", "when", "a")))).getMessage();
        assertEquals(csv + ": no feature columns besides the ignored id, when, a", m);
        assertEquals("the ignored column 'label' is the label column", assertThrows(SgmException.class,
                () -> ReadOptions.defaults().withIgnoreColumns(List.of("label"))).getMessage());

        Path arff = write("t.arff", "@relation r\n@attribute id string\n@attribute a numeric\n@data\n'x y',1\n?,2\n");
        assertEquals(List.of("a"), Table.read(arff, ReadOptions.defaults().withIgnoreColumns(List.of("id")))
                .columns());
    }

    /** A CSV file with a numeric column v and a text column t whose value in row i is {@code values[i]}. */
    private Table textColumn(String name, String[] values) throws IOException {
        StringBuilder sb = new StringBuilder("v,t\n");
        for (int i = 0; i < values.length; i++) {
            sb.append(i).append(',').append(values[i]).append('\n');
        }
        return Table.read(write(name, sb.toString()), ReadOptions.defaults());
    }

    @Test
    void idLikeTextColumnsAreRefusedNamingTheWayOut() throws IOException {
        String[] ids = new String[60];
        String[] twenty = new String[60];
        String[] many = new String[1100];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "row-" + i;
            twenty[i] = "c" + (i % 20);
        }
        for (int i = 0; i < many.length; i++) {
            many[i] = "c" + (i % 1001);
        }
        Table idTable = textColumn("ids.csv", ids);
        String m = assertThrows(InvalidDataException.class, () -> Preprocessor.fit(idTable)).getMessage();
        assertEquals(dir.resolve("ids.csv") + ", column 't': 60 distinct values in 60 rows, too many categories to"
                + " one-hot encode (more than half the rows; an id, a timestamp, or numbers with a decimal comma?);"
                + " leave it out with --ignore-columns t", m);

        // Twenty categories are never too many (20 of 30 rows distinct included); 1001 always are.
        assertEquals(21, Preprocessor.fit(textColumn("twenty.csv", twenty)).featureNames().size());
        assertEquals(21, Preprocessor.fit(textColumn("small.csv", Arrays.copyOf(twenty, 30)))
                .featureNames().size());
        Table manyTable = textColumn("many.csv", many);
        m = assertThrows(InvalidDataException.class, () -> Preprocessor.fit(manyTable)).getMessage();
        assertTrue(m.contains("column 't': 1001 distinct values in 1100 rows, too many categories to one-hot encode "
                + "(more than 1000;"), m);
    }
}
