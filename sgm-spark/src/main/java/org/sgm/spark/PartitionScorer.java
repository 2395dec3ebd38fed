package org.sgm.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.Function2;
import org.sgm.core.FittedDetector;
import org.sgm.core.train.TrainingLoop;
import org.sgm.data.FittedPipeline;

/**
 * Scores the rows of one partition that belong to batches lying wholly inside it, and emits them as
 * {@code row,score} lines after a {@link #HEADER} line. Batches are {@code sgm score}'s: rows
 * {@code [k·BATCH, (k+1)·BATCH)} of the whole data set; the model's matrix products may round a row differently in
 * a batch of another height, so a batch cut by a partition boundary is left to {@link SparkScorer}'s second stage,
 * which brings its rows together. The model is loaded once per partition, on its first batch.
 *
 * @param <T> the record type (a CSV line or a Parquet row)
 */
final class PartitionScorer<T> implements Function2<Integer, Iterator<T>, Iterator<String>> {
    /** Rows per batch: {@code sgm score}'s ({@link FittedDetector#SCORING_BATCH}). */
    static final int BATCH = FittedDetector.SCORING_BATCH;
    /** The first line of every part file. */
    static final String HEADER = "row,score";
    private static final long serialVersionUID = 1L;

    private final BatchScorer scorer;
    private final Layout layout;
    private final CellReader<T> reader;

    /**
     * @param scorer scores a batch
     * @param layout where each partition's rows lie
     * @param reader turns a record into its fields
     */
    PartitionScorer(BatchScorer scorer, Layout layout, CellReader<T> reader) {
        this.scorer = scorer;
        this.layout = layout;
        this.reader = reader;
    }

    @Override
    public Iterator<String> call(Integer partition, Iterator<T> all) {
        Iterator<T> records = layout.exactly(partition, all);
        long first = layout.skipHeader(partition, records);
        long end = layout.end(partition);
        return new Iterator<>() {
            private boolean headerDone;
            private long row = first;
            private FittedPipeline pipeline;

            private void skipCutBatches() {
                while (row < end && !layout.wholeIn(partition, row) && records.hasNext()) {
                    records.next();
                    row++;
                }
            }

            @Override
            public boolean hasNext() {
                if (!headerDone) {
                    return true;
                }
                skipCutBatches();
                boolean more = records.hasNext(); // fails if the partition holds fewer or more records than counted
                return row < end && more;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (!headerDone) {
                    headerDone = true;
                    return HEADER;
                }
                if (pipeline == null) {
                    pipeline = scorer.load();
                }
                long batchEnd = Math.min(end, (row / BATCH + 1) * BATCH);
                List<String[]> batch = new ArrayList<>(BATCH);
                while (records.hasNext() && row + batch.size() < batchEnd) {
                    batch.add(reader.cells(records.next(), row + batch.size()));
                }
                String lines = scorer.score(pipeline, row, batch);
                row += batch.size();
                return lines;
            }
        };
    }
}
