package org.sgm.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.sgm.core.SgmException;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.io.AtomicFiles;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.experiment.ExperimentException;
import org.sgm.eval.experiment.ExperimentSpec;

/**
 * Turns the finished cells of an experiment into its report files: {@code results.csv}, {@code results.json},
 * {@code summary.md} and {@code report.html} with its PNG plots inlined (each plot also in {@code plots/}). See {@code docs/report.md} for what each
 * file, plot and statistic is.
 *
 * <p>The output depends only on the cells (and the spec), not on their order: datasets, models and seeds are sorted.
 * Each file is written atomically. Memory: the cells are held by the caller; the report adds one dataset × model's
 * pooled scores at a time plus the encoded images.
 */
public final class ExperimentReport {
    static {
        // The plots are drawn off-screen; without a display AWT must run headless. Set before any AWT class starts
        // its graphics environment, unless the application chose otherwise.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The file names written. */
    public static final String CSV = "results.csv";
    /** The JSON results. */
    public static final String JSON = "results.json";
    /** The Markdown summary. */
    public static final String SUMMARY = "summary.md";
    /** The self-contained HTML report. */
    public static final String HTML = "report.html";
    /** The directory the report's plots are also written to, one PNG each (for publishing them elsewhere). */
    public static final String PLOTS = "plots";

    private ExperimentReport() {}

    /**
     * Writes the report of an experiment directory, as {@code sgm experiment run} does after its cells: from
     * {@code DIR/spec.json} and the given cells, with a warning when cells of the spec are not finished.
     *
     * @param dir an experiment directory (with {@code spec.json})
     * @param cells its finished cells
     * @param messages receives the warning and a last line naming {@code dir}, each without the {@code sgm: } prefix
     * @throws SgmException as {@link #write}, or if {@code dir} holds no readable {@code spec.json}
     */
    public static void writeForDirectory(Path dir, List<CellRecord> cells, Consumer<String> messages) {
        JsonNode spec = readSpec(dir);
        List<String> planned = ExperimentSpec.fromJson(spec, dir.resolve("spec.json").toString()).cellIds();
        Set<String> have = new HashSet<>();
        cells.forEach(c -> have.add(c.id()));
        long missing = planned.stream().filter(id -> !have.contains(id)).count();
        if (missing > 0) {
            messages.accept(String.format(Locale.ROOT, "warning: %d of the spec's %d cells are not finished;"
                    + " the report covers the %d cell file(s) there are (run the experiment again to finish the"
                    + " others)", missing, planned.size(), cells.size()));
        }
        write(spec, cells, dir);
        messages.accept("wrote the report to " + dir);
    }

    /**
     * @param dir an experiment directory
     * @return its {@code spec.json}
     * @throws ExperimentException if there is none or it is not JSON
     */
    public static JsonNode readSpec(Path dir) {
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

    /**
     * @param spec the experiment's spec as JSON: {@code name} (default {@code experiment}) and {@code metrics} (the
     *     metric names to report, default all of {@code roc_auc, average_precision, precision_at_n, best_f1,
     *     f1_at_contamination}); other fields are shown in the HTML report only
     * @param cells the finished cells, in any order
     * @param dir the directory to write into (created if missing); every file is written atomically
     * @throws SgmException if there are no cells, a metric name is unknown, two cells share dataset, model and seed,
     *     or a file cannot be written
     */
    public static void write(JsonNode spec, List<CellRecord> cells, Path dir) {
        if (cells == null || cells.isEmpty()) {
            throw new SgmException("report: no finished cells to report in " + dir);
        }
        ReportData data = ReportData.of(spec, cells);
        ResultsFiles.writeCsv(data, dir.resolve(CSV));
        ResultsFiles.writeJson(data, spec, dir.resolve(JSON));
        AtomicFiles.writeString(dir.resolve(SUMMARY), SummaryTables.markdown(data));
        Path plots = dir.resolve(PLOTS);
        String html = HtmlReport.render(data, spec, (name, png) -> {
            try {
                Files.createDirectories(plots);
            } catch (IOException e) {
                throw new SgmException(plots + ": cannot create the directory: " + e.getMessage(), e);
            }
            AtomicFiles.write(plots.resolve(name), out -> out.write(png));
        });
        AtomicFiles.writeString(dir.resolve(HTML), html);
    }
}
