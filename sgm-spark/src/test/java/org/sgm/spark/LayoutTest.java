package org.sgm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.data.InvalidDataException;

/**
 * A partition that yields another number of records when scored than when counted (the input changed between the
 * passes, a reader dropped records) fails the job instead of scoring shifted or missing rows.
 */
class LayoutTest {
    private static Iterator<String> records(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("r" + i);
        }
        return out.iterator();
    }

    private static List<String> drain(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void exactlyTheCountedRecordsPass() {
        Layout layout = new Layout(new long[] {3, 4}, 1, "f.csv");
        assertEquals(3, drain(layout.exactly(0, records(3))).size());
        assertEquals(4, drain(layout.exactly(1, records(4))).size());
        Iterator<String> empty = new Layout(new long[] {0, 2}, 1, "f.csv").exactly(0, records(0));
        assertFalse(empty.hasNext());
    }

    @Test
    void fewerOrMoreRecordsThanCountedFailNamingTheInputAndThePartition() {
        Layout layout = new Layout(new long[] {3, 4}, 1, "f.csv");
        InvalidDataException fewer = assertThrows(InvalidDataException.class,
                () -> drain(layout.exactly(1, records(2))));
        assertEquals("f.csv: partition 1 held 2 records when scored, but 4 when counted; the input changed while it"
                + " was read, or a reader dropped records", fewer.getMessage());
        InvalidDataException more = assertThrows(InvalidDataException.class,
                () -> drain(layout.exactly(0, records(5))));
        assertEquals("f.csv: partition 0 held more than 3 records when scored, but 3 when counted; the input changed"
                + " while it was read, or a reader dropped records", more.getMessage());
    }

    @Test
    void thePartitionScorerChecksBeforeItScoresAnything() {
        Layout layout = new Layout(new long[] {5}, 1, "f.csv");
        PartitionScorer<String> scorer = new PartitionScorer<>(null, layout, (record, row) -> new String[] {record});
        // The partition ends after its header line: the check fails before a batch is scored (the scorer is null).
        Iterator<String> out = scorer.call(0, records(1));
        assertEquals(PartitionScorer.HEADER, out.next());
        assertThrows(InvalidDataException.class, out::hasNext, "1 record where 5 were counted");
    }
}
