package org.sgm.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes rows of features to a temporary file of row-major little-endian floats and then maps it as a
 * {@link FeatureMatrix} ({@link FeatureMatrix#map}): the way to build a matrix larger than the heap, a batch of rows
 * at a time. The file is created in {@code java.io.tmpdir} and deleted as soon as it is mapped (on POSIX systems the
 * mapping stays valid and the disk space is freed when the matrix is garbage-collected or the program ends; where a
 * mapped file cannot be deleted, it is deleted when the program ends). Not thread-safe.
 */
public final class FeatureFileWriter implements AutoCloseable {
    /** Rows are copied through a buffer of this many bytes. */
    private static final int BUFFER_BYTES = 1 << 20;

    private final List<String> columnNames;
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private int rows;
    private boolean closed;
    private boolean mapped;

    private FeatureFileWriter(List<String> columnNames, Path file) throws IOException {
        this.columnNames = List.copyOf(columnNames);
        if (this.columnNames.isEmpty()) {
            throw new IllegalArgumentException("a feature file needs at least one column");
        }
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.buffer = ByteBuffer.allocate(Math.max(BUFFER_BYTES, this.columnNames.size() * Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param columnNames the feature names, one per column
     * @return a writer to a new temporary file (deleted when the program ends, or as soon as it is mapped)
     * @throws IOException if the file cannot be created
     */
    public static FeatureFileWriter createTemp(List<String> columnNames) throws IOException {
        Path file = Files.createTempFile("sgm-features-", ".f32");
        file.toFile().deleteOnExit();
        try {
            return new FeatureFileWriter(columnNames, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Appends rows.
     *
     * @param values row-major values, whole rows
     * @param offset index of the first value
     * @param rowCount the number of rows to append
     * @throws IOException if the file cannot be written
     */
    public void append(float[] values, int offset, int rowCount) throws IOException {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
        int cols = columnNames.size();
        for (int i = 0; i < rowCount * cols; i++) {
            if (buffer.remaining() < Float.BYTES) {
                drain();
            }
            buffer.putFloat(values[offset + i]);
        }
        rows = Math.addExact(rows, rowCount);
    }

    /** @return the number of rows appended so far */
    public int rows() {
        return rows;
    }

    /**
     * Closes the file and maps it.
     *
     * @return the matrix of every row appended, backed by the file
     * @throws IOException if the file cannot be written or mapped
     */
    public FeatureMatrix finish() throws IOException {
        closeChannel();
        FeatureMatrix matrix = FeatureMatrix.map(file, rows, columnNames);
        mapped = true;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a mapped file cannot be deleted on some systems: deleteOnExit (set at creation) removes it later
        }
        return matrix;
    }

    /** Closes the file; unless {@link #finish} mapped it, deletes it (so an error path leaves nothing behind). */
    @Override
    public void close() throws IOException {
        try {
            closeChannel();
        } finally {
            if (!mapped) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void closeChannel() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel c = channel) {
            drain();
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
