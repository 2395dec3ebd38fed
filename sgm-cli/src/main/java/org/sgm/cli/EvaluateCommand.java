package org.sgm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sgm.core.DetectorProvider;
import org.sgm.core.SgmException;
import org.sgm.core.data.InvalidDataException;
import org.sgm.data.BuiltinDatasets;
import org.sgm.data.Imputation;
import org.sgm.data.LabelValues;
import org.sgm.data.PreprocessingOptions;
import org.sgm.eval.Evaluation;
import org.sgm.eval.EvaluationProtocol;
import org.sgm.eval.EvaluationTable;
import org.sgm.eval.experiment.CellRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sgm evaluate}: every dataset × model × seed under one protocol; writes {@code DIR/results.csv}. */
@Command(name = "evaluate", description = "Compare detectors on labelled data: split per seed by the protocol, "
        + "optional swap noise, fit on the training part, score the test part.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, split = ",", paramLabel = "KEY[,KEY...]", description = "Registry keys.")
    List<String> models;

    @Option(names = "--data", required = true, split = ",", paramLabel = "FILE[,FILE...]",
            description = "Labelled data: CSV, ARFF, .npz or .mat files, or builtin:NAME (see `sgm datasets`).")
    List<String> data;

    @Option(names = "--protocol", defaultValue = "stratified", paramLabel = "NAME",
            description = "stratified (train/test by --test-fraction), paper (stratified 60/20/20, 1%% swap noise), "
                    + "adbench (stratified 70/30), pyod (random 60/40), clean (half the normals train); "
                    + "default: ${DEFAULT-VALUE}. See docs/data.md.")
    String protocol;

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Test part of the stratified protocol (default: 0.2).")
    Double testFraction;

    @Option(names = "--noise", paramLabel = "R", description = "Swap-noise rate for the training part "
            + "(METHOD.md §5; default: the protocol's, 0.01 for paper, else 0).")
    Double noise;

    @Option(names = "--train-anomaly-rate", paramLabel = "R",
            description = "Subsample each training part to this anomaly rate (METHOD.md §5); test untouched.")
    Double trainAnomalyRate;

    @Mixin
    InputOptions input;

    @Option(names = "--anomaly-value", split = ",", paramLabel = "V[,V...]",
            description = "Label values that mark an anomaly, for labels other than 0/1 (e.g. bad); any other value "
                    + "is normal.")
    List<String> anomalyValues;

    @Mixin
    PreprocessingFlags preprocessing;

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
        PreprocessingOptions pre = preprocessing.options();
        EvaluationProtocol p = EvaluationProtocol.of(EvaluationProtocol.Kind.parse(protocol), seeds)
                .withRead(input.read(pre.imputation() != Imputation.NONE).withLabels(anomalyValues == null
                        ? LabelValues.standard() : LabelValues.anomalies(anomalyValues)))
                .withPreprocessing(pre);
        if (testFraction != null) {
            p = p.withTestFraction(testFraction);
        }
        if (noise != null) {
            p = p.withNoise(noise);
        }
        if (trainAnomalyRate != null) {
            p = p.withTrainAnomalyRate(trainAnomalyRate);
        }
        run(models, data, p, epochs, noEarlyStop, threads, out, common);
        return 0;
    }

    /** Runs an evaluation, prints its table on stdout and writes {@code out/results.csv}. */
    static List<CellRecord> run(List<String> models, List<String> data, EvaluationProtocol protocol, Integer epochs,
            boolean noEarlyStop, Integer threads, Path out, CommonOptions common) {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new SgmException("--threads must be ≥ 1, got " + workers);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new SgmException("--out " + out + " exists and is not a directory");
        }
        for (String source : data) {
            if (!BuiltinDatasets.isBuiltin(source) && !Files.isRegularFile(Path.of(source))) {
                throw new InvalidDataException(source + ": data file not found");
            }
        }
        Map<String, JsonNode> overrides = new LinkedHashMap<>();
        for (String m : models) {
            DetectorProvider<?> provider = SgmMain.registry().get(m);
            overrides.put(m, TrainingOverrides.build(provider, null, epochs, noEarlyStop));
        }
        ProgressBar bar = common.progressBar();
        // Announced once the data is read and checked, so that a refused input stays a one-line error.
        Runnable announce = () -> bar.println("sgm: protocol " + protocol.kind().key() + ": "
                + protocol.kind().description() + String.format(Locale.ROOT, "; noise %s",
                        protocol.noiseRate())
                + (Double.isNaN(protocol.trainAnomalyRate()) ? ""
                        : "; training anomaly rate " + protocol.trainAnomalyRate()));
        List<CellRecord> results;
        try {
            results = new Evaluation(SgmMain.registry()).run(data, models, overrides, protocol, workers,
                    bar.cellLines(), announce);
        } finally {
            bar.finish();
        }
        Path csv = out.resolve("results.csv");
        EvaluationTable.writeCsv(results, csv);
        System.out.print(EvaluationTable.format(results));
        common.progress().println("sgm: wrote " + csv);
        return results;
    }
}
