package org.sgm.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sgm.core.SgmException;
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

    @Override
    public Integer call() {
        if (Files.isDirectory(out)) {
            throw new SgmException("--out " + out + " is a directory; give a file name for the scores");
        }
        FittedPipeline pipeline = FittedPipeline.load(model, SgmMain.registry());
        ReadOptions read = pipeline.readOptions().withDelimiter(ReadOptions.parseDelimiter(delimiter));
        double[] scores = pipeline.score(Table.read(data, read));
        StringBuilder sb = new StringBuilder(scores.length * 12 + 8).append("score\n");
        for (double s : scores) {
            sb.append(s).append('\n');
        }
        AtomicFiles.writeString(out, sb.toString());
        common.progress().println("sgm: wrote " + scores.length + " scores to " + out);
        return 0;
    }
}
