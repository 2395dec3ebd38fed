package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written checks run on every value agree with their plain definitions. */
class CsvValueRulesTest {
    private static List<String> values() {
        List<String> out = new ArrayList<>(List.of("", " ", "1", "-1", "+1", ".5", "5.", ".", "-.", "+", "1e5", "1E-5",
                "1e", "1e+", "e5", "1.2.3", "--1", "1 ", " 1", "NaN", "nan", "n/a", "N/A", "NA", "na", "?", " ? ",
                "null", "NULL", "\tNA", "inf", "-Infinity", "\u00a0", "\u0660", "１", "1_000", "0x10", "1d", "1f",
                "\u212a", "\u0130", "\u001f", "\u007f", "abc", "n", "N"));
        String alphabet = "0123456789+-.eE nN?aAuUlL/\t";
        SplittableRandom rng = new SplittableRandom(3);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = rng.nextInt(7);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void isNumberIsThePattern() {
        for (String v : values()) {
            assertEquals(CsvReader.NUMBER.matcher(v).matches(), CsvReader.isNumber(v), "'" + v + "'");
        }
    }

    @Test
    void isMissingIsTheSetOfSpellings() {
        for (String v : values()) {
            boolean expected = v.isBlank() || CsvReader.MISSING.contains(v.strip().toLowerCase(Locale.ROOT));
            assertEquals(expected, CsvReader.isMissing(v), "'" + v + "'");
        }
    }
}
