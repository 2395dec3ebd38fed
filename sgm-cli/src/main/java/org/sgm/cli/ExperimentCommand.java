package org.sgm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sgm.core.SgmException;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.experiment.CellStore;
import org.sgm.eval.experiment.ExperimentException;
import org.sgm.eval.experiment.ExperimentRunner;
import org.sgm.eval.report.ExperimentReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sgm experiment run|report}: resumable experiments from a JSON spec (docs/experiments.md). */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run an experiment from a JSON spec into a directory (resumable), "
        + "or write its report. See docs/experiments.md.",
        subcommands = {ExperimentCommand.Run.class, ExperimentCommand.Report.class})
final class ExperimentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run or report");
    }

    /** {@code sgm experiment run SPEC.json --out DIR}. */
    @Command(name = "run", description = "Run every dataset × detector × seed cell of SPEC.json not yet in DIR "
            + "(each finished cell is saved at once, so an interrupted run resumes), then write the report.")
    static final class Run implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "SPEC.json", description = "The experiment spec.")
        Path specFile;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Experiment directory: spec.json, cells/, the report.")
        Path out;

        @Option(names = "--threads", paramLabel = "N", description = "Cells run at the same time (default: the "
                + "spec's threads, else the number of cores; results do not depend on it).")
        Integer threads;

        @Option(names = "--only", split = ",", paramLabel = "MODEL", description = "Run now only these detectors' "
                + "cells (names as in the spec); the rest stay for a later run into the same DIR.")
        List<String> only = new ArrayList<>();

        @Option(names = "--spark-master", paramLabel = "URL", description = "Run the cells as Spark tasks (sgm-spark;"
                + " the ./sgm launcher routes the command there, see docs/spark.md).")
        String sparkMaster;

        @Override
        public Integer call() {
            if (sparkMaster != null) {
                throw new SgmException("--spark-master: the distributed grid runs in sgm-spark, which is not on this"
                        + " program's classpath; run it through the ./sgm launcher (it routes `experiment run ..."
                        + " --spark-master` there) or spark-submit --class org.sgm.spark.SparkExperimentMain (docs/spark.md)");
            }
            if (threads != null && threads < 1) {
                throw new SgmException("--threads must be ≥ 1, got " + threads);
            }
            ProgressBar bar = common.progressBar();
            ExperimentRunner.Summary s;
            try {
                s = ExperimentRunner.run(specFile, out, threads, SgmMain.registry(), bar.cellLines(), only);
            } finally {
                bar.finish();
            }
            common.progress().printf(Locale.ROOT, "sgm: %d cells finished (%d now, %d before) in %s%n", s.total(),
                    s.ran(), s.skipped(), out.resolve(CellStore.CELLS));
            writeReport(out, s.cells(), common);
            return 0;
        }
    }

    /** {@code sgm experiment report DIR}. */
    @Command(name = "report", description = "Write the report of the cells finished in DIR (results, summary, "
            + "plots).")
    static final class Report implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "DIR", description = "An experiment directory.")
        Path dir;

        @Override
        public Integer call() {
            ExperimentReport.readSpec(dir); // an experiment directory?
            List<CellRecord> cells = CellStore.readAll(dir);
            if (cells.isEmpty()) {
                throw new ExperimentException(dir + ": no finished cells in " + dir.resolve(CellStore.CELLS));
            }
            writeReport(dir, cells, common);
            return 0;
        }
    }

    private static void writeReport(Path dir, List<CellRecord> cells, CommonOptions common) {
        ExperimentReport.writeForDirectory(dir, cells, line -> common.progress().println("sgm: " + line));
    }
}
