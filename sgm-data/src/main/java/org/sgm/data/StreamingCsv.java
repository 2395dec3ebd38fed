package org.sgm.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sgm.core.FittedDetector;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureFileWriter;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;

/**
 * CSV files too large for the heap: read from disk a batch of rows at a time, never whole. The same reader checks
 * and types the columns as {@link Table#read(Path, ReadOptions)} does, and the same code fits and applies the
 * preprocessing, so the features are the same, bit for bit, as those of a table read into memory.
 *
 * <p>Fitting ({@link #fit}) takes three passes over the file: the first checks every value and finds the column
 * types (and digests the file); the second gathers what the preprocessing is fitted on — per numeric column its
 * values, written to a temporary file and read back one column at a time (a {@code double[rows]} on the heap), per
 * text column its category counts; the third writes the features to a temporary file of floats that is mapped as
 * the {@link FeatureMatrix} (off the heap, paged in by the operating system). Transforming for scoring
 * ({@link #transform}) takes two: the check and a pass that hands out batches of features.
 */
public final class StreamingCsv {
    /** Rows per batch: the training loop's scoring batch, so batch boundaries are those of in-memory scoring. */
    public static final int BATCH_ROWS = FittedDetector.SCORING_BATCH;

    private StreamingCsv() {}

    /**
     * The preprocessing fitted on a streamed file and the file's features.
     *
     * @param preprocessor the fitted preprocessing
     * @param features every row's features, in a mapped file (not on the heap)
     * @param source the file's name as given
     * @param sha256 the file's SHA-256 (lower-case hex)
     */
    public record Prepared(FittedPreprocessor preprocessor, FeatureMatrix features, String source, String sha256) {}

    /** Receives the features of one batch of rows. */
    @FunctionalInterface
    public interface BatchConsumer {
        /**
         * @param firstRow the index of the batch's first row in the file (0-based, data rows only)
         * @param features the batch's features
         * @throws IOException if the consumer cannot write what it makes of them
         */
        void accept(int firstRow, FeatureMatrix features) throws IOException;
    }

    /**
     * Fits the preprocessing on a CSV file and writes its features to a mapped temporary file.
     *
     * @param file the CSV file
     * @param read delimiter, label column (its values are checked, not used) and missing values
     * @param options the scaling and imputation
     * @return the preprocessing and the features
     * @throws InvalidDataException naming the file, line or row, and column, as
     *     {@link Table#read(Path, ReadOptions)} and {@link Preprocessor#fit} would
     * @throws SgmException if a temporary file cannot be written
     */
    public static Prepared fit(Path file, ReadOptions read, PreprocessingOptions options) {
        String source = file.toString();
        MessageDigest[] digest = new MessageDigest[1];
        CsvReader csv = CsvReader.streaming(file, source, read, in -> {
            digest[0] = sha256();
            return new DigestInputStream(new BufferedInputStream(in, 1 << 16), digest[0]);
        });
        CsvReader.Scan scan = csv.scan(read.labelColumn());
        String sha256 = HexFormat.of().formatHex(digest[0].digest());
        FittedPreprocessor pre = fitPreprocessor(csv, scan, sha256, options);
        try (FeatureFileWriter writer = FeatureFileWriter.createTemp(pre.featureNames())) {
            UnseenCategories unseen = new UnseenCategories();
            csv.forEachBatch(scan, BATCH_ROWS, sha256, batch -> {
                float[] features = pre.encode(batch, unseen);
                try {
                    writer.append(features, 0, batch.rows());
                } catch (IOException e) {
                    throw tempFileError(e);
                }
            });
            return new Prepared(pre, writer.finish(), source, sha256);
        } catch (IOException e) {
            throw tempFileError(e);
        }
    }

    /**
     * Applies fitted preprocessing to a CSV file a batch of {@value #BATCH_ROWS} rows at a time.
     *
     * @param file the CSV file
     * @param read delimiter, label column (ignored) and missing values
     * @param pre the fitted preprocessing
     * @param consumer receives each batch's features, in file order
     * @return the number of rows
     * @throws InvalidDataException naming the file, line or row, and column, as reading the file
     *     and {@link FittedPreprocessor#transform} would; before any batch is handed out if the file's columns do not
     *     match
     * @throws UncheckedIOException if the consumer fails to write
     */
    public static int transform(Path file, ReadOptions read, FittedPreprocessor pre, BatchConsumer consumer) {
        CsvReader csv = CsvReader.streaming(file, file.toString(), read, in -> new BufferedInputStream(in, 1 << 16));
        CsvReader.Scan scan = csv.scan(read.labelColumn());
        pre.check(scan);
        UnseenCategories unseen = new UnseenCategories();
        try {
            csv.forEachBatch(scan, BATCH_ROWS, null, batch -> {
                FeatureMatrix features = FeatureMatrix.wrap(pre.encode(batch, unseen), batch.rows(),
                        pre.featureNames());
                try {
                    consumer.accept((int) (batch.rowNumber(0) - 1), features);
                } catch (IOException e) {
                    throw new ConsumerFailed(e);
                }
            });
        } catch (ConsumerFailed e) {
            // not an UncheckedIOException inside the pass: the reader would take it for a problem with the file
            throw new UncheckedIOException((IOException) e.getCause());
        }
        unseen.warn(file.toString());
        return scan.rows();
    }

    /**
     * The second pass: numeric columns' values to temporary files (read back one column at a time), text columns'
     * category counts; then the same fitting code as for a table in memory.
     */
    private static FittedPreprocessor fitPreprocessor(CsvReader csv, CsvReader.Scan scan, String sha256,
            PreprocessingOptions options) {
        Map<String, ColumnSpill> spills = new LinkedHashMap<>();
        Map<String, OneHot.CategoryCounts> counts = new LinkedHashMap<>();
        try {
            for (String column : scan.featureColumns()) {
                if (scan.isNumeric(column)) {
                    spills.put(column, new ColumnSpill());
                } else {
                    counts.put(column, new OneHot.CategoryCounts());
                }
            }
            csv.forEachBatch(scan, BATCH_ROWS, sha256, batch -> {
                int first = (int) (batch.rowNumber(0) - 1);
                // a failed spill write is a ConsumerFailed: the reader must not take it for a problem with the file
                spills.forEach((column, spill) -> spill.write(batch.numeric(column)));
                counts.forEach((column, tally) -> tally.add(batch.text(column), first));
            });
            List<ColumnEncoder> encoders = new ArrayList<>();
            for (String column : scan.featureColumns()) {
                encoders.add(scan.isNumeric(column)
                        ? NumericScaler.fit(scan.source(), column, spills.get(column).readAll(scan.rows()), options)
                        : OneHot.fit(scan.source(), column, counts.get(column), options));
            }
            return new FittedPreprocessor(encoders);
        } catch (IOException | ConsumerFailed e) {
            throw tempFileError(e instanceof ConsumerFailed ? (Exception) e.getCause() : e);
        } finally {
            spills.values().forEach(ColumnSpill::delete);
        }
    }

    /** One numeric column's values in row order, in a temporary file. */
    private static final class ColumnSpill {
        private final Path file;
        private final DataOutputStream out;

        ColumnSpill() throws IOException {
            file = Files.createTempFile("sgm-column-", ".f64");
            file.toFile().deleteOnExit();
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        void write(double[] values) {
            try {
                for (double v : values) {
                    out.writeDouble(v);
                }
            } catch (IOException e) {
                throw new ConsumerFailed(e);
            }
        }

        double[] readAll(int rows) throws IOException {
            out.close();
            double[] values = new double[rows];
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                    1 << 16))) {
                for (int i = 0; i < rows; i++) {
                    values[i] = in.readDouble();
                }
            }
            delete();
            return values;
        }

        void delete() {
            try {
                out.close();
            } catch (IOException ignored) {
                // deleted anyway
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // deleteOnExit remains
            }
        }
    }

    /** An I/O failure of this class's own writing during a pass over the file, carried out of the pass. */
    private static final class ConsumerFailed extends RuntimeException {
        ConsumerFailed(IOException cause) {
            super(cause);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SgmException tempFileError(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (e instanceof SgmException sgm) {
            return sgm;
        }
        return new SgmException("cannot write a temporary file in " + System.getProperty("java.io.tmpdir") + " ("
                + cause + "); free disk space there or set -Djava.io.tmpdir", e);
    }
}
