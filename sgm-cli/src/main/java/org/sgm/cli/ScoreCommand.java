package org.sgm.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.threshold.InvalidThresholdException;
import org.sgm.core.threshold.Threshold;
import org.sgm.data.FittedPipeline;
import org.sgm.data.ReadOptions;
import org.sgm.data.StreamingCsv;
import org.sgm.data.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sgm score}: score a data file with a saved model; one score per input row, in input order. With one of
 * {@code --contamination R}, {@code --threshold T} or {@code --mad [K]} it adds {@code is_anomaly} (1 when the score
 * is strictly greater than the rule's cutoff, which comes from the model's training scores, never from this data).
 */
@Command(name = "score", description = "Score a data file with a model written by `sgm fit` (higher = more "
        + "anomalous); with a threshold rule, add is_anomaly (1 = score > cutoff).")
final class ScoreCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "MODEL_FILE", description = "A model written by `sgm fit`.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE|builtin:NAME",
            description = "Rows to score (CSV, ARFF, .npy, .npz, .mat or a bundled dataset): the fitted columns by "
                    + "name (a label column is ignored).")
    String data;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV field separator: one character, or tab, semicolon, space, pipe (default: "
                    + "'${DEFAULT-VALUE}').")
    String delimiter;

    @Option(names = "--out", required = true, paramLabel = "SCORES.csv|-", description = "Where to write the scores: "
            + "a file (an existing file is replaced; the data and model files are refused), or - for stdout.")
    Path out;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ThresholdFlags threshold;

    /** The threshold rules; at most one may be given. */
    static final class ThresholdFlags {
        @Option(names = "--contamination", paramLabel = "R",
                description = "Flag scores above the (1 - R) quantile of the model's training scores, R in (0, 0.5].")
        Double contamination;

        @Option(names = "--threshold", paramLabel = "T", description = "Flag scores above T.")
        Double fixed;

        @Option(names = "--mad", paramLabel = "K", arity = "0..1", fallbackValue = "3",
                description = "Flag scores above median + K * 1.4826 * MAD of the model's training scores, K > 0 "
                        + "(default K: 3).")
        Double mad;

        /** @return the rule; an out-of-range value is refused naming its flag */
        Threshold rule() {
            try {
                if (contamination != null) {
                    return Threshold.contamination(contamination);
                }
                if (fixed != null) {
                    return Threshold.fixed(fixed);
                }
                return Threshold.mad(mad);
            } catch (InvalidThresholdException e) {
                String flag = contamination != null ? "--contamination" : fixed != null ? "--threshold" : "--mad";
                throw new InvalidThresholdException(flag + ": " + e.getMessage());
            }
        }
    }

    @Option(names = "--stream", description = "Stream the CSV file from disk, writing scores as they are computed "
            + "(automatic for a file larger than a quarter of the maximum heap); the same scores.")
    boolean stream;

    @Override
    public Integer call() {
        if (!OutputPaths.isStdout(out)) {
            OutputPaths.check(out, "the scores", data, model.toString());
        }
        Threshold rule = threshold == null ? null : threshold.rule();
        FittedPipeline pipeline = load(model);
        double cutoff = rule == null ? Double.NaN : pipeline.cutoff(rule);
        ReadOptions read = pipeline.readOptions().withDelimiter(ReadOptions.parseDelimiter(delimiter));
        if (StreamingChoice.stream(data, stream, common.progress())) {
            int[] rows = new int[1];
            long[] flaggedRows = new long[1];
            ProgressBar bar = rowsBar();
            long t0 = System.nanoTime();
            try {
                OutputPaths.write(out, "the scores", os -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                    w.write(rule == null ? "score\n" : "score,is_anomaly\n");
                    rows[0] = pipeline.scoreStreaming(Path.of(data), read, (first, scores) -> {
                        for (int i = 0; i < scores.length; i++) {
                            w.write(checked(scores[i], first + i));
                            if (rule != null) {
                                boolean anomaly = Threshold.isAnomaly(scores[i], cutoff);
                                flaggedRows[0] += anomaly ? 1 : 0;
                                w.write(anomaly ? ",1" : ",0");
                            }
                            w.write('\n');
                        }
                        // the total is unknown until the end of the file: the count so far
                        bar.step(ProgressBar.render("sgm: rows scored", first + scores.length, 0, ProgressBar.WIDTH)
                                + " in " + ProgressBar.clock((System.nanoTime() - t0) / 1e9), null);
                    });
                    w.flush();
                });
            } finally {
                bar.finish();
            }
            common.progress().println("sgm: wrote " + rows[0] + " scores to " + OutputPaths.describe(out));
            reportFlagged(rule, cutoff, flaggedRows[0], rows[0]);
            return 0;
        }
        Table table = Table.read(data, read);
        ProgressBar bar = rowsBar();
        double[] scores;
        try {
            scores = bar.active() ? scoreInParts(pipeline, table, bar) : pipeline.score(table);
        } finally {
            bar.finish();
        }
        StringBuilder sb = new StringBuilder(scores.length * 14 + 20).append(rule == null ? "score\n"
                : "score,is_anomaly\n");
        int flagged = 0;
        for (int i = 0; i < scores.length; i++) {
            sb.append(checked(scores[i], i));
            if (rule != null) {
                boolean anomaly = Threshold.isAnomaly(scores[i], cutoff);
                flagged += anomaly ? 1 : 0;
                sb.append(anomaly ? ",1" : ",0");
            }
            sb.append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        OutputPaths.write(out, "the scores", os -> os.write(bytes));
        common.progress().println("sgm: wrote " + scores.length + " scores to " + OutputPaths.describe(out));
        reportFlagged(rule, cutoff, flagged, scores.length);
        return 0;
    }

    /** @return the bar over the rows; never with {@code --out -}, whose rows may go to the same terminal */
    private ProgressBar rowsBar() {
        return OutputPaths.isStdout(out) ? new ProgressBar(common.progress(), false) : common.progressBar();
    }

    /**
     * Scores a table a batch of {@value StreamingCsv#BATCH_ROWS} rows at a time, drawing the bar: preprocessed whole
     * (its errors and warnings as for {@link FittedPipeline#score(Table)}), then scored in batches of the size the
     * networks score in and a streamed file is scored in, so the same scores.
     */
    static double[] scoreInParts(FittedPipeline pipeline, Table table, ProgressBar bar) {
        FeatureMatrix x = pipeline.preprocessor().transform(table);
        int n = x.rows();
        if (n == 0) {
            return pipeline.model().score(x);
        }
        double[] scores = new double[n];
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += StreamingCsv.BATCH_ROWS) {
            int to = Math.min(n, from + StreamingCsv.BATCH_ROWS);
            double[] part = pipeline.model().score(x.selectRows(IntStream.range(from, to).toArray()));
            System.arraycopy(part, 0, scores, from, part.length);
            bar.step(ProgressBar.render("sgm: rows scored", to, n, ProgressBar.WIDTH) + " ETA "
                    + ProgressBar.eta((System.nanoTime() - t0) / 1e9, to, n), null);
        }
        return scores;
    }

    private void reportFlagged(Threshold rule, double cutoff, long flagged, long rows) {
        if (rule != null) {
            common.progress().printf(Locale.ROOT, "sgm: is_anomaly = score > %.6g (%s): %d of %d rows (%.1f %%)%n",
                    cutoff, rule.describe(), flagged, rows, 100.0 * flagged / Math.max(1, rows));
        }
    }

    /** @return the score as written, if it is finite */
    private String checked(double score, int row) {
        if (!Double.isFinite(score)) {
            throw new InvalidDataException(data + ", row " + (row + 1) + ": the model's score is " + score
                    + " (the row's values are far outside the training data's range); no scores written");
        }
        return Double.toString(score);
    }

    /** Loads a model file with the program's registry; every error names the file ({@link FittedPipeline#load}). */
    static FittedPipeline load(Path model) {
        return FittedPipeline.load(model, SgmMain.registry());
    }
}
