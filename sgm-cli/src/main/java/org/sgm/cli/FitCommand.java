package org.sgm.cli;

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
import org.sgm.data.Imputation;
import org.sgm.data.PreprocessingOptions;
import org.sgm.data.LabelValues;
import org.sgm.data.ReadOptions;
import org.sgm.data.StreamingCsv;
import org.sgm.data.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sgm fit}: fit a detector on a data file and save it, preprocessing included, as one model file. */
@Command(name = "fit", description = "Fit a detector on a data file (labels, if any, are ignored) and save it, "
        + "preprocessing included.")
final class FitCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "KEY", description = "Registry key (see `sgm models`).")
    String model;

    @Option(names = "--data", required = true, paramLabel = "FILE|builtin:NAME",
            description = "Training data: CSV (with a header), ARFF, .npy, .npz, .mat, or a bundled dataset.")
    String data;

    @Mixin
    InputOptions input;

    @Mixin
    PreprocessingFlags preprocessing;

    @Option(names = "--params", paramLabel = "FILE.json", description = "Hyperparameters laid over the defaults.")
    Path params;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "Epoch budget (overrides --params).")
    Integer epochs;

    @Option(names = "--no-early-stop", description = "Train for the whole epoch budget.")
    boolean noEarlyStop;

    @Option(names = "--threads", paramLabel = "N", description = "Ensemble members trained at the same time "
            + "(default: the machine's cores); the model and its scores do not depend on it.")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "MODEL_FILE", description = "Where to write the model (an existing file is replaced; the data file is refused).")
    Path out;

    @Option(names = "--stream", description = "Stream the CSV file from disk instead of reading it into memory "
            + "(automatic for a file larger than a quarter of the maximum heap); the same model.")
    boolean stream;

    @Override
    public Integer call() {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new SgmException("--threads must be ≥ 1, got " + workers);
        }
        OutputPaths.check(out, "the model", data);
        DetectorProvider<?> provider = SgmMain.registry().get(model);
        if ((epochs != null || noEarlyStop) && !provider.trainsInEpochs()) {
            common.progress().println("sgm: warning: " + model + " does not train in epochs; --epochs and "
                    + "--no-early-stop are ignored");
        }
        JsonNode overrides = TrainingOverrides.build(provider, params, epochs, noEarlyStop);
        AnomalyDetector detector = SgmMain.registry().create(model, overrides);
        PreprocessingOptions pre = preprocessing.options();
        // Labels never reach a fit: the label column is dropped whatever its values (good/bad included).
        ReadOptions read = input.read(pre.imputation() != Imputation.NONE).withLabels(LabelValues.unread());
        ProgressBar bar = common.progressBar();
        FitContext ctx = FitContext.of(seed, new ProgressPrinter(model, bar)).withThreads(workers);
        long t0 = System.nanoTime();
        FittedPipeline pipeline;
        int rows;
        try {
            if (StreamingChoice.stream(data, stream, common.progress())) {
                StreamingCsv.Prepared prepared = StreamingCsv.fit(Path.of(data), read, pre);
                rows = requireTwoRows(prepared.source(), prepared.features().rows());
                pipeline = FittedPipeline.fit(detector, prepared, read, ctx);
            } else {
                Table table = Table.read(data, read);
                rows = requireTwoRows(table.source(), table.rows());
                pipeline = FittedPipeline.fit(detector, table, read, pre, ctx);
            }
        } finally {
            bar.finish(); // an error's line starts on a line of its own
        }
        pipeline.save(out);
        common.progress().printf(Locale.ROOT, "sgm: wrote %s (%s, %d rows, %d features, %.1f s)%n", out, model,
                rows, pipeline.model().inputDim(), (System.nanoTime() - t0) / 1e9);
        pipeline.trainingScores().ifPresent(s -> common.progress().printf(Locale.ROOT,
                "sgm: training scores: median %.6g, MAD %.6g, 95%% quantile %.6g, 99%% quantile %.6g (n = %d; for "
                        + "sgm score --contamination/--mad)%n", s.median(), s.mad(), s.quantile(0.95),
                s.quantile(0.99), s.count()));
        return 0;
    }

    private static int requireTwoRows(String source, int rows) {
        if (rows < 2) {
            throw new InvalidDataException(source + ": only " + rows + " data row; fitting needs at least 2");
        }
        return rows;
    }
}
