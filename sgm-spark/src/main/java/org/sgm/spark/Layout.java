package org.sgm.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;

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

    /**
     * @param records the number of records in each partition, in partition order
     * @param headerRecords 1 if the first record of the input is a header line (CSV), else 0
     */
    Layout(long[] records, int headerRecords) {
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
