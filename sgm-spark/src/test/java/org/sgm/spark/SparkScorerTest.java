package org.sgm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Guice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.FitContext;
import org.sgm.core.SgmException;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.data.SchemaMismatchException;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.data.FittedPipeline;
import org.sgm.data.PreprocessingOptions;
import org.sgm.data.ReadOptions;
import org.sgm.data.Table;
import org.sgm.eval.SgmEvalModule;

/**
 * {@code sgm spark-score} in {@code local[2]}, with input splits of 512 KB so that market.csv (3.6 MB, 45 211 rows)
 * spans 7 partitions whose boundaries fall inside {@code sgm score}'s 4 096-row batches: the concatenated,
 * row-sorted output must equal {@code sgm score}'s text exactly (a batch scored at another height can differ in
 * the last bits, which is why cut batches are gathered before scoring).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkScorerTest {
    /** The shared datasets beside the checkout, as in the other modules' tests; -Dsgm.datasets=DIR elsewhere. */
    private static final Path MARKET = Path.of(System.getProperty("sgm.datasets", "../../shared/datasets"),
            "market.csv");
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static DetectorRegistry registry;
    private static Path model;
    private static String expected;
    /** The first 10 000 rows of market.csv (790 KB: two splits), for the other tests. */
    private static Path slice;
    private static String expectedSlice;

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(SparkScorer.javaSupported(), "Spark 3.5 does not run on Java " + Runtime.version().feature());
        assumeTrue(Files.isRegularFile(MARKET), "no " + MARKET.toAbsolutePath());
        registry = Guice.createInjector(new SgmEvalModule()).getInstance(DetectorRegistry.class);
        Table market = Table.read(MARKET, ReadOptions.defaults());
        // fitted on every 15th row: 3 000 rows
        FittedPipeline fitted = FittedPipeline.fit(registry.create("sg-ae",
                HyperparameterJson.read("{\"training\": {\"epochs\": 2}}")),
                market.selectRows(IntStream.range(0, 3000).map(i -> i * 15).toArray()), "label", FitContext.of(7));
        model = dir.resolve("market.sgm");
        fitted.save(model);
        expected = sgmScore(MARKET);
        slice = write("slice.csv", marketLines().subList(0, 10_001));
        expectedSlice = sgmScore(slice);
        spark = SparkSession.builder().master("local[2]").appName("SparkScorerTest")
                .config("spark.ui.enabled", "false").config("spark.sql.files.maxPartitionBytes", "512k")
                .config("spark.ui.showConsoleProgress", "false").getOrCreate();
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) {
            SparkSession.getDefaultSession().foreach(s -> {
                s.stop();
                return null;
            });
        }
    }

    /** What {@code sgm score} writes for the file: its ScoreCommand's code path, in process. */
    private static String sgmScore(Path data) {
        FittedPipeline pipeline = FittedPipeline.load(model, registry);
        double[] scores = pipeline.score(Table.read(data, pipeline.readOptions()));
        StringBuilder sb = new StringBuilder("score\n");
        for (double s : scores) {
            sb.append(s).append('\n');
        }
        return sb.toString();
    }

    /** The part files' rows sorted by position, as sgm score's text; every position 0..n-1 exactly once. */
    private static String readParts(Path out) throws IOException {
        List<Path> parts;
        try (Stream<Path> files = Files.list(out)) {
            parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
        assertTrue(parts.size() > 1, "expected several part files, got " + parts);
        List<String[]> rows = new ArrayList<>();
        for (Path p : parts) {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            assertEquals("row,score", lines.get(0), p + " starts with the header");
            lines.subList(1, lines.size()).forEach(l -> rows.add(l.split(",", -1)));
        }
        String[] byRow = new String[rows.size()];
        for (String[] r : rows) {
            int i = Integer.parseInt(r[0]);
            assertEquals(null, byRow[i], "row " + i + " appears twice");
            byRow[i] = r[1];
        }
        StringBuilder sb = new StringBuilder("score\n");
        for (String s : byRow) {
            sb.append(s).append('\n');
        }
        return sb.toString();
    }

    /** Like assertEquals on the whole text, but names the first differing row and how many differ. */
    private static void assertSameScores(String expectedText, String actualText) {
        String[] e = expectedText.split("\n");
        String[] a = actualText.split("\n");
        assertEquals(e.length, a.length, "number of lines");
        int differ = 0;
        int first = -1;
        for (int i = 0; i < e.length; i++) {
            if (!e[i].equals(a[i])) {
                differ++;
                first = first < 0 ? i : first;
            }
        }
        if (differ > 0) {
            fail(differ + " rows differ, the first at line " + first + ": expected " + e[first] + ", got "
                    + a[first]);
        }
    }

    private static Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> sliceLines() {
        try {
            return Files.readAllLines(slice, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> marketLines() {
        try {
            return Files.readAllLines(MARKET, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every temporary output directory is gone and {@code out} was not created. */
    private static void assertNothingLeft(Path out) throws IOException {
        assertFalse(Files.exists(out), out + " must not exist after a failure");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("." + out.getFileName() + ".tmp")));
        }
    }

    @Test
    @Order(1)
    void csvScoresEqualSgmScoreExactly() throws IOException {
        Path out = dir.resolve("csv-out");
        long rows = SparkScorer.score(spark, model, MARKET.toString(), ',', out.toString());
        assertEquals(45211, rows);
        assertSameScores(expected, readParts(out));
    }

    @Test
    @Order(2)
    void parquetScoresEqualTheCsvScores() throws IOException {
        Path pq = dir.resolve("market-pq");
        spark.read().option("header", "true").option("inferSchema", "true").csv(slice.toString()).coalesce(1)
                .write().parquet(pq.toString());
        Path file;
        try (Stream<Path> files = Files.list(pq)) {
            file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Path out = dir.resolve("pq-out");
        SparkScorer.score(spark, model, file.toString(), ',', out.toString());
        // one small Parquet file is one split: a single part file, so compare without the several-parts check
        List<String> lines = Files.readAllLines(Files.list(out).filter(p -> p.getFileName().toString()
                .startsWith("part-")).findFirst().orElseThrow());
        StringBuilder sb = new StringBuilder("score\n");
        for (int i = 1; i < lines.size(); i++) {
            String[] r = lines.get(i).split(",");
            assertEquals(Integer.toString(i - 1), r[0]);
            sb.append(r[1]).append('\n');
        }
        assertSameScores(expectedSlice, sb.toString());
    }

    @Test
    @Order(2)
    void quotedFieldsAreReadAsSgmScoreReadsThem() throws IOException {
        // every field quoted on every 3rd line (commas inside quotes would be a column error in both: not tested)
        List<String> lines = new ArrayList<>(sliceLines());
        for (int i = 1; i < lines.size(); i += 3) {
            lines.set(i, "\"" + String.join("\",\"", lines.get(i).split(",", -1)) + "\"");
        }
        Path quoted = write("quoted.csv", lines);
        Path out = dir.resolve("quoted-out");
        SparkScorer.score(spark, model, quoted.toString(), ',', out.toString());
        assertSameScores(sgmScore(quoted), readParts(out));
        assertSameScores(expectedSlice, readParts(out));
        assertEquals(List.of("a", "", "b", ""), List.of(CsvLineReader.split("a,, b ,", ',', 4)),
                "spaces around a value are dropped");
    }

    @Test
    @Order(3)
    void missingAndExtraColumnsGiveSgmScoresMessage() throws IOException {
        List<String> lines = sliceLines();
        Path missing = write("no-age.csv", lines.stream().map(l -> l.substring(l.indexOf(',') + 1)).toList());
        Path extra = write("extra.csv", lines.stream().map(l -> l + (l.startsWith("age,") ? ",extra" : ",1"))
                .toList());
        for (Path data : List.of(missing, extra)) {
            Path out = dir.resolve("cols-out");
            SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                    () -> SparkScorer.score(spark, model, data.toString(), ',', out.toString()));
            SchemaMismatchException local = assertThrows(SchemaMismatchException.class, () -> sgmScore(data));
            assertEquals(local.getMessage(), e.getMessage());
            assertNothingLeft(out);
        }
    }

    @Test
    @Order(4)
    void badValuesNameTheirRowAndColumnAndLeaveNoOutput() throws IOException {
        List<String> lines = new ArrayList<>(sliceLines());
        lines.set(7001, "abc" + lines.get(7001).substring(lines.get(7001).indexOf(',')));
        Path text = write("text-in-age.csv", lines);
        Path out = dir.resolve("bad-out");
        SgmException e = assertThrows(SgmException.class,
                () -> SparkScorer.score(spark, model, text.toString(), ',', out.toString()));
        assertEquals(text + ", row 7001, column 'age': numeric in the training data, but it has text now ('abc')",
                e.getMessage());
        assertNothingLeft(out);

        List<String> ragged = new ArrayList<>(sliceLines());
        ragged.set(12, ragged.get(12) + ",7");
        Path raggedFile = write("ragged.csv", ragged);
        e = assertThrows(InvalidDataException.class,
                () -> SparkScorer.score(spark, model, raggedFile.toString(), ',', out.toString()));
        assertEquals(raggedFile + ", row 12: 18 fields, but the header has 17", e.getMessage());
        assertNothingLeft(out);

        e = assertThrows(InvalidDataException.class, () -> SparkScorer.score(spark, model,
                dir.resolve("absent.csv").toString(), ',', out.toString()));
        assertTrue(e.getMessage().endsWith("absent.csv: file not found"), e.getMessage());
    }

    @Test
    @Order(5)
    void anExistingOutputDirectoryIsRefused() throws IOException {
        Path out = Files.createDirectories(dir.resolve("exists"));
        SgmException e = assertThrows(SgmException.class,
                () -> SparkScorer.score(spark, model, slice.toString(), ',', out.toString()));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    @Order(5)
    void labelValuesAreNotReadAndIgnoredColumnsAreDroppedAsSgmScoreDoes() throws IOException {
        List<String> lines = new ArrayList<>(sliceLines());
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            lines.set(i, l.substring(0, l.lastIndexOf(',') + 1) + (l.endsWith(",1") ? "bad" : "good"));
        }
        Path goodBad = write("good-bad.csv", lines);
        Path out = dir.resolve("good-bad-out");
        SparkScorer.score(spark, model, goodBad.toString(), ',', out.toString());
        assertSameScores(expectedSlice, readParts(out));

        // A model that ignored 'job' and 'month': both are dropped unread (here filled with text of any kind).
        ReadOptions read = ReadOptions.defaults().withIgnoreColumns(List.of("job", "month"));
        FittedPipeline ignoring = FittedPipeline.fit(registry.create("iforest", HyperparameterJson.read("{}")),
                Table.read(slice, read), read, PreprocessingOptions.defaults(), FitContext.of(3));
        Path ignoringModel = dir.resolve("ignoring.sgm");
        ignoring.save(ignoringModel);
        double[] scores = FittedPipeline.load(ignoringModel, registry).score(slice);
        StringBuilder sb = new StringBuilder("score\n");
        for (double v : scores) {
            sb.append(v).append('\n');
        }
        List<String> scrambled = new ArrayList<>(sliceLines());
        for (int i = 1; i < scrambled.size(); i++) {
            String[] f = scrambled.get(i).split(",", -1);
            f[1] = "id-" + i;
            f[10] = i % 7 == 0 ? "" : "t" + i;
            scrambled.set(i, String.join(",", f));
        }
        Path scrambledFile = write("scrambled.csv", scrambled);
        Path out2 = dir.resolve("ignoring-out");
        SparkScorer.score(spark, ignoringModel, scrambledFile.toString(), ',', out2.toString());
        assertSameScores(sb.toString(), readParts(out2));
    }

    @Test
    @Order(6)
    void commandLineExitStatuses() throws IOException {
        assertEquals(2, SparkScoreMain.execute("--model", model.toString()));
        Path out = dir.resolve("cli-out");
        assertEquals(0, SparkScoreMain.execute("--model", model.toString(), "--data", slice.toString(),
                "--out", out.toString(), "--master", "local[2]", "--quiet"));
        assertSameScores(expectedSlice, readParts(out));
        Path notAModel = write("not-a-model.sgm", List.of("hello"));
        assertEquals(1, SparkScoreMain.execute("--model", notAModel.toString(), "--data", slice.toString(),
                "--out", dir.resolve("cli-out2").toString(), "--master", "local[2]", "--quiet"));
        assertNothingLeft(dir.resolve("cli-out2"));
    }
}
