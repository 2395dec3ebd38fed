package org.sgm.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.data.CsvValues;

/** spark-score's fast split of a line without quotes gives what the CSV parser of {@code sgm score} gives. */
class CsvLineReaderTest {

    @Test
    void theFastSplitEqualsTheParserSpacesAroundValuesIncluded() {
        for (String line : List.of("1.5,2,admin", "1.5, 2, admin", " 1.5 ,2 ,  admin  ", "1,,3", ", ,")) {
            String[] parsed = CsvLineReader.parse(line, "f", CsvValues.format(','), "row 1");
            assertArrayEquals(parsed, CsvLineReader.split(line, ',', 3), line);
        }
        assertArrayEquals(new String[] {"1.5", "2", "admin"}, CsvLineReader.split("1.5, 2, admin", ',', 3));
    }
}
