package org.sgm.models.sgae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HiddenDimsTest {

    @Test
    void matchesTheReferenceRuleForEveryWidthUpTo2000() throws Exception {
        int checked = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("auto-widths.tsv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                int d = Integer.parseInt(parts[0]);
                int[] expected = Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray();
                assertArrayEquals(expected, HiddenDims.auto(d), "d = " + d);
                checked++;
            }
        }
        assertEquals(2000, checked);
    }

    @Test
    void examplesFromTheMethod() {
        assertArrayEquals(new int[] {20, 10}, HiddenDims.auto(20));
        assertArrayEquals(new int[] {21, 20}, HiddenDims.auto(21));
        assertArrayEquals(new int[] {43, 20}, HiddenDims.auto(43));
        assertArrayEquals(new int[] {51, 40, 20}, HiddenDims.auto(51));
        assertArrayEquals(new int[] {784, 256, 80, 40, 20}, HiddenDims.auto(784));
        assertArrayEquals(new int[] {1500, 256, 80, 40, 20}, HiddenDims.auto(1500));
        assertArrayEquals(new int[] {1, 10}, HiddenDims.auto(1));
    }

    @Test
    void explicitWidthsAndBadInput() {
        assertArrayEquals(new int[] {30, 16, 4}, HiddenDims.resolve(30, List.of(16, 4)));
        assertArrayEquals(HiddenDims.auto(30), HiddenDims.resolve(30, List.of()));
        assertThrows(IllegalArgumentException.class, () -> HiddenDims.auto(0));
    }
}
