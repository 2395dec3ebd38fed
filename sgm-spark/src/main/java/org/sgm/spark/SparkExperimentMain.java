package org.sgm.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.eval.experiment.CellStore;
import org.sgm.eval.experiment.ExperimentException;
import org.sgm.eval.experiment.ExperimentRunner;
import org.sgm.eval.experiment.ExperimentSpec;
import org.sgm.eval.report.ExperimentReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sgm experiment run SPEC.json --out DIR --spark-master URL}: the experiment runner with its cells run as
 * Spark tasks ({@link SparkCellExecutor}); the directory, resume, refusals, progress, failures and the report are
 * those of the local {@code sgm experiment run} (docs/experiments.md). The {@code ./sgm} launcher runs this class
 * for that command line; on a cluster, {@code spark-submit --class org.sgm.spark.SparkExperimentMain} runs it from
 * the cluster jar (docs/spark.md).
 *
 * <p>The detectors known here are those of every detector module on the classpath
 * ({@code DetectorRegistry.discover()}, the same registry the executors use); a spec naming any other is refused before
 * anything runs.
 */
@Command(name = "sgm experiment run", mixinStandardHelpOptions = true, versionProvider = SparkScoreMain.Version.class,
        description = "Run every dataset × detector × seed cell of SPEC.json not yet in DIR as Spark tasks (each "
                + "finished cell is saved at once, so an interrupted run resumes; the cells equal a local run's), "
                + "then write the report.")
public final class SparkExperimentMain implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC.json", description = "The experiment spec.")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Experiment directory: spec.json, "
            + "cells/, the report (on a cluster: a path every executor sees, on a shared filesystem).")
    Path out;

    @Option(names = "--spark-master", paramLabel = "URL", description = "Spark master, e.g. local[2] or "
            + "spark://host:7077 (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--only", split = ",", paramLabel = "MODEL", description = "Run now only these detectors' "
            + "cells (names as in the spec); the rest stay for a later run into the same DIR.")
    List<String> only = new ArrayList<>();

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    @Override
    public Integer call() {
        DetectorRegistry registry = ModelCache.registry();
        refuseUnknownDetectors(ExperimentSpec.read(specFile), registry);
        SparkConf conf = new SparkConf().setAppName("sgm experiment run " + specFile.getFileName());
        String chosen = master != null ? master : conf.get("spark.master", "local[*]");
        conf.setMaster(chosen);
        if (chosen.startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        conf.set("spark.ui.showConsoleProgress", "false"); // the progress lines are SGM's, one per cell
        long t0 = System.nanoTime();
        SparkScorer.requireSupportedJava();
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        ExperimentRunner.Summary s;
        try {
            s = run(spark, specFile, out, only, line -> say(line));
        } finally {
            spark.stop();
        }
        say(String.format(Locale.ROOT, "%d cells finished (%d now, %d before) in %s (%.1f s on Spark, master %s)",
                s.total(), s.ran(), s.skipped(), out.resolve(CellStore.CELLS), (System.nanoTime() - t0) / 1e9,
                chosen));
        ExperimentReport.writeForDirectory(out, s.cells(), this::say);
        return 0;
    }

    private void say(String line) {
        if (!quiet) {
            System.err.println("sgm: " + line);
        }
    }

    /**
     * Runs an experiment's unfinished cells on Spark into {@code dir} (without the report).
     *
     * @param spark the session
     * @param specFile the spec
     * @param dir the experiment directory
     * @param onlyModels model names of the spec to run now (empty: all)
     * @param progress receives the progress lines
     * @return what the run did
     */
    public static ExperimentRunner.Summary run(SparkSession spark, Path specFile, Path dir, List<String> onlyModels,
            Consumer<String> progress) {
        DetectorRegistry registry = ModelCache.registry();
        refuseUnknownDetectors(ExperimentSpec.read(specFile), registry);
        Path specDir = specFile.toAbsolutePath().getParent();
        return ExperimentRunner.run(specFile, dir, registry, progress, onlyModels,
                spec -> new SparkCellExecutor(spark.sparkContext(), specDir));
    }

    /** Names the detectors Spark's tasks cannot create: no detector module on the classpath registers them. */
    private static void refuseUnknownDetectors(ExperimentSpec spec, DetectorRegistry registry) {
        List<String> unknown = spec.detectors().stream().map(ExperimentSpec.DetectorSpec::key)
                .filter(k -> !registry.providers().containsKey(k)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new ExperimentException("detectors: " + String.join(", ", unknown) + (unknown.size() == 1 ? " is"
                    : " are") + " not registered on this classpath (known: " + String.join(", ",
                    registry.providers().keySet()) + "); add the jar whose META-INF/services lists the detector's module"
                    + " (e.g. sgm-examples for sg-vae) to the Spark application, e.g. with --jars");
        }
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command without exiting (for tests).
     *
     * @param args the command line
     * @return the exit status
     */
    public static int execute(String... args) {
        return SparkScoreMain.execute(new SparkExperimentMain(), "sgm experiment run", args);
    }
}
