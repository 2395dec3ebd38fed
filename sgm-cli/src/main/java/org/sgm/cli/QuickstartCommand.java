package org.sgm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sgm.data.BuiltinDatasets;
import org.sgm.eval.EvaluationProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sgm quickstart}: every registered detector on the bundled datasets (cardio, thyroid, wbc; see
 * {@code sgm datasets} for their citation) × 3 seeds, with the paper's 1 % swap noise. Every model trains with its
 * own defaults (the automatic step budget), as {@code sgm evaluate} does, unless {@code --epochs} sets a budget.
 */
@Command(name = "quickstart", description = "Run every registered detector on the bundled datasets "
        + "(cardio, thyroid, wbc) × 3 seeds; print the table and write results under --out.")
final class QuickstartCommand implements Callable<Integer> {
    /** The bundled datasets it runs on (see {@link BuiltinDatasets}). */
    static final List<String> DATASETS = List.of("cardio", "thyroid", "wbc");
    @Mixin
    CommonOptions common;

    @Option(names = "--out", defaultValue = "sgm-out", paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epoch budget of every model that trains in epochs (default: each model's own).")
    Integer epochs;

    @Option(names = "--threads", paramLabel = "N", description = "Cells run at the same time (default: cores).")
    Integer threads;

    @Override
    public Integer call() {
        List<String> sources = DATASETS.stream().map(name -> BuiltinDatasets.get(name).source()).toList();
        List<String> models = new ArrayList<>(SgmMain.registry().providers().keySet());
        common.progress().println("sgm: quickstart: " + models.size() + " detectors × " + DATASETS.size()
                + " datasets × " + seeds + " seeds, 20 % test, 1 % swap noise, "
                + (epochs == null ? "every model at its default budget" : epochs + " epochs per model"));
        EvaluateCommand.run(models, sources, new EvaluationProtocol(0.2, 0.01, seeds, "label"), epochs, false, threads,
                out, common);
        return 0;
    }
}
