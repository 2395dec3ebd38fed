package org.sgm.examples.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sgm.core.SgmException;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.io.ModelFileException;
import org.sgm.core.io.AtomicFiles;
import org.sgm.data.FittedPipeline;
import org.sgm.data.ReadOptions;
import org.sgm.data.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sgm score}: score a data file with a saved model; one score per input row, in input order. */
@Command(name = "score", description = "Score a data file with a model written by `sgm fit` (higher = more "
        + "anomalous).")
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

    @Option(names = "--out", required = true, paramLabel = "SCORES.csv", description = "Where to write the scores.")
    Path out;

    @Option(names = "--stream", description = "Stream the CSV file from disk, writing scores as they are computed "
            + "(automatic for a file larger than a quarter of the maximum heap); the same scores.")
    boolean stream;

    @Override
    public Integer call() {
        if (Files.isDirectory(out)) {
            throw new SgmException("--out " + out + " is a directory; give a file name for the scores");
        }
        FittedPipeline pipeline = load(model);
        ReadOptions read = pipeline.readOptions().withDelimiter(ReadOptions.parseDelimiter(delimiter));
        if (StreamingChoice.stream(data, stream, common.progress())) {
            int[] rows = new int[1];
            AtomicFiles.write(out, os -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                w.write("score\n");
                rows[0] = pipeline.scoreStreaming(Path.of(data), read, (first, scores) -> {
                    for (int i = 0; i < scores.length; i++) {
                        w.write(checked(scores[i], first + i));
                        w.write('\n');
                    }
                });
                w.flush();
            });
            common.progress().println("sgm: wrote " + rows[0] + " scores to " + out);
            return 0;
        }
        double[] scores = pipeline.score(Table.read(data, read));
        StringBuilder sb = new StringBuilder(scores.length * 12 + 8).append("score\n");
        for (int i = 0; i < scores.length; i++) {
            sb.append(checked(scores[i], i)).append('\n');
        }
        AtomicFiles.writeString(out, sb.toString());
        common.progress().println("sgm: wrote " + scores.length + " scores to " + out);
        return 0;
    }

    /** @return the score as written, if it is finite */
    private String checked(double score, int row) {
        if (!Double.isFinite(score)) {
            throw new InvalidDataException(data + ", row " + (row + 1) + ": the model's score is " + score
                    + " (the row's values are far outside the training data's range); no scores written");
        }
        return Double.toString(score);
    }

    /** Loads a model file; every error names the file (those found while restoring the network, too). */
    private static FittedPipeline load(Path model) {
        try {
            return FittedPipeline.load(model, SgmMain.registry());
        } catch (SgmException e) {
            if (e.getMessage().startsWith(model.toString())) {
                throw e;
            }
            throw new ModelFileException(model + ": " + e.getMessage(), e);
        }
    }
}
