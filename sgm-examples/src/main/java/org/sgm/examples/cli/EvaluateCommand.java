package org.sgm.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sgm.core.DetectorProvider;
import org.sgm.core.SgmException;
import org.sgm.eval.CellResult;
import org.sgm.eval.Evaluation;
import org.sgm.eval.EvaluationProtocol;
import org.sgm.eval.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sgm evaluate}: every dataset × model × seed under one protocol; writes {@code DIR/results.csv}. */
@Command(name = "evaluate", description = "Compare detectors on labelled CSV files: stratified split per seed, "
        + "optional swap noise, fit on the training part, score the test part.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, split = ",", paramLabel = "KEY[,KEY...]", description = "Registry keys.")
    List<String> models;

    @Option(names = "--data", required = true, split = ",", paramLabel = "FILE[,FILE...]",
            description = "CSV files with a label column.")
    List<Path> data;

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "Test part (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--noise", defaultValue = "0", description = "Swap-noise rate for the training part "
            + "(METHOD.md §5; default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--label-column", defaultValue = "label", description = "Label column (default: ${DEFAULT-VALUE}).")
    String labelColumn;

    @Option(names = "--epochs", paramLabel = "N", description = "Epoch budget of the models that train in epochs.")
    Integer epochs;

    @Option(names = "--no-early-stop", description = "Train for the whole epoch budget.")
    boolean noEarlyStop;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Cells run at the same time "
            + "(default: the number of cores; scores do not depend on it).")
    Integer threads;

    @Override
    public Integer call() {
        EvaluationProtocol protocol = new EvaluationProtocol(testFraction, noise, seeds, labelColumn);
        run(models, data, protocol, epochs, noEarlyStop, threads, out, common);
        return 0;
    }

    /** Runs an evaluation, prints its table on stdout and writes {@code out/results.csv}. */
    static List<CellResult> run(List<String> models, List<Path> data, EvaluationProtocol protocol, Integer epochs,
            boolean noEarlyStop, Integer threads, Path out, CommonOptions common) {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new SgmException("--threads must be ≥ 1, got " + workers);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new SgmException("--out " + out + " exists and is not a directory");
        }
        for (Path p : data) {
            if (!Files.isRegularFile(p)) {
                throw new SgmException(p + ": data file not found");
            }
        }
        Map<String, JsonNode> overrides = new LinkedHashMap<>();
        for (String m : models) {
            DetectorProvider<?> provider = SgmMain.registry().get(m);
            overrides.put(m, TrainingOverrides.build(provider, null, epochs, noEarlyStop));
        }
        List<CellResult> results = new Evaluation(SgmMain.registry())
                .run(data, models, overrides, protocol, workers, line -> common.progress().println("sgm: " + line));
        Path csv = out.resolve("results.csv");
        ResultsTable.writeCsv(results, csv);
        System.out.print(ResultsTable.format(results));
        common.progress().println("sgm: wrote " + csv);
        return results;
    }
}
