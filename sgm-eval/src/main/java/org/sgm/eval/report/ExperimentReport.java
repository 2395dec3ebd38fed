package org.sgm.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.sgm.eval.experiment.CellRecord;

/**
 * Turns the finished cells of an experiment into its report files: {@code results.csv}, {@code results.json},
 * {@code summary.md} and {@code report.html} with its PNG plots.
 */
public final class ExperimentReport {
    private ExperimentReport() {}

    /**
     * @param spec the experiment's spec as JSON (its name, its list of metrics)
     * @param cells the finished cells, in any order
     * @param dir the directory to write into (created if missing); every file is written atomically
     */
    public static void write(JsonNode spec, List<CellRecord> cells, Path dir) {
        throw new UnsupportedOperationException("the report is being written (issue #5)");
    }
}
