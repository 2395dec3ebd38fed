package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgm.cli.CliRoundTripTest.sgm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sgm.cli.CliRoundTripTest.Run;
import org.sgm.core.testing.LegacyModelFiles;
import org.sgm.core.testing.ZipEntries;

/**
 * The bad-input suite of the reliability issue, driven through the real CLI entry point ({@link SgmMain#execute}).
 * Every refused input must give a non-zero status and exactly one stderr line {@code sgm: error: ...} naming the
 * file, row, column or parameter, with no stack trace, and must leave every file in the directory as it was (an
 * existing output untouched, no new or temporary file). Inputs that must work are checked to work.
 */
class BadInputCliTest {
    @TempDir
    Path dir;

    /** Written before every failing command: it must still be there, byte for byte, afterwards. */
    private Path oldModel;
    private Path oldScores;
    /** A model fitted on {@link #train}, for the {@code score} cases (fitted once per test that needs it). */
    private Path train;

    @BeforeEach
    void outputsThatMustSurvive() throws IOException {
        oldModel = Files.writeString(dir.resolve("out.sgm"), "the previous model");
        oldScores = Files.writeString(dir.resolve("scores.csv"), "score\n0.5\n");
    }

    // ---------------------------------------------------------------- helpers

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    /** Every file under the directory with its bytes. */
    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /**
     * Runs a command that must be refused, and checks everything the issue asks of a refusal.
     *
     * @param status the expected exit status (1: user error, 2: usage error)
     * @param fragments what the one line must contain (the file, row, column or parameter, and what is wrong)
     * @return the line
     */
    private String refused(int status, List<String> fragments, String... args) throws IOException {
        Map<String, byte[]> before = snapshot();
        Run run = sgm(args);
        List<String> lines = run.err().lines().toList();
        String all = String.join(" | ", args) + " gave status " + run.status() + ", stderr:\n" + run.err();
        assertEquals(status, run.status(), all);
        assertEquals(1, lines.size(), "exactly one line on stderr: " + all);
        String line = lines.get(0);
        assertTrue(line.startsWith("sgm: error: "), all);
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + f + "' missing from: " + line);
        }
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "no stack trace: " + all);
        Map<String, byte[]> after = snapshot();
        assertEquals(before.keySet(), after.keySet(), "no file created or removed: " + all);
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " changed: " + all));
        return line;
    }

    private String refused(List<String> fragments, String... args) throws IOException {
        return refused(SgmMain.USER_ERROR, fragments, args);
    }

    private static Run ok(String... args) {
        Run run = sgm(args);
        assertEquals(0, run.status(), String.join(" ", args) + ":\n" + run.err());
        return run;
    }

    private String[] fit(Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of("fit", "--model", "ae", "--data", data.toString(), "--quiet",
                "--out", oldModel.toString()));
        args.addAll(Arrays.asList(extra));
        if (!args.contains("--epochs")) {
            args.addAll(List.of("--epochs", "1"));
        }
        return args.toArray(String[]::new);
    }

    private String[] score(Path model, Path data) {
        return new String[] {"score", "--model", model.toString(), "--data", data.toString(), "--quiet", "--out",
            oldScores.toString()};
    }

    /** 40 rows: numeric a, b, a text column c (red/green/blue) and a label. */
    private static String csv(String header, int rows) {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%d%n", rng.nextGaussian(), rng.nextGaussian(),
                    List.of("red", "green", "blue").get(i % 3), i % 8 == 0 ? 1 : 0));
        }
        return sb.toString();
    }

    /** Fits {@code ae} on a 40-row file into {@code fitted.sgm}. */
    private Path fitted() throws IOException {
        train = write("train.csv", csv("a,b,c,label", 40));
        Path model = dir.resolve("fitted.sgm");
        ok("fit", "--model", "ae", "--data", train.toString(), "--epochs", "2", "--quiet", "--out", model.toString());
        return model;
    }

    private static double[] scores(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertEquals("score", lines.get(0));
        return lines.stream().skip(1).mapToDouble(Double::parseDouble).toArray();
    }

    // ---------------------------------------------------------------- outputs that would replace inputs

    @Test
    void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws IOException {
        Path model = fitted();
        String data = train.toString();
        refused(List.of("--out " + data + " is the input file " + data), "fit", "--model", "ae", "--data", data,
                "--quiet", "--out", data);
        refused(List.of("is the input file " + model), "score", "--model", model.toString(), "--data", data,
                "--quiet", "--out", model.toString());
        // the same file under another name is the same file
        refused(List.of("is the input file"), "score", "--model", model.toString(), "--data", data, "--quiet",
                "--out", dir.resolve(".").resolve(train.getFileName()).toString());
    }

    // ---------------------------------------------------------------- bad data files

    static Stream<Arguments> badDataFiles() {
        StringBuilder textInNumbers = new StringBuilder("a,b\n");
        for (int i = 0; i < 30; i++) {
            textInNumbers.append(i).append(',').append(i == 10 ? "abc" : Double.toString(i * 0.5)).append('\n');
        }
        return Stream.of(
                Arguments.of("empty file", utf8(""), List.of("empty file")),
                Arguments.of("header only", utf8("a,b\n"), List.of("no data rows")),
                Arguments.of("ragged rows", utf8("a,b\n1,2\n3\n4,5\n"), List.of("line 3", "1 fields", "header has 2")),
                Arguments.of("text in a numeric column", utf8(textInNumbers.toString()),
                        List.of("line 12", "column 'b'", "'abc' is not a number")),
                Arguments.of("NaN", utf8("a,b\n1,2\n3,NaN\n"), List.of("line 3", "column 'b'", "'NaN'")),
                Arguments.of("Inf", utf8("a,b\n1,2\nInf,3\n"), List.of("line 3", "column 'a'", "'Inf'")),
                Arguments.of("-Infinity", utf8("a,b\n1,-Infinity\n3,4\n"), List.of("line 2", "column 'b'")),
                Arguments.of("empty cell", utf8("a,b\n1,2\n3,\n"), List.of("line 3", "column 'b'", "empty value")),
                Arguments.of("too large for a double", utf8("a,b\n1,2\n1e999,3\n"),
                        List.of("line 3", "column 'a'", "too large")),
                Arguments.of("duplicated column names", utf8("a,b,a\n1,2,3\n4,5,6\n"),
                        List.of("line 1", "'a' appears twice")),
                Arguments.of("label column only", utf8("label\n0\n1\n"), List.of("no feature columns")),
                Arguments.of("unclosed quote", utf8("a,b\n1,\"2\n3,4\n"), List.of("malformed CSV")),
                Arguments.of("not UTF-8 (Latin-1)", new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xE9, '\n'},
                        List.of("not valid UTF-8", "save the file as UTF-8")),
                Arguments.of("single row", utf8("a,b\n1,2\n"), List.of("only 1 data row", "at least 2")));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDataFiles")
    void fitRefusesBadData(String name, byte[] content, List<String> fragments) throws IOException {
        Path data = Files.write(dir.resolve("bad data.csv"), content);
        List<String> expected = new ArrayList<>(fragments);
        expected.add(data.toString());
        refused(expected, fit(data));
    }

    @Test
    void otherFormatsAndImputationKeepTheOneLineErrors() throws IOException {
        Path arff = write("bad.arff", "@relation r\n@attribute a numeric\n@attribute b numeric\n@data\n1,2\n3,x\n");
        refused(List.of(arff.toString(), "line 6", "attribute 'b'", "'x' is not a finite number"), fit(arff));
        Path npy = Files.write(dir.resolve("bad.npy"), new byte[] {1, 2, 3});
        refused(List.of(npy + ": not a NumPy .npy file"), fit(npy));
        Path mat = write("bad.mat", "not a MATLAB file");
        refused(List.of(mat + ": not a readable MATLAB v5 .mat file"), fit(mat));
        refused(List.of("builtin:nope: no bundled dataset of that name"), "fit", "--model", "ae", "--data",
                "builtin:nope", "--out", oldModel.toString());

        // An imputation fills missing values (?, NA, empty), never other text in a mostly numeric column.
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i).append(',').append(i == 10 ? "abc" : i == 20 ? "?" : i == 25 ? "NA" : "0.5").append('\n');
        }
        Path stray = write("stray.csv", sb.toString());
        refused(List.of(stray.toString(), "line 12", "column 'b'", "'abc' is not a number", "27 of the column's 28"
                + " non-missing values"), fit(stray, "--impute", "median"));
        Path missing = write("missing.csv", sb.toString().replace("abc", "0.5"));
        refused(List.of(missing.toString(), "line 22", "column 'b'", "missing value '?'", "--impute"), fit(missing));
        Path model = dir.resolve("imputed.sgm");
        ok("fit", "--model", "ae", "--data", missing.toString(), "--impute", "median", "--epochs", "1", "--quiet",
                "--out", model.toString());
    }

    @Test
    void missingDataFile() throws IOException {
        Path none = dir.resolve("none.csv");
        refused(List.of(none + ": file not found"), fit(none));
        refused(List.of(none + ": file not found"), score(fitted(), none));
        refused(List.of(none + ": data file not found"), "evaluate", "--model", "ae", "--data", none.toString(),
                "--out", dir.resolve("runs").toString());
    }

    // ---------------------------------------------------------------- inputs that must just work

    @Test
    void fewerRowsThanTheBatchSizeWorkForEveryModel() throws IOException {
        Path data = write("five.csv", "a,b,c\n0.1,1,x\n0.2,3,y\n0.4,2,x\n0.3,5,x\n0.9,4,y\n");
        for (String key : SgmMain.registry().providers().keySet()) {
            Path model = dir.resolve(key + ".sgm");
            ok("fit", "--model", key, "--data", data.toString(), "--epochs", "2", "--quiet", "--out", model.toString());
            Path out = dir.resolve(key + ".csv");
            ok("score", "--model", model.toString(), "--data", data.toString(), "--quiet", "--out", out.toString());
            double[] s = scores(out);
            assertEquals(5, s.length, key);
            assertTrue(Arrays.stream(s).allMatch(Double::isFinite), key + ": " + Arrays.toString(s));
        }
    }

    @Test
    void aSingleRowCanBeScoredAndOneFeatureIsEnough() throws IOException {
        Path model = fitted();
        Path one = write("one.csv", "c,b,a\nred,0.5,-0.25\n");
        ok(score(model, one));
        assertEquals(1, scores(oldScores).length);

        StringBuilder sb = new StringBuilder("x\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i % 7).append('\n');
        }
        Path x = write("x.csv", sb.toString());
        Path m = dir.resolve("x.sgm");
        ok("fit", "--model", "sg-ae", "--data", x.toString(), "--epochs", "2", "--quiet", "--out", m.toString());
        ok(score(m, x));
        assertEquals(30, scores(oldScores).length);
    }

    @Test
    void valuesNearTheDoubleRangeAreScaledNotTurnedIntoInfinity() throws IOException {
        StringBuilder sb = new StringBuilder("big,small\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i % 2 == 0 ? "1e308" : "-1.5e308").append(',').append(i).append('\n');
        }
        Path big = write("big.csv", sb.toString());
        Path model = dir.resolve("big.sgm");
        ok("fit", "--model", "sg-ae", "--data", big.toString(), "--epochs", "2", "--quiet", "--out", model.toString());
        ok(score(model, big));
        double[] s = scores(oldScores);
        assertEquals(30, s.length);
        assertTrue(Arrays.stream(s).allMatch(Double::isFinite), Arrays.toString(s));
    }

    @Test
    void reorderedColumnsGiveTheSameScores() throws IOException {
        Path model = fitted();
        ok(score(model, train));
        double[] inOrder = scores(oldScores);
        List<String> lines = Files.readAllLines(train);
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            String[] f = l.split(",");
            sb.append(String.join(",", f[3], f[2], f[0], f[1])).append('\n');
        }
        ok(score(model, write("reordered.csv", sb.toString())));
        assertArrayEquals(inOrder, scores(oldScores), 0.0);
    }

    @Test
    void anUnseenCategoryIsAWarningNotAnError() throws IOException {
        Path model = fitted();
        Path data = write("new.csv", "a,b,c\n0.1,0.2,red\n0.3,0.1,purple\n");
        Run run = ok("score", "--model", model.toString(), "--data", data.toString(), "--out",
                oldScores.toString());
        assertTrue(run.err().lines().anyMatch(l -> l.contains("WARN") && l.contains(data.toString())
                && l.contains("column 'c'") && l.contains("not seen in training")), run.err());
        assertEquals(2, scores(oldScores).length);
    }

    // ---------------------------------------------------------------- scoring data that does not match the model

    @Test
    void scoringDataWithMissingOrExtraColumnsOrTextInANumericColumnIsRefused() throws IOException {
        Path model = fitted();
        Path missing = write("missing.csv", "a,c\n0.1,red\n");
        refused(List.of(missing.toString(), "column 'b' is missing", "fitted on: a, b, c"), score(model, missing));
        Path extra = write("extra.csv", "a,b,c,d\n0.1,0.2,red,7\n");
        refused(List.of(extra.toString(), "column 'd' was not in the training data"), score(model, extra));
        Path text = write("text.csv", "a,b,c\n0.1,0.2,red\n0.1,oops,red\n");
        refused(List.of(text.toString(), "column 'b', row 2", "numeric in the training data", "'oops'"),
                score(model, text));
        Path far = write("far.csv", "a,b,c\n0.1,0.2,red\n1e308,0.2,red\n");
        refused(List.of(far.toString(), "column 'a', row 2", "too far from the training data"), score(model, far));
        Path huge = write("huge.csv", "a,b,c\n0.1,0.2,red\n1e30,0.2,red\n");
        refused(List.of(huge.toString(), "row 2", "score is"), score(model, huge));
    }

    // ---------------------------------------------------------------- labels and metrics (evaluate)

    @Test
    void evaluateNeedsALabelColumnWithBothClasses() throws IOException {
        Path runs = dir.resolve("runs");
        Path noLabel = write("nolabel.csv", "a,b\n1,2\n3,4\n5,6\n7,8\n");
        refused(List.of(noLabel + " has no label column 'label'"), "evaluate", "--model", "ae", "--data",
                noLabel.toString(), "--epochs", "1", "--out", runs.toString());
        refused(List.of(noLabel + " has no label column 'y'"), "evaluate", "--model", "ae", "--data",
                noLabel.toString(), "--label-column", "y", "--epochs", "1", "--out", runs.toString());
        Path normalsOnly = write("normals.csv", csv("a,b,c,label", 40).replace(",1\n", ",0\n"));
        refused(List.of(normalsOnly.toString(), "40 normal (0) and 0 anomalous (1)", "undefined"), "evaluate",
                "--model", "ae", "--data", normalsOnly.toString(), "--epochs", "1", "--out", runs.toString());
        String oneAnomaly = csv("a,b,c,label", 40).replace(",1\n", ",0\n").replaceFirst(",0\n", ",1\n");
        Path one = write("one.csv", oneAnomaly);
        refused(List.of(one.toString(), "39 normal (0) and 1 anomalous (1)", "ROC-AUC", "undefined"), "evaluate",
                "--model", "ae", "--data", one.toString(), "--epochs", "1", "--out", runs.toString());
        assertFalse(Files.exists(runs), "no output directory");
    }

    @Test
    void fitAndScoreDropTheLabelColumnUnreadWhileEvaluateReadsItAsTold() throws IOException {
        // Weka's credit-g labels its rows good/bad: round 1 refused them even in fit, where labels are not used.
        String zeroOne = csv("a,b,c,label", 40);
        Path goodBad = write("credit.csv", zeroOne.replace(",0\n", ",good\n").replace(",1\n", ",bad\n"));
        Path model = dir.resolve("credit.sgm");
        ok("fit", "--model", "ae", "--data", goodBad.toString(), "--epochs", "2", "--quiet", "--out",
                model.toString());
        Path scores = dir.resolve("credit-scores.csv");
        ok("score", "--model", model.toString(), "--data", goodBad.toString(), "--quiet", "--out", scores.toString());
        Path plain = write("plain.csv", zeroOne);
        Path plainModel = dir.resolve("plain.sgm");
        ok("fit", "--model", "ae", "--data", plain.toString(), "--epochs", "2", "--quiet", "--out",
                plainModel.toString());
        Path plainScores = dir.resolve("plain-scores.csv");
        ok("score", "--model", plainModel.toString(), "--data", plain.toString(), "--quiet", "--out",
                plainScores.toString());
        assertArrayEquals(scores(plainScores), scores(scores), 0.0, "the label values change nothing");

        String runs = dir.resolve("runs").toString();
        refused(List.of(goodBad.toString(), "line 2", "column 'label'", "0 (normal) or 1", "--anomaly-value"),
                "evaluate", "--model", "iforest", "--data", goodBad.toString(), "--seeds", "1", "--out", runs);
        refused(List.of(goodBad + ": no row has the anomaly value 'bda' in label column 'label'"), "evaluate",
                "--model", "iforest", "--data", goodBad.toString(), "--anomaly-value", "bda", "--seeds", "1",
                "--out", runs);
        Path labelTwo = write("two.csv", "a,label\n1,0\n2,2\n3,0\n");
        refused(List.of(labelTwo.toString(), "line 3", "column 'label'", "0 (normal) or 1"), "evaluate", "--model",
                "iforest", "--data", labelTwo.toString(), "--seeds", "1", "--out", runs);
        ok("evaluate", "--model", "iforest", "--data", goodBad.toString(), "--anomaly-value", "bad", "--seeds", "1",
                "--quiet", "--out", runs);
        String told = Files.readString(Path.of(runs, "results.csv"));
        Path runs01 = dir.resolve("runs01");
        ok("evaluate", "--model", "iforest", "--data", plain.toString(), "--seeds", "1", "--quiet", "--out",
                runs01.toString());
        String standard = Files.readString(runs01.resolve("results.csv"));
        assertEquals(metricColumns(standard), metricColumns(told), "bad = 1, good = 0: the same metrics");
    }

    /** The results table without the dataset, file and time columns. */
    private static List<String> metricColumns(String resultsCsv) {
        List<String> lines = resultsCsv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < f.length; j++) {
                String h = header.get(j);
                if (!h.contains("dataset") && !h.contains("seconds") && !h.contains("time") && !h.contains("data")) {
                    sb.append(h).append('=').append(f[j]).append(' ');
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void idLikeTextColumnsAreRefusedUnlessIgnoredAndAModelRemembersWhatItIgnored() throws IOException {
        String base = csv("a,b,c,label", 60);
        StringBuilder withId = new StringBuilder("id,");
        List<String> lines = base.lines().toList();
        withId.append(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            withId.append("row-").append(i).append(',').append(lines.get(i)).append('\n');
        }
        Path data = write("ids.csv", withId.toString());
        Path model = dir.resolve("ids.sgm");
        refused(List.of(data + ", column 'id': 60 distinct values in 60 rows", "--ignore-columns id"), "fit",
                "--model", "ae", "--data", data.toString(), "--epochs", "1", "--quiet", "--out", model.toString());
        refused(List.of(data + ": no column 'nosuch' to ignore (columns: id, a, b, c, label)"), "fit", "--model",
                "ae", "--data", data.toString(), "--ignore-columns", "nosuch", "--quiet", "--out", model.toString());

        ok("fit", "--model", "ae", "--data", data.toString(), "--ignore-columns", "id", "--epochs", "2", "--quiet",
                "--out", model.toString());
        Path scores = dir.resolve("ids-scores.csv");
        ok("score", "--model", model.toString(), "--data", data.toString(), "--quiet", "--out", scores.toString());
        Path plain = write("no-ids.csv", base);
        Path plainModel = dir.resolve("no-ids.sgm");
        ok("fit", "--model", "ae", "--data", plain.toString(), "--epochs", "2", "--quiet", "--out",
                plainModel.toString());
        Path plainScores = dir.resolve("no-ids-scores.csv");
        ok("score", "--model", plainModel.toString(), "--data", plain.toString(), "--quiet", "--out",
                plainScores.toString());
        assertArrayEquals(scores(plainScores), scores(scores), 0.0, "the ignored column changes nothing");
        refused(List.of(plain + ": no column 'id' to ignore"), "score", "--model", model.toString(), "--data",
                plain.toString(), "--quiet", "--out", scores.toString());
    }

    @Test
    void evaluateRefusesBadSettingsNamingTheOption() throws IOException {
        Path data = write("d.csv", csv("a,b,c,label", 40));
        String runs = dir.resolve("runs").toString();
        refused(List.of("--seeds must be ≥ 1, got 0"), "evaluate", "--model", "ae", "--data", data.toString(),
                "--seeds", "0", "--out", runs);
        refused(List.of("--test-fraction must be in (0, 1), got 1.5"), "evaluate", "--model", "ae", "--data",
                data.toString(), "--test-fraction", "1.5", "--out", runs);
        refused(List.of("--noise must be in [0, 1), got 1.0"), "evaluate", "--model", "ae", "--data",
                data.toString(), "--noise", "1", "--out", runs);
        refused(List.of("--threads must be ≥ 1, got 0"), "evaluate", "--model", "ae", "--data", data.toString(),
                "--threads", "0", "--out", runs);
        refused(List.of("--threads must be ≥ 1, got 0"), "fit", "--model", "sg-ae", "--data", data.toString(),
                "--threads", "0", "--out", dir.resolve("m.sgm").toString());
        refused(List.of("unknown model 'nope'", "known models: ae,"), "evaluate", "--model", "ae,nope", "--data",
                data.toString(), "--out", runs);
        refused(List.of(oldModel + " exists and is not a directory"), "evaluate", "--model", "ae", "--data",
                data.toString(), "--out", oldModel.toString());
    }

    // ---------------------------------------------------------------- hyperparameters and models

    @Test
    void everyHyperparameterViolationIsListedAtOnce() throws IOException {
        Path data = write("d.csv", csv("a,b,c,label", 40));
        Path params = write("p.json", "{\"training\": {\"epochs\": -1, \"learningRate\": 0},"
                + " \"guidance\": {\"epsilon\": 150, \"margin\": 0}, \"bogus\": 1}");
        refused(List.of("invalid hyperparameters", "bogus is not a known parameter (known here: ",
                "training.epochs must be ≥ 1 (got -1)", "training.learningRate must be > 0",
                "guidance.epsilon must be in (0, 100) (got 150.0)", "guidance.margin must be > 0 (got 0.0)"),
                "fit", "--model", "sg-ae", "--data", data.toString(), "--params", params.toString(), "--quiet",
                "--out", oldModel.toString());
        Path nested = write("n.json", "{\"training\": {\"epoch\": 3}}");
        refused(List.of("training.epoch is not a known parameter", "known here: epochs, batchSize"), "fit",
                "--model", "sg-ae", "--data", data.toString(), "--params", nested.toString(), "--out",
                oldModel.toString());
        Path wrongType = write("t.json", "{\"training\": {\"epochs\": \"ten\"}}");
        refused(List.of("training.epochs must be an integer (got \"ten\")"), "fit", "--model", "sg-ae", "--data",
                data.toString(), "--params", wrongType.toString(), "--out", oldModel.toString());
        Path notAnObject = write("o.json", "{\"training\": 5}");
        refused(List.of("training must be a JSON object (TrainingConfig)"), "fit", "--model", "sg-ae", "--data",
                data.toString(), "--params", notAnObject.toString(), "--out", oldModel.toString());
    }

    @Test
    void badParameterFilesAndOptionsAreNamed() throws IOException {
        Path data = write("d.csv", csv("a,b,c,label", 40));
        refused(List.of("--epochs must be ≥ 1 (got -1)"), fit(data, "--epochs", "-1"));
        refused(List.of("--epochs must be ≥ 1 (got 0)"), "evaluate", "--model", "ae", "--data", data.toString(),
                "--epochs", "0", "--out", dir.resolve("runs").toString());
        Path notJson = write("bad.json", "{\"training\": ");
        refused(List.of(notJson + ": not valid JSON (line 1)"), fit(data, "--params", notJson.toString()));
        Path array = write("array.json", "[1, 2]");
        refused(List.of(array + ": must hold a JSON object"), fit(data, "--params", array.toString()));
        Path none = dir.resolve("none.json");
        refused(List.of(none + ": parameter file not found"), fit(data, "--params", none.toString()));
        refused(List.of("unknown model 'sg-nope'", "known models: ae, dagmm, dsvdd, ecod, iforest, knn, lof, rcf, rda, rsrae, sg-ae"), "fit",
                "--model", "sg-nope", "--data", data.toString(), "--out", oldModel.toString());
        refused(List.of("--out " + dir + " is a directory"), "fit", "--model", "ae", "--data", data.toString(),
                "--out", dir.toString());
    }

    @Test
    void usageErrorsAreOneLineWithStatusTwo() throws IOException {
        Path data = write("d.csv", csv("a,b,c,label", 40));
        refused(SgmMain.USAGE_ERROR, List.of("--epochs", "'ten' is not an int", "sgm fit --help"),
                "fit", "--model", "ae", "--data", data.toString(), "--epochs", "ten", "--out", oldModel.toString());
        refused(SgmMain.USAGE_ERROR, List.of("Missing required option", "--out"), "fit", "--model", "ae", "--data",
                data.toString());
        refused(SgmMain.USAGE_ERROR, List.of("Unknown option", "--frobnicate", "sgm score --help"), "score",
                "--model", oldModel.toString(), "--data", data.toString(), "--out", oldScores.toString(),
                "--frobnicate");
        refused(SgmMain.USAGE_ERROR, List.of("missing command"));
    }

    @Test
    void divergingTrainingNamesTheEpochAndTheLearningRate() throws IOException {
        Path data = write("d.csv", csv("a,b,c,label", 40));
        Path params = write("lr.json", "{\"training\": {\"learningRate\": 1e30, \"earlyStop\": false}}");
        refused(List.of("training diverged in epoch 1", "learningRate"), "fit", "--model", "sg-ae", "--data",
                data.toString(), "--params", params.toString(), "--epochs", "3", "--quiet", "--out",
                oldModel.toString());
    }

    @Test
    void debugAddsTheStackTrace() throws IOException {
        Path none = dir.resolve("none.csv");
        Run run = sgm("fit", "--model", "ae", "--data", none.toString(), "--out", oldModel.toString(), "--debug");
        assertEquals(SgmMain.USER_ERROR, run.status());
        assertTrue(run.err().contains("\tat org.sgm."), run.err());
        assertTrue(run.err().strip().endsWith("sgm: error: " + none + ": file not found"), run.err());
    }

    // ---------------------------------------------------------------- model files

    @Test
    void badModelFilesAreRefusedNamingTheFile() throws Exception {
        Path model = fitted();
        Path data = train;
        byte[] good = Files.readAllBytes(model);

        Path none = dir.resolve("none.sgm");
        refused(List.of(none + ": model file not found"), score(none, data));

        Path truncated = Files.write(dir.resolve("truncated.sgm"), Arrays.copyOf(good, good.length / 2));
        refused(List.of(truncated + ": "), score(truncated, data));

        Path notAModel = write("not-a-model.sgm", "a,b\n1,2\n");
        refused(List.of(notAModel + ": not a valid SGM model file"), score(notAModel, data));

        Path tampered = Files.write(dir.resolve("tampered.sgm"), ZipEntries.rewrite(good, "state/000.bin", b -> {
            b[b.length - 1] ^= 1;
            return b;
        }));
        refused(List.of(tampered + ": checksum mismatch in model entry"), score(tampered, data));

        Path newerFile = Files.write(dir.resolve("newer.sgm"), good);
        LegacyModelFiles.editMetadata(newerFile, meta -> meta.put("formatVersion", 2));
        refused(List.of(newerFile + ": model format version 2 is newer than this SGM reads (1); upgrade SGM"),
                score(newerFile, data));

        Path unknownFile = Files.write(dir.resolve("unknown.sgm"), good);
        LegacyModelFiles.editMetadata(unknownFile, meta -> meta.put("detector", "gone"));
        refused(List.of(unknownFile + ": unknown model 'gone'; known models: ae,"), score(unknownFile, data));

        refused(List.of("--out " + dir + " is a directory"), "score", "--model", model.toString(), "--data",
                data.toString(), "--out", dir.toString());
    }

    @Test
    void forgedSizesInAModelFileAreRefusedBeforeANetworkIsBuilt() throws Exception {
        // Checksums recomputed, so only the sizes lie. Round 1 built a network of the claimed size first and ran
        // out of memory.
        Path model = fitted();
        byte[] good = Files.readAllBytes(model);

        Path hugeDim = Files.write(dir.resolve("huge-dim.sgm"), good);
        LegacyModelFiles.editMetadata(hugeDim, meta -> meta.put("inputDim", Integer.MAX_VALUE));
        refused(List.of(hugeDim + ": the preprocessing makes 5 features but the model takes 2147483647 (file "
                + "corrupted or edited)"), score(hugeDim, train));

        Path wide = Files.write(dir.resolve("wide.sgm"), good);
        LegacyModelFiles.editMetadata(wide, meta -> ((ObjectNode) meta.get("hyperparameters").get("backbone"))
                .putArray("hiddenDims").add(400_000_000).add(8));
        refused(List.of(wide + ": model array '", "the network needs 5 × 400000000"), score(wide, train));
    }
}
