package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the shared benchmark collection ({@code ../../shared/datasets}) loads with the rows, features,
 * anomalies and SHA-256 that its README's table states. Skipped where the collection is absent.
 */
class SharedDatasetsTest {
    private static final Path DIR = Path.of("../../shared/datasets");
    /** A row of the README's table: | `file.csv` | origin | rows | features | anomalies | rate | size | `sha` |. */
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([\\w.-]+\\.csv)` \\|.*\\| (\\d+) \\| (\\d+) \\| (\\d+) \\| [\\d.]+ % \\| \\d+ \\| `([0-9a-f]{64})` \\|$");

    static Stream<Arguments> readmeRows() throws IOException {
        Path readme = DIR.resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            return Stream.of(Arguments.of("(no shared datasets)", 0, 0, 0, ""));
        }
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(readme)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(Arguments.of(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), m.group(5)));
            }
        }
        assertEquals(27, rows.size(), "rows of the README's table");
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readmeRows")
    void loadsWithTheCountsItsReadmeStates(String file, int rows, int features, int anomalies, String sha256) {
        assumeTrue(Files.isRegularFile(DIR.resolve("README.md")), "no " + DIR.toAbsolutePath());

        Table t = Table.read(DIR.resolve(file), ReadOptions.defaults());

        assertEquals(rows, t.rows(), "rows");
        assertEquals(features, t.columns().size(), "features");
        int count = 0;
        for (boolean a : t.anomalies()) {
            count += a ? 1 : 0;
        }
        assertEquals(anomalies, count, "anomalies");
        assertEquals(sha256, t.sha256());
        long text = t.columns().stream().filter(c -> !t.isNumeric(c)).count();
        assertEquals(file.equals("market.csv") ? 9 : 0, text, "text columns");
        assertTrue(t.columns().stream().noneMatch("label"::equals));
    }
}
