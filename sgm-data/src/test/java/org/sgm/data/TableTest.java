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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sgm.core.SgmException;
import org.sgm.core.io.Hashing;
import org.sgm.core.io.ModelFile;

class TableTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsNumericAndTextColumnsAndLabels() throws IOException {
        Path file = write("data.csv", "age,job,label,score\n30,admin,0,1.5\n40,\"tech, senior\",1,-2e-3\n"
                + "50,admin,0,1e308\n");
        Table t = Table.readCsv(file, "label");

        assertEquals(file.toString(), t.source());
        assertEquals(3, t.rows());
        assertEquals(List.of("age", "job", "score"), t.columns());
        assertTrue(t.isNumeric("age"));
        assertFalse(t.isNumeric("job"));
        assertArrayEquals(new double[] {30, 40, 50}, t.numeric("age"));
        assertArrayEquals(new double[] {1.5, -0.002, 1e308}, t.numeric("score"));
        assertArrayEquals(new String[] {"admin", "tech, senior", "admin"}, t.text("job"));
        assertTrue(t.hasLabels());
        assertArrayEquals(new boolean[] {false, true, false}, t.anomalies());
        assertEquals(Hashing.sha256(Files.readAllBytes(file)), t.sha256());
    }

    @Test
    void spacesAroundValuesAreDroppedSoNumbersStayNumbers() throws IOException {
        // Many CSV writers put a space after the delimiter; "1.5, 2" is two numbers, not a category " 2".
        Table spaced = Table.readCsv(write("spaced.csv", "a, b, job, label\n1.5, 2, admin , 0\n2.5, -3, \"tech, x\", 1\n"
                + "3.5 ,4 , admin, 0\n"), "label");
        Table plain = Table.readCsv(write("plain.csv", "a,b,job,label\n1.5,2,admin,0\n2.5,-3,\"tech, x\",1\n"
                + "3.5,4,admin,0\n"), "label");
        assertEquals(plain.columns(), spaced.columns());
        assertTrue(spaced.isNumeric("a") && spaced.isNumeric("b"));
        assertArrayEquals(plain.numeric("b"), spaced.numeric("b"));
        assertArrayEquals(plain.text("job"), spaced.text("job"));
        assertArrayEquals(plain.anomalies(), spaced.anomalies());
        FittedPreprocessor a = Preprocessor.fit(plain);
        FittedPreprocessor b = Preprocessor.fit(spaced);
        assertEquals(a.toJson(), b.toJson(), "the same preprocessing, hence the same model");
        assertArrayEquals(a.transform(plain).toArray(), b.transform(spaced).toArray(), 0f);
    }

    @Test
    void aColumnWithAnyNonNumberIsText() throws IOException {
        Table t = Table.readCsv(write("mixed.csv", "a,b,c\n1,+2.5,x\n2,.5,3\n0x10,1.,4\n"), null);

        assertFalse(t.isNumeric("a"), "0x10 is not a decimal number");
        assertTrue(t.isNumeric("b"));
        assertFalse(t.isNumeric("c"));
        assertArrayEquals(new String[] {"x", "3", "4"}, t.text("c"));
    }

    @Test
    void labelColumnIsOptional() throws IOException {
        Path file = write("plain.csv", "x,y\n1,2\n3,4\n");

        Table t = Table.readCsv(file, "label");
        assertFalse(t.hasLabels());
        assertEquals(List.of("x", "y"), t.columns());
        SgmException e = assertThrows(SgmException.class, t::anomalies);
        assertEquals(file + " has no label column 'label'", e.getMessage());

        Table unlabelled = Table.readCsv(write("labelled.csv", "x,label\n1,0\n"), null);
        assertEquals(List.of("x", "label"), unlabelled.columns());
        assertFalse(unlabelled.hasLabels());
        assertTrue(assertThrows(SgmException.class, unlabelled::anomalies).getMessage().endsWith("(none was named)"));
    }

    @Test
    void selectRowsKeepsLabelsAndColumns() throws IOException {
        Table t = Table.readCsv(write("s.csv", "x,c,label\n1,a,0\n2,b,1\n3,c,0\n"), "label");

        Table s = t.selectRows(new int[] {2, 1, 1});

        assertEquals(3, s.rows());
        assertArrayEquals(new double[] {3, 2, 2}, s.numeric("x"));
        assertArrayEquals(new String[] {"c", "b", "b"}, s.text("c"));
        assertArrayEquals(new boolean[] {false, true, true}, s.anomalies());
        assertEquals(t.sha256(), s.sha256());
    }

    @Test
    void skipsByteOrderMarkAndBlankLinesButCountsThemAsLines() throws IOException {
        Table t = Table.readCsv(write("bom.csv", "\uFEFFa,b\r\n1,2\r\n\r\n3,4\r\n"), null);
        assertEquals(List.of("a", "b"), t.columns());
        assertEquals(2, t.rows());

        SgmException e = assertThrows(SgmException.class,
                () -> Table.readCsv(write("gap.csv", "a,b\n1,2\n\n3,\n"), null));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void unknownColumnIsReported() throws IOException {
        Table t = Table.readCsv(write("u.csv", "x\n1\n"), null);
        SgmException e = assertThrows(SgmException.class, () -> t.isNumeric("nope"));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("u.csv"), e.getMessage());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("empty file", utf8(""), List.of("empty file")),
                Arguments.of("header only", utf8("a,b\n"), List.of("no data rows")),
                Arguments.of("ragged row", utf8("a,b\n1,2\n3\n"), List.of("line 3", "1 fields", "header has 2")),
                Arguments.of("duplicate name", utf8("a,b,a\n1,2,3\n"), List.of("line 1", "'a'", "twice")),
                Arguments.of("empty name", utf8("a,,b\n1,2,3\n"), List.of("line 1", "column 2 has no name")),
                Arguments.of("empty value", utf8("a,b\n1,2\n3,\n"),
                        List.of("line 3", "column 'b'", "empty value (missing values are refused unless")),
                Arguments.of("blank text value", utf8("a,b\n1,x\n3, \n"), List.of("line 3", "column 'b'", "empty")),
                Arguments.of("NaN", utf8("a,b\n1,NaN\n"), List.of("line 2", "column 'b'", "missing value 'NaN'")),
                Arguments.of("question mark", utf8("a,b\n1,?\n"), List.of("line 2", "column 'b'", "'?'")),
                Arguments.of("missing label", utf8("a,label\n1,\n"), List.of("line 2", "in the label column")),
                Arguments.of("nan", utf8("a,b\n1,x\n2,nan\n"), List.of("line 3", "column 'b'", "'nan'")),
                Arguments.of("-inf", utf8("a,b\n1,2\n-inf,3\n"), List.of("line 3", "column 'a'", "'-inf'")),
                Arguments.of("Infinity", utf8("a,b\n1,Infinity\n"), List.of("line 2", "column 'b'")),
                Arguments.of("overflow", utf8("a,b\n1,2\n1e999,3\n"), List.of("line 3", "column 'a'", "too large")),
                Arguments.of("bad label", utf8("a,label\n1,0\n1,2\n"),
                        List.of("line 3", "column 'label'", "got '2'")),
                Arguments.of("fraction label", utf8("a,label\n1,1.0\n"), List.of("line 2", "column 'label'")),
                Arguments.of("label only", utf8("label\n1\n"), List.of("no feature columns")),
                Arguments.of("bad quote", utf8("a,b\n1,\"x\"y\n"), List.of("malformed CSV")),
                Arguments.of("not UTF-8", new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xE9, '\n'},
                        List.of("not valid UTF-8", "byte 6")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFilesGiveOneLineErrorsNamingFileLineAndColumn(String name, byte[] content, List<String> expected)
            throws IOException {
        Path file = Files.write(dir.resolve("bad.csv"), content);

        SgmException e = assertThrows(SgmException.class, () -> Table.readCsv(file, "label"));

        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString()), message);
        assertFalse(message.contains("\n"), message);
        expected.forEach(part -> assertTrue(message.contains(part), "expected '" + part + "' in: " + message));
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("absent.csv");
        SgmException e = assertThrows(SgmException.class, () -> Table.readCsv(file, "label"));
        assertEquals(file + ": file not found", e.getMessage());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
