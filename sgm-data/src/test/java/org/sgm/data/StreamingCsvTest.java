package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.FitContext;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.data.SchemaMismatchException;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.train.ScoreGuidedComponents;
import org.sgm.core.train.ScoreGuidedDetector;
import org.slf4j.LoggerFactory;

/**
 * A CSV file streamed from disk gives the same preprocessing, features, model and scores, bit for bit, as the file
 * read into memory, and the same errors; it is split into several batches here (9 000 rows, batches of 4 096).
 */
class StreamingCsvTest {
    private static final int ROWS = 9_000;

    @TempDir
    Path dir;

    /** Two numeric columns, a text column and a label; with {@code missing}, some empty values in each. */
    private Path csv(String name, boolean missing, long seed) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("x,colour,y,label\n");
        for (int i = 0; i < ROWS; i++) {
            boolean anomaly = rng.nextInt(20) == 0;
            String x = String.format(Locale.ROOT, "%.6f", rng.nextGaussian() * 3 + (anomaly ? 9 : 0));
            String colour = List.of("red", "green", "blue", "7").get(rng.nextInt(4));
            String y = Integer.toString(rng.nextInt(1000));
            if (missing && rng.nextInt(50) == 0) {
                x = "";
            }
            if (missing && rng.nextInt(50) == 0) {
                colour = "NA";
            }
            sb.append(x).append(',').append(colour).append(',').append(y).append(',').append(anomaly ? 1 : 0)
                    .append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    @Test
    void featuresAndPreprocessingAreThoseOfTheFileInMemory() throws Exception {
        Path clean = csv("clean.csv", false, 1);
        Path gappy = csv("gappy.csv", true, 2);
        List<Object[]> cases = List.of(
                new Object[] {clean, new PreprocessingOptions(Scaling.ZSCORE, Imputation.NONE)},
                new Object[] {clean, new PreprocessingOptions(Scaling.NONE, Imputation.NONE)},
                new Object[] {gappy, new PreprocessingOptions(Scaling.MINMAX, Imputation.MEAN)},
                new Object[] {gappy, new PreprocessingOptions(Scaling.ROBUST, Imputation.MEDIAN)});
        for (Object[] c : cases) {
            Path file = (Path) c[0];
            PreprocessingOptions options = (PreprocessingOptions) c[1];
            ReadOptions read = ReadOptions.defaults().withAllowMissing(options.imputation() != Imputation.NONE);
            Table table = Table.read(file, read);
            FittedPreprocessor inMemory = Preprocessor.fit(table, options);
            StreamingCsv.Prepared streamed = StreamingCsv.fit(file, read, options);
            String what = file.getFileName() + " " + options;
            assertEquals(inMemory.toJson(), streamed.preprocessor().toJson(), what);
            assertTrue(streamed.features().isMapped(), what);
            FeatureMatrix expected = inMemory.transform(table);
            assertEquals(expected.columnNames(), streamed.features().columnNames(), what);
            assertArrayEquals(expected.toArray(), streamed.features().toArray(), what);
            assertEquals(table.sha256(), streamed.sha256(), what);

            List<float[]> batches = new ArrayList<>();
            List<Integer> firstRows = new ArrayList<>();
            int rows = StreamingCsv.transform(file, read, inMemory, (first, x) -> {
                firstRows.add(first);
                batches.add(x.toArray());
            });
            assertEquals(ROWS, rows);
            assertEquals(List.of(0, 4096, 8192), firstRows, what);
            float[] joined = new float[expected.rows() * expected.cols()];
            int at = 0;
            for (float[] b : batches) {
                System.arraycopy(b, 0, joined, at, b.length);
                at += b.length;
            }
            assertArrayEquals(expected.toArray(), joined, what);
        }
    }

    @Test
    void fittedPipelineAndScoresAreThoseOfTheFileInMemory() throws Exception {
        Path file = csv("train.csv", false, 3);
        PreprocessingOptions options = PreprocessingOptions.defaults();
        ReadOptions read = ReadOptions.defaults();
        FittedPipeline inMemory = FittedPipeline.fit(detector(), Table.read(file, read), "label", options,
                FitContext.of(9));
        FittedPipeline streamed = FittedPipeline.fitStreaming(detector(), file, read, options, FitContext.of(9));
        assertEquals(inMemory.preprocessor().toJson(), streamed.preprocessor().toJson());
        assertEquals(inMemory.provenance().get("sha256"), streamed.provenance().get("sha256"));
        assertEquals("fast", streamed.provenance().get("engine").asText(), "the provenance names the engine");
        assertEquals(inMemory.labelColumn(), streamed.labelColumn());
        double[] expected = inMemory.score(file);
        assertArrayEquals(expected, streamed.score(file), 0.0);
        double[] streamedScores = new double[ROWS];
        int rows = streamed.scoreStreaming(file, streamed.readOptions(), (first, scores) ->
                System.arraycopy(scores, 0, streamedScores, first, scores.length));
        assertEquals(ROWS, rows);
        assertArrayEquals(expected, streamedScores, 0.0);
    }

    private static ScoreGuidedDetector detector() {
        record Params(int epochs) {}
        return new ScoreGuidedDetector("sg-ae", new Params(2), new TrainingConfig(2, 256, 1e-3, 1.0, false),
                ScoreGuidance.defaults(), ScoreGuidedComponents.paper(), d -> new DenseAutoencoder(new int[] {d, 4, 2}));
    }

    @Test
    void errorsNameTheSameLineRowAndColumn() throws Exception {
        String header = "x,colour,label\n";
        Path train = Files.writeString(dir.resolve("train.csv"), rows(-1, ""));
        FittedPreprocessor pre = Preprocessor.fit(Table.read(train, ReadOptions.defaults()));

        // a bad value in the second batch: the line of the file
        Path bad = Files.writeString(dir.resolve("bad.csv"), rows(4500, "inf"));
        String expected = assertThrows(InvalidDataException.class,
                () -> Table.read(bad, ReadOptions.defaults())).getMessage();
        assertTrue(expected.contains("line 4502"), expected);
        assertEquals(expected, assertThrows(InvalidDataException.class,
                () -> StreamingCsv.fit(bad, ReadOptions.defaults(), PreprocessingOptions.defaults())).getMessage());

        // text in a numeric column, first in the second batch: the row of the file, before any batch is handed out
        StringBuilder text = new StringBuilder(header);
        for (int i = 0; i < 5000; i++) {
            text.append(i >= 4100 ? "many" : i % 7 + "").append(',').append("red").append(",0\n");
        }
        Path textFile = Files.writeString(dir.resolve("text.csv"), text);
        String inMemory = assertThrows(SchemaMismatchException.class,
                () -> pre.transform(Table.read(textFile, ReadOptions.defaults()))).getMessage();
        assertTrue(inMemory.contains("row 4101"), inMemory);
        List<Integer> handedOut = new ArrayList<>();
        assertEquals(inMemory, assertThrows(SchemaMismatchException.class, () -> StreamingCsv.transform(textFile,
                ReadOptions.defaults(), pre, (first, x) -> handedOut.add(first))).getMessage());
        assertTrue(handedOut.isEmpty());

        // a missing value in the second batch (fitted without imputation): the row of the file
        Path gap = Files.writeString(dir.resolve("gap.csv"), rows(4600, ""));
        ReadOptions lenient = ReadOptions.defaults().withAllowMissing(true);
        String gapInMemory = assertThrows(InvalidDataException.class,
                () -> pre.transform(Table.read(gap, lenient))).getMessage();
        assertTrue(gapInMemory.contains("row 4601"), gapInMemory);
        assertEquals(gapInMemory, assertThrows(InvalidDataException.class,
                () -> StreamingCsv.transform(gap, lenient, pre, (first, x) -> { })).getMessage());
    }

    /** 5000 rows {@code x,colour,label}; row {@code special} (0-based) has {@code x} = {@code value}. */
    private static String rows(int special, String value) {
        StringBuilder sb = new StringBuilder("x,colour,label\n");
        for (int i = 0; i < 5000; i++) {
            sb.append(i == special ? value : Integer.toString(i % 7)).append(',').append(i % 2 == 0 ? "red" : "blue")
                    .append(",0\n");
        }
        return sb.toString();
    }

    @Test
    void unseenCategoriesWarnOncePerColumnOverAllBatches() throws Exception {
        StringBuilder sb = new StringBuilder("x,colour\n");
        for (int i = 0; i < 9000; i++) {
            sb.append(i % 5).append(',').append(i < 100 ? "red" : "purple").append('\n');
        }
        Path file = Files.writeString(dir.resolve("unseen.csv"), sb);
        FittedPreprocessor pre = Preprocessor.fit(Table.read(Files.writeString(dir.resolve("t.csv"),
                "x,colour\n1,red\n2,blue\n"), ReadOptions.defaults()));
        Logger logger = (Logger) LoggerFactory.getLogger(FittedPreprocessor.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            StreamingCsv.transform(file, ReadOptions.defaults(), pre, (first, x) -> { });
        } finally {
            logger.detachAppender(appender);
        }
        assertEquals(1, appender.list.size());
        assertTrue(appender.list.get(0).getFormattedMessage().contains("8900 value(s) not seen in training"),
                appender.list.get(0).getFormattedMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingIt() throws Exception {
        byte[] bytes = "x,y\n1,2\n3,\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.csv"), bytes);
        String message = assertThrows(InvalidDataException.class,
                () -> StreamingCsv.fit(file, ReadOptions.defaults(), PreprocessingOptions.defaults())).getMessage();
        assertEquals(file + ": not valid UTF-8; save the file as UTF-8", message);
    }
}
