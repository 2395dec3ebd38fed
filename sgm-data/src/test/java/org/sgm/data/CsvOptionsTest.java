package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.SgmException;

/** CSV reading options: delimiter, label column by name or none, quoted fields, missing values. */
class CsvOptionsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void semicolonDelimiterWithQuotedFieldsHoldingDelimitersQuotesAndLineBreaks() throws IOException {
        Path file = write("semi.csv", "x;note;y\n1,5;\"a; b\";0\n2;\"say \"\"hi\"\"\nthere\";1\n");

        Table t = Table.read(file, ReadOptions.defaults().withDelimiter(';').withLabelColumn("y"));

        assertEquals(List.of("x", "note"), t.columns());
        assertFalse(t.isNumeric("x"), "'1,5' is text when ';' separates");
        assertArrayEquals(new String[] {"a; b", "say \"hi\"\nthere"}, t.text("note"));
        assertArrayEquals(new boolean[] {false, true}, t.anomalies());
    }

    @Test
    void tabDelimiterByName() throws IOException {
        Path file = write("t.tsv", "a\tb\tlabel\n1\t2\t0\n3\t4\t1\n");

        Table t = Table.read(file, ReadOptions.defaults().withDelimiter(ReadOptions.parseDelimiter("tab")));

        assertArrayEquals(new double[] {2, 4}, t.numeric("b"));
        assertEquals(2, t.anomalies().length);
    }

    @Test
    void badDelimitersAreRefused() {
        assertThrows(SgmException.class, () -> ReadOptions.parseDelimiter(";;"));
        assertThrows(SgmException.class, () -> ReadOptions.defaults().withDelimiter('"'));
    }

    @Test
    void noLabelColumnKeepsTheLabelAsAFeature() throws IOException {
        Path file = write("l.csv", "a,label\n1,0\n2,1\n");

        Table t = Table.read(file, ReadOptions.defaults().withLabelColumn(null));

        assertEquals(List.of("a", "label"), t.columns());
        assertFalse(t.hasLabels());
        SgmException e = assertThrows(SgmException.class, t::anomalies);
        assertTrue(e.getMessage().contains("none was named"), e.getMessage());
    }

    @Test
    void labelColumnByAnyName() throws IOException {
        Path file = write("c.csv", "is_fraud,a\n1,5\n0,6\n");

        Table t = Table.read(file, ReadOptions.defaults().withLabelColumn("is_fraud"));

        assertEquals(List.of("a"), t.columns());
        assertArrayEquals(new boolean[] {true, false}, t.anomalies());
    }

    @Test
    void missingValuesAreReadAsNanAndNullWhenAllowed() throws IOException {
        Path file = write("m.csv", "a,b,label\n1,x,0\n,NA,1\n?,y,0\nnan,null,0\n");

        Table t = Table.read(file, ReadOptions.defaults().withAllowMissing(true));

        assertTrue(t.isNumeric("a"));
        double[] a = t.numeric("a");
        assertEquals(1.0, a[0]);
        assertTrue(Double.isNaN(a[1]) && Double.isNaN(a[2]) && Double.isNaN(a[3]));
        String[] b = t.text("b");
        assertEquals("x", b[0]);
        assertNull(b[1]);
        assertNull(b[3]);
    }

    @Test
    void missingValuesAreAnErrorByDefaultNamingLineAndColumn() throws IOException {
        Path file = write("m.csv", "a,b\n1,2\n3,NA\n");

        SgmException e = assertThrows(SgmException.class, () -> Table.read(file, ReadOptions.defaults()));

        assertEquals(file + ", line 3, column 'b': missing value 'NA' (missing values are refused unless an"
                + " imputation is chosen, e.g. --impute median)", e.getMessage());
    }

    @Test
    void infinityIsAnErrorEvenWhenMissingValuesAreAllowed() throws IOException {
        Path file = write("inf.csv", "a\n1\n-Infinity\n");

        SgmException e = assertThrows(SgmException.class,
                () -> Table.read(file, ReadOptions.defaults().withAllowMissing(true)));

        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("not a finite number"),
                e.getMessage());
    }
}
