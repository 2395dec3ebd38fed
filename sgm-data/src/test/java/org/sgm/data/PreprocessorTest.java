package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.slf4j.LoggerFactory;

class PreprocessorTest {
    private static final String TRAIN = "age,job,const,label\n1,b,7,0\n2,a,7,0\n3,b,7,1\n6,c,7,0\n";

    @TempDir
    Path dir;

    private Table table(String name, String content) throws IOException {
        return Table.readCsv(Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8)), "label");
    }

    @Test
    void zScoresNumbersOneHotEncodesTextAndZeroesConstantColumns() throws IOException {
        FittedPreprocessor p = Preprocessor.fit(table("train.csv", TRAIN));

        assertEquals(List.of("age", "job", "const"), p.inputColumns());
        assertEquals(List.of("age", "job=a", "job=b", "job=c", "const"), p.featureNames());
        FeatureMatrix x = p.transform(table("train.csv", TRAIN));
        double std = Math.sqrt((4 + 1 + 0 + 9) / 4.0); // mean 3, population std
        float[][] expected = {
            {(float) (-2 / std), 0, 1, 0, 0},
            {(float) (-1 / std), 1, 0, 0, 0},
            {0, 0, 1, 0, 0},
            {(float) (3 / std), 0, 0, 1, 0},
        };
        assertEquals(p.featureNames(), x.columnNames());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], x.row(i), 1e-6f, "row " + i);
        }
    }

    @Test
    void unseenCategoryBecomesZerosWithOneWarningPerColumn() throws IOException {
        FittedPreprocessor p = Preprocessor.fit(table("train.csv", TRAIN));
        Logger logger = (Logger) LoggerFactory.getLogger(FittedPreprocessor.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            FeatureMatrix x = p.transform(table("new.csv", "age,job,const\n3,z,7\n3,a,7\n3,y,7\n"));

            assertArrayEquals(new float[] {0, 0, 0, 0, 0}, x.row(0));
            assertArrayEquals(new float[] {0, 1, 0, 0, 0}, x.row(1));
            assertArrayEquals(new float[] {0, 0, 0, 0, 0}, x.row(2));
            List<ILoggingEvent> warnings = events.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertEquals(1, warnings.size());
            String warning = warnings.get(0).getFormattedMessage();
            assertTrue(warning.contains("new.csv") && warning.contains("'job'") && warning.contains("2 value"),
                    warning);
        } finally {
            logger.detachAppender(events);
        }
    }

    @Test
    void columnsAreMatchedByName() throws IOException {
        FittedPreprocessor p = Preprocessor.fit(table("train.csv", TRAIN));

        FeatureMatrix original = p.transform(table("a.csv", "age,job,const\n1,b,7\n5,c,8\n"));
        FeatureMatrix reordered = p.transform(table("b.csv", "const,job,label,age\n7,b,1,1\n8,c,0,5\n"));

        assertArrayEquals(original.toArray(), reordered.toArray());
    }

    @Test
    void missingOrExtraColumnsAreErrorsNamingThem() throws IOException {
        FittedPreprocessor p = Preprocessor.fit(table("train.csv", TRAIN));

        SgmException missing = assertThrows(SgmException.class,
                () -> p.transform(table("new.csv", "job,const\nb,7\n")));
        assertEquals(dir.resolve("new.csv") + ": column 'age' is missing (the model was fitted on: age, job, const)",
                missing.getMessage());

        SgmException extra = assertThrows(SgmException.class,
                () -> p.transform(table("more.csv", "age,job,const,x,y\n1,b,7,0,0\n")));
        assertTrue(extra.getMessage().startsWith(dir.resolve("more.csv") + ": columns 'x', 'y' were not in the"),
                extra.getMessage());
    }

    @Test
    void textInAColumnThatWasNumericIsAnError() throws IOException {
        FittedPreprocessor p = Preprocessor.fit(table("train.csv", TRAIN));

        SgmException e = assertThrows(SgmException.class,
                () -> p.transform(table("new.csv", "age,job,const\n1,b,7\nold,a,7\n")));

        assertTrue(e.getMessage().contains("new.csv") && e.getMessage().contains("column 'age'")
                && e.getMessage().contains("'old'"), e.getMessage());
    }

    @Test
    void numbersInAColumnThatWasTextMatchCategoriesByValue() throws IOException {
        FittedPreprocessor p = Preprocessor.fit(table("train.csv", "code\n1\n2\nx\n"));
        assertEquals(List.of("code=1", "code=2", "code=x"), p.featureNames());

        FeatureMatrix x = p.transform(table("new.csv", "code\n2\n1.0\n3\n"));

        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0, 0, 0, 0}, x.toArray());
    }

    @Test
    void valueTooFarToScaleIsAnError() throws IOException {
        FittedPreprocessor p = Preprocessor.fit(table("train.csv", "v\n0\n1\n"));

        SgmException e = assertThrows(SgmException.class, () -> p.transform(table("new.csv", "v\n1e300\n")));

        assertTrue(e.getMessage().contains("new.csv, column 'v'"), e.getMessage());
    }

    @Test
    void jsonRoundTripGivesTheSameTransform() throws IOException {
        FittedPreprocessor p = Preprocessor.fit(table("train.csv", TRAIN));
        ObjectMapper mapper = HyperparameterJson.mapper();

        JsonNode json = mapper.readTree(mapper.writeValueAsString(p.toJson()));
        FittedPreprocessor back = FittedPreprocessor.fromJson(json);

        assertEquals("tabular-v2", json.get("type").asText());
        assertEquals(p.toJson(), back.toJson());
        assertEquals(p.featureNames(), back.featureNames());
        Table data = table("new.csv", "age,job,const\n2.5,c,7\n-1,a,9\n");
        assertArrayEquals(p.transform(data).toArray(), back.transform(data).toArray());
    }

    @Test
    void fromJsonRejectsUnknownTypesAndMalformedColumns() {
        SgmException type = assertThrows(SgmException.class, () -> FittedPreprocessor.fromJson(
                HyperparameterJson.read("{\"type\": \"tabular-v9\", \"columns\": []}")));
        assertTrue(type.getMessage().contains("'tabular-v9'"), type.getMessage());

        SgmException std = assertThrows(SgmException.class, () -> FittedPreprocessor.fromJson(HyperparameterJson.read(
                "{\"type\": \"tabular-v1\", \"columns\": [{\"name\": \"a\", \"kind\": \"numeric\", \"mean\": 0,"
                        + " \"std\": 0}]}")));
        assertTrue(std.getMessage().contains("column 'a'") && std.getMessage().contains("std"), std.getMessage());
    }

    @Test
    void minMaxRobustAndNoScaling() throws IOException {
        Table train = table("train.csv", "v\n0\n1\n2\n3\n14\n");
        Table probe = table("probe.csv", "v\n2\n14\n");

        FeatureMatrix minmax = Preprocessor.fit(train, new PreprocessingOptions(Scaling.MINMAX, Imputation.NONE))
                .transform(probe);
        assertArrayEquals(new float[] {2f / 14, 1f}, minmax.toArray(), 1e-6f);

        // median 2, quartiles 1 and 3 (NumPy's linear interpolation): IQR 2
        FeatureMatrix robust = Preprocessor.fit(train, new PreprocessingOptions(Scaling.ROBUST, Imputation.NONE))
                .transform(probe);
        assertArrayEquals(new float[] {0f, 6f}, robust.toArray(), 1e-6f);

        FeatureMatrix none = Preprocessor.fit(train, new PreprocessingOptions(Scaling.NONE, Imputation.NONE))
                .transform(probe);
        assertArrayEquals(new float[] {2f, 14f}, none.toArray());
    }

    @Test
    void percentileMatchesNumpyLinearInterpolation() {
        double[] sorted = {1, 2, 4, 8};
        assertEquals(1.75, NumericScaler.percentile(sorted, 25), 1e-12); // np.percentile([1,2,4,8], 25)
        assertEquals(3.0, NumericScaler.percentile(sorted, 50), 1e-12);
        assertEquals(5.0, NumericScaler.percentile(sorted, 75), 1e-12);
        assertEquals(8.0, NumericScaler.percentile(sorted, 100), 1e-12);
    }

    private Table withMissing(String name, String content) throws IOException {
        return Table.read(Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults().withAllowMissing(true));
    }

    @Test
    void missingValuesWithoutImputationAreAnErrorNamingRowAndColumn() throws IOException {
        Table train = withMissing("train.csv", "a,b\n1,x\n,y\n");

        SgmException e = assertThrows(SgmException.class, () -> Preprocessor.fit(train));

        assertTrue(e.getMessage().startsWith(dir.resolve("train.csv") + ", row 2, column 'a': missing value"),
                e.getMessage());
    }

    @Test
    void imputationFillsWithTrainingStatisticsAndIsSavedInTheJson() throws IOException {
        Table train = withMissing("train.csv", "a,b\n1,x\n,y\n2,y\n9,?\n");
        PreprocessingOptions median = new PreprocessingOptions(Scaling.NONE, Imputation.MEDIAN);

        FittedPreprocessor p = Preprocessor.fit(train, median);

        assertTrue(p.imputes());
        assertEquals(List.of("a", "b=x", "b=y"), p.featureNames());
        // a: median of 1, 2, 9 = 2; b: most frequent 'y'
        assertArrayEquals(new float[] {1, 1, 0, 2, 0, 1, 2, 0, 1, 9, 0, 1}, p.transform(train).toArray());
        FittedPreprocessor back = FittedPreprocessor.fromJson(p.toJson());
        assertTrue(back.imputes());
        Table fresh = withMissing("new.csv", "a,b\nNA,\n");
        assertArrayEquals(new float[] {2, 0, 1}, back.transform(fresh).toArray());

        FittedPreprocessor mean = Preprocessor.fit(train, new PreprocessingOptions(Scaling.NONE, Imputation.MEAN));
        assertEquals(4f, mean.transform(fresh).get(0, 0), 1e-6f);
        assertFalse(Preprocessor.fit(table("clean.csv", "a\n1\n")).imputes());
    }

    @Test
    void modelWithoutImputationRefusesMissingValuesWhenScoring() throws IOException {
        FittedPreprocessor p = Preprocessor.fit(table("train.csv", "a,b\n1,x\n2,y\n"));

        SgmException e = assertThrows(SgmException.class,
                () -> p.transform(withMissing("new.csv", "a,b\n1,x\n1,\n")));

        assertEquals(dir.resolve("new.csv") + ", row 2, column 'b': missing value (the model was fitted without"
                + " imputation)", e.getMessage());
    }

    @Test
    void readsVersionOneJsonAsZScore() {
        FittedPreprocessor v1 = FittedPreprocessor.fromJson(HyperparameterJson.read(
                "{\"type\": \"tabular-v1\", \"columns\": [{\"name\": \"a\", \"kind\": \"numeric\", \"mean\": 2,"
                        + " \"std\": 4}, {\"name\": \"c\", \"kind\": \"text\", \"categories\": [\"p\", \"q\"]}]}"));

        assertEquals("zscore", v1.toJson().get("columns").get(0).get("scaling").asText());
        assertEquals(List.of("a", "c=p", "c=q"), v1.featureNames());
        assertFalse(v1.imputes());
    }

    @Test
    void fromJsonRejectsAFillThatIsNotACategory() {
        SgmException e = assertThrows(SgmException.class, () -> FittedPreprocessor.fromJson(HyperparameterJson.read(
                "{\"type\": \"tabular-v2\", \"columns\": [{\"name\": \"c\", \"kind\": \"text\","
                        + " \"categories\": [\"p\"], \"fill\": \"z\"}]}")));
        assertTrue(e.getMessage().contains("'fill'"), e.getMessage());
    }
}
