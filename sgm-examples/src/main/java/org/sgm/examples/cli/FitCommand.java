package org.sgm.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FitContext;
import org.sgm.core.SgmException;
import org.sgm.core.data.InvalidDataException;
import org.sgm.data.FittedPipeline;
import org.sgm.data.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sgm fit}: fit a detector on a CSV file and save it, preprocessing included, as one model file. */
@Command(name = "fit", description = "Fit a detector on a CSV file (labels, if any, are ignored) and save it.")
final class FitCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "KEY", description = "Registry key (see `sgm models`).")
    String model;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "Training data, with a header.")
    Path data;

    @Option(names = "--label-column", paramLabel = "NAME", defaultValue = "label",
            description = "Label column to drop before fitting, if present (default: ${DEFAULT-VALUE}).")
    String labelColumn;

    @Option(names = "--params", paramLabel = "FILE.json", description = "Hyperparameters laid over the defaults.")
    Path params;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "Epoch budget (overrides --params).")
    Integer epochs;

    @Option(names = "--no-early-stop", description = "Train for the whole epoch budget.")
    boolean noEarlyStop;

    @Option(names = "--out", required = true, paramLabel = "MODEL_FILE", description = "Where to write the model.")
    Path out;

    @Override
    public Integer call() {
        if (Files.isDirectory(out)) {
            throw new SgmException("--out " + out + " is a directory; give a file name for the model");
        }
        DetectorProvider<?> provider = SgmMain.registry().get(model);
        if ((epochs != null || noEarlyStop) && !TrainingOverrides.trainsInEpochs(provider)) {
            common.progress().println("sgm: warning: " + model + " does not train in epochs; --epochs and "
                    + "--no-early-stop are ignored");
        }
        JsonNode overrides = TrainingOverrides.build(provider, params, epochs, noEarlyStop);
        AnomalyDetector detector = SgmMain.registry().create(model, overrides);
        Table table = Table.readCsv(data, labelColumn);
        if (table.rows() < 2) {
            throw new InvalidDataException(data + ": only " + table.rows() + " data row; fitting needs at least 2");
        }
        long t0 = System.nanoTime();
        FittedPipeline pipeline = FittedPipeline.fit(detector, table, labelColumn,
                FitContext.of(seed, new ProgressPrinter(model, common.progress())));
        pipeline.save(out);
        common.progress().printf(Locale.ROOT, "sgm: wrote %s (%s, %d rows, %d features, %.1f s)%n", out, model,
                table.rows(), pipeline.model().inputDim(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
