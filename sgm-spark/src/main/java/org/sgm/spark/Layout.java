package org.sgm.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sgm.core.data.InvalidDataException;

/**
 * Where the data rows of each partition lie in the whole input, from a first job that counted the records of every
 * partition, and which of {@code sgm score}'s batches ({@link PartitionScorer#BATCH} rows) a partition boundary
 * cuts.
 */
final class Layout implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long[] starts;
    private final long total;
    private final int headerRecords;
    private final String source;

    /**
     * @param records the number of records in each partition, in partition order
     * @param headerRecords 1 if the first record of the input is a header line (CSV), else 0
     */
    Layout(long[] records, int headerRecords) {
        this(records, headerRecords, "the input");
    }

    /**
     * @param records the number of records in each partition, in partition order
     * @param headerRecords 1 if the first record of the input is a header line (CSV), else 0
     * @param source the input's name, for messages
     */
    Layout(long[] records, int headerRecords, String source) {
        this.source = source;
        this.starts = new long[records.length + 1];
        for (int p = 0; p < records.length; p++) {
            starts[p + 1] = starts[p] + records[p];
        }
        this.headerRecords = headerRecords;
        this.total = Math.max(0, starts[records.length] - headerRecords);
    }

    /** @return the number of data rows */
    long total() {
        return total;
    }

    /** @return the 0-based position of the partition's first data row */
    long start(int partition) {
        return Math.max(0, starts[partition] - headerRecords);
    }

    /** @return the 0-based position after the partition's last data row */
    long end(int partition) {
        return Math.max(0, starts[partition + 1] - headerRecords);
    }

    /**
     * Consumes the header line if the partition starts with it.
     *
     * @return the 0-based position of the partition's first data row
     */
    <T> long skipHeader(int partition, Iterator<T> records) {
        if (starts[partition] < headerRecords && records.hasNext()) {
            records.next();
        }
        return start(partition);
    }

    /**
     * Wraps a partition's records for a later pass over them: it fails, naming the input and the partition, as soon
     * as the partition turns out to hold fewer or more records than the first pass counted (the input changed
     * between the passes, or a reader dropped records), instead of scoring a shifted or short set of rows.
     * A caller that stops at the partition's end must call {@code hasNext()} once more, which fails if records
     * remain.
     *
     * @param partition the partition
     * @param records its records, from the start
     * @param <T> the record type
     * @return the same records, counted
     */
    <T> Iterator<T> exactly(int partition, Iterator<T> records) {
        long expected = starts[partition + 1] - starts[partition];
        return new Iterator<>() {
            private long seen;

            @Override
            public boolean hasNext() {
                boolean more = records.hasNext();
                if (more == (seen < expected)) {
                    return more;
                }
                throw new InvalidDataException(source + ": partition " + partition + " held "
                        + (more ? "more than " + expected : seen) + " records when scored, but " + expected
                        + " when counted; the input changed while it was read, or a reader dropped records");
            }

            @Override
            public T next() {
                T t = records.next();
                seen++;
                return t;
            }
        };
    }

    /** @return whether the batch of data row {@code row} (of this partition) lies wholly inside the partition */
    boolean wholeIn(int partition, long row) {
        long batchStart = row / PartitionScorer.BATCH * PartitionScorer.BATCH;
        long batchEnd = Math.min(total, batchStart + PartitionScorer.BATCH);
        return batchStart >= start(partition) && batchEnd <= end(partition);
    }

    /** @return the batches (by number: row / BATCH) that a partition boundary cuts */
    SortedSet<Long> cutBatches() {
        SortedSet<Long> cut = new TreeSet<>();
        for (int p = 0; p + 1 < starts.length; p++) {
            long s = start(p);
            long e = end(p);
            if (s < e && !wholeIn(p, s)) {
                cut.add(s / PartitionScorer.BATCH);
            }
            if (s < e && !wholeIn(p, e - 1)) {
                cut.add((e - 1) / PartitionScorer.BATCH);
            }
        }
        return cut;
    }
}
