package org.sgm.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sgm.core.SgmException;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.experiment.CellStore;
import org.sgm.eval.experiment.ExperimentException;
import org.sgm.eval.experiment.ExperimentRunner;
import org.sgm.eval.experiment.ExperimentSpec;
import org.sgm.eval.report.ExperimentReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sgm experiment run|report}: resumable experiments from a JSON spec (docs/experiments.md). */
@Command(name = "experiment", description = "Run an experiment from a JSON spec into a directory (resumable), "
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

        @Override
        public Integer call() {
            if (threads != null && threads < 1) {
                throw new SgmException("--threads must be ≥ 1, got " + threads);
            }
            ExperimentRunner.Summary s = ExperimentRunner.run(specFile, out, threads, SgmMain.registry(),
                    line -> common.progress().println("sgm: " + line), only);
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
            readSpec(dir); // an experiment directory?
            List<CellRecord> cells = CellStore.readAll(dir);
            if (cells.isEmpty()) {
                throw new ExperimentException(dir + ": no finished cells in " + dir.resolve(CellStore.CELLS));
            }
            writeReport(dir, cells, common);
            return 0;
        }
    }

    /** @return {@code DIR/spec.json} */
    static JsonNode readSpec(Path dir) {
        Path file = dir.resolve("spec.json");
        try {
            return HyperparameterJson.mapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ExperimentException(dir + " is not an experiment directory (it has no spec.json; "
                    + "`sgm experiment run SPEC.json --out DIR` makes one)");
        } catch (IOException e) {
            throw new ExperimentException(file + ": cannot read it as JSON: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
    }

    private static void writeReport(Path dir, List<CellRecord> cells, CommonOptions common) {
        JsonNode spec = readSpec(dir);
        List<String> planned = ExperimentSpec.fromJson(spec, dir.resolve("spec.json").toString()).cellIds();
        java.util.Set<String> have = new java.util.HashSet<>();
        cells.forEach(c -> have.add(c.id()));
        long missing = planned.stream().filter(id -> !have.contains(id)).count();
        if (missing > 0) {
            common.progress().printf(Locale.ROOT, "sgm: warning: %d of the spec's %d cells are not finished; the"
                    + " report covers the %d cell file(s) there are (run the experiment again to finish the others)%n",
                    missing, planned.size(), cells.size());
        }
        ExperimentReport.write(spec, cells, dir);
        common.progress().println("sgm: wrote the report to " + dir);
    }
}
