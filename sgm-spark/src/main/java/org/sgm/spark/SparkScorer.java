package org.sgm.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sgm.core.ModelFileException;
import org.sgm.core.SgmException;
import org.sgm.core.data.InvalidDataException;
import org.sgm.data.CsvValues;
import org.sgm.data.FittedPipeline;
import scala.Tuple2;

/**
 * Scores a CSV or Parquet file with a model written by {@code sgm fit}, on Spark, with exactly the scores
 * {@code sgm score} gives for the same file.
 *
 * <p>How: the input is read as one RDD (CSV as lines of text, parsed by the same CSV parser as {@code sgm score};
 * Parquet as rows). A first job counts the records of every partition, which fixes each record's 0-based position
 * (Spark keeps a single file's splits in file order, and every job runs over the same RDD). The scoring job then
 * scores, in each partition, the batches of {@code sgm score} (rows {@code [k·4096, (k+1)·4096)}) that lie wholly
 * inside it ({@link PartitionScorer}), and gathers the rows of the batches that partition boundaries cut, by a
 * small shuffle, to score each such batch whole: the model's matrix products can round a row differently in a
 * batch of another height. The model file's bytes travel once per executor as a broadcast variable; each
 * partition loads the model once. The output, {@code row,score} part files, is written to a temporary directory
 * next to the destination and renamed when complete.
 */
public final class SparkScorer {

    /** The newest Java Spark 3.5 runs on: from 23, Hadoop's login (Subject.getSubject) throws. */
    public static final int NEWEST_JAVA = 22;

    /** @return whether this JVM's Java can start a Spark session */
    public static boolean javaSupported() {
        return runsOn(Runtime.version().feature());
    }

    /** @return whether Spark runs on this Java feature release */
    private static boolean runsOn(int feature) {
        return feature <= NEWEST_JAVA;
    }

    /**
     * Refuses, in one line, to start Spark on a Java it cannot run on.
     *
     * @throws SgmException naming this JVM's version and what to do
     */
    public static void requireSupportedJava() {
        requireSupportedJava(Runtime.version().feature());
    }

    /**
     * @param feature a Java feature release, e.g. 17
     * @throws SgmException naming that release and what to do, if Spark cannot run on it
     */
    static void requireSupportedJava(int feature) {
        if (!runsOn(feature)) {
            throw new SgmException("Apache Spark 3.5 does not run on Java " + feature
                    + " (Hadoop's login needs Subject.getSubject, gone since Java 23): run it on Java 17 or 21"
                    + " (JAVA_HOME)");
        }
    }

    private SparkScorer() {}

    /** Records in one partition and the first of them (the CSV header if the partition is the first). */
    private record PartitionInfo(int index, long records, String first) implements Serializable {}

    /**
     * @param spark the session
     * @param modelFile a model written by {@code sgm fit}, on the driver's file system
     * @param data the file to score: Parquet if its name ends with {@code .parquet}, otherwise CSV (UTF-8, a
     *     header line, one record per line); any file system Spark reads
     * @param delimiter the CSV field separator
     * @param out the directory to create, holding CSV part files with the header {@code row,score}; it must not
     *     exist
     * @return the number of rows scored
     * @throws SgmException (its subclasses) naming the file, row and column for bad input, a bad model file or an
     *     existing output directory; nothing is left at {@code out} then
     */
    public static long score(SparkSession spark, Path modelFile, String data, char delimiter,
            String out) {
        FittedPipeline pipeline = loadModel(modelFile);
        byte[] modelBytes = readModel(modelFile);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        org.apache.hadoop.fs.Path outPath = new org.apache.hadoop.fs.Path(out);
        FileSystem outFs = fileSystem(outPath, jsc, out);
        checkOutput(outFs, outPath, out);
        checkInput(jsc, data);

        boolean parquet = data.toLowerCase(Locale.ROOT).endsWith(".parquet");
        JavaRDD<?> records;
        String[] header;
        List<PartitionInfo> infos;
        if (parquet) {
            JavaRDD<Row> rows = run(() -> spark.read().parquet(data).javaRDD(), data);
            records = rows;
            infos = count(rows, data);
            header = run(() -> spark.read().parquet(data).columns(), data);
        } else {
            JavaRDD<String> lines = spark.read().textFile(data).javaRDD().filter(line -> !line.isEmpty());
            records = lines;
            infos = count(lines, data);
            header = csvHeader(infos, data, delimiter);
        }
        long total = infos.stream().mapToLong(PartitionInfo::records).sum() - (parquet ? 0 : 1);
        if (total <= 0) {
            throw new InvalidDataException(data + ": no data rows" + (parquet ? "" : " (only a header)"));
        }
        String label = pipeline.labelColumn();
        BatchScorer.Kind[] kinds = new BatchScorer.Kind[header.length];
        List<String> features = new ArrayList<>();
        for (int j = 0; j < header.length; j++) {
            if (header[j].equals(label) || pipeline.ignoreColumns().contains(header[j])) {
                kinds[j] = BatchScorer.Kind.DROPPED;
            } else {
                features.add(header[j]);
            }
        }
        pipeline.preprocessor().checkColumns(data, features);
        for (int j = 0; j < header.length; j++) {
            if (kinds[j] == null) {
                kinds[j] = pipeline.preprocessor().isNumericInput(header[j]) ? BatchScorer.Kind.NUMERIC
                        : BatchScorer.Kind.TEXT;
            }
        }
        Layout layout = new Layout(infos.stream().mapToLong(PartitionInfo::records).toArray(), parquet ? 0 : 1, data);

        Broadcast<byte[]> model = jsc.broadcast(modelBytes);
        BatchScorer scorer = new BatchScorer(data, modelFile.getFileName().toString(), model, header, kinds,
                pipeline.readOptions().allowMissing());
        int parallelism = jsc.defaultParallelism();
        JavaRDD<String> scored;
        if (parquet) {
            @SuppressWarnings("unchecked")
            JavaRDD<Row> rows = (JavaRDD<Row>) records;
            scored = scoreAll(rows, new ParquetRowReader(), scorer, layout, parallelism);
        } else {
            @SuppressWarnings("unchecked")
            JavaRDD<String> lines = (JavaRDD<String>) records;
            scored = scoreAll(lines, new CsvLineReader(data, delimiter, header.length), scorer, layout, parallelism);
        }
        writeAtomically(scored, jsc, outFs, outPath, out);
        model.destroy();
        return total;
    }

    /**
     * Stage one scores, in place, the batches that lie wholly inside a partition; stage two gathers the rows of the
     * batches that partition boundaries cut (at most two per partition) by batch number and scores each batch
     * whole, in row order.
     */
    private static <T> JavaRDD<String> scoreAll(JavaRDD<T> records, CellReader<T> reader, BatchScorer scorer,
            Layout layout, int parallelism) {
        JavaRDD<String> whole = records.mapPartitionsWithIndex(new PartitionScorer<>(scorer, layout, reader), false);
        int cut = layout.cutBatches().size();
        if (cut == 0) {
            return whole;
        }
        JavaPairRDD<Long, Tuple2<Long, String[]>> cutRows = records.mapPartitionsWithIndex(
                (Integer p, Iterator<T> all) -> {
                    Iterator<T> it = layout.exactly(p, all);
                    long row = layout.skipHeader(p, it);
                    long end = layout.end(p);
                    List<Tuple2<Long, Tuple2<Long, String[]>>> out = new ArrayList<>();
                    for (; row < end && it.hasNext(); row++) {
                        T record = it.next();
                        if (!layout.wholeIn(p, row)) {
                            out.add(new Tuple2<>(row / PartitionScorer.BATCH,
                                    new Tuple2<>(row, reader.cells(record, row))));
                        }
                    }
                    it.hasNext(); // fails if the partition holds more records than were counted
                    return out.iterator();
                }, false).mapToPair(t -> t);
        JavaRDD<String> joined = cutRows.groupByKey(Math.min(cut, parallelism)).mapPartitions(batches -> {
            List<String> out = new ArrayList<>();
            out.add(PartitionScorer.HEADER);
            FittedPipeline pipeline = null;
            while (batches.hasNext()) {
                List<Tuple2<Long, String[]>> rows = new ArrayList<>();
                batches.next()._2().forEach(rows::add);
                rows.sort(Comparator.comparing(Tuple2::_1));
                long first = rows.get(0)._1();
                if (rows.get(rows.size() - 1)._1() - first != rows.size() - 1) {
                    throw new IllegalStateException("batch from row " + first + " is not contiguous");
                }
                pipeline = pipeline == null ? scorer.load() : pipeline;
                out.add(scorer.score(pipeline, first, rows.stream().map(Tuple2::_2).toList()));
            }
            return out.iterator();
        });
        return whole.union(joined);
    }

    private static FittedPipeline loadModel(Path model) {
        return FittedPipeline.load(model, ModelCache.registry()); // its errors name the file
    }

    private static byte[] readModel(Path model) {
        try {
            return Files.readAllBytes(model);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(model + ": model file not found");
        } catch (IOException e) {
            throw new ModelFileException(model + ": cannot read model file: " + e.getMessage());
        }
    }

    private static FileSystem fileSystem(org.apache.hadoop.fs.Path path, JavaSparkContext jsc, String name) {
        try {
            return path.getFileSystem(jsc.hadoopConfiguration());
        } catch (IOException e) {
            throw new SgmException(name + ": cannot open its file system (" + e.getMessage() + ")", e);
        }
    }

    private static void checkOutput(FileSystem fs, org.apache.hadoop.fs.Path out, String name) {
        try {
            if (fs.exists(out)) {
                throw new SgmException("--out " + name + " already exists; spark-score creates the directory (remove"
                        + " it or choose another name)");
            }
        } catch (IOException e) {
            throw new SgmException("--out " + name + ": cannot check it (" + e.getMessage() + ")", e);
        }
    }

    private static void checkInput(JavaSparkContext jsc, String data) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(data);
        FileSystem fs = fileSystem(path, jsc, data);
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new InvalidDataException(data + ": file not found", e);
        } catch (IOException e) {
            throw new InvalidDataException(data + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        if (status.isDirectory()) {
            throw new InvalidDataException(data + ": is a directory; give one CSV or Parquet file (row positions are"
                    + " positions in that file)");
        }
    }

    private static <T> List<PartitionInfo> count(JavaRDD<T> records, String data) {
        List<PartitionInfo> infos = new ArrayList<>(run(() -> records.mapPartitionsWithIndex(
                (Integer p, Iterator<T> it) -> {
                    long n = 0;
                    String first = null;
                    while (it.hasNext()) {
                        T record = it.next();
                        if (n++ == 0 && record instanceof String s) {
                            first = s;
                        }
                    }
                    return List.of(new PartitionInfo(p, n, first)).iterator();
                }, false).collect(), data));
        infos.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return infos;
    }

    private static String[] csvHeader(List<PartitionInfo> infos, String data, char delimiter) {
        String line = infos.stream().filter(i -> i.records() > 0).map(PartitionInfo::first).findFirst()
                .orElseThrow(() -> new InvalidDataException(data + ": empty file (expected a header line)"));
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        String[] header = CsvLineReader.parse(line, data, CsvValues.format(delimiter), "line 1");
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < header.length; j++) {
            if (header[j].isBlank()) {
                throw new InvalidDataException(data + ", line 1: column " + (j + 1) + " has no name");
            }
            if (!seen.add(header[j])) {
                throw new InvalidDataException(data + ", line 1: column '" + header[j] + "' appears twice");
            }
        }
        return header;
    }

    /** Writes the part files into a temporary sibling of {@code out}, then renames it to {@code out}. */
    private static void writeAtomically(JavaRDD<String> scored, JavaSparkContext jsc, FileSystem fs,
            org.apache.hadoop.fs.Path out, String name) {
        org.apache.hadoop.fs.Path parent = out.getParent();
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(parent, "." + out.getName() + ".tmp-"
                + UUID.randomUUID());
        boolean done = false;
        try {
            run(() -> {
                scored.saveAsTextFile(tmp.toString());
                return null;
            }, null);
            if (!fs.rename(tmp, out)) {
                throw new SgmException("--out " + name + ": cannot rename the finished output into place (did "
                        + name + " appear meanwhile?)");
            }
            done = true;
        } catch (IOException e) {
            throw new SgmException("--out " + name + ": cannot move the output into place (" + e.getMessage() + ")",
                    e);
        } finally {
            if (!done) {
                try {
                    awaitNoRunningTasks(jsc); // tasks of the failed job still running could write after the delete
                    fs.delete(tmp, true);
                } catch (IOException ignored) {
                    // the temporary directory is named after out and can be removed by hand
                }
            }
        }
    }

    /** Waits (at most 30 s) until the tasks of a failed job, which Spark kills asynchronously, have stopped. */
    private static void awaitNoRunningTasks(JavaSparkContext jsc) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && Arrays.stream(jsc.sc().statusTracker().getExecutorInfos())
                .anyMatch(e -> e.numRunningTasks() > 0)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A Spark action whose failures are reported by their cause: an SGM error from a task, or a read error. */
    private interface Action<R> {
        R run() throws IOException;
    }

    private static <R> R run(Action<R> action, String data) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new SgmException(e.getMessage(), e);
        } catch (Exception e) { // Spark's Scala code throws SparkException (checked) undeclared
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SgmException s) {
                    throw s;
                }
            }
            if (data != null && e.getClass().getName().startsWith("org.apache.spark")) {
                throw new InvalidDataException(data + ": cannot read it (" + firstLine(e) + ")", e);
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
