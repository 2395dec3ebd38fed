package org.sgm.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sgm.eval.experiment.CellRecord;

/**
 * Writes a demo report from synthetic cells, to look at the pictures:
 * {@code java -cp <test classpath> org.sgm.eval.report.ReportDemo OUT_DIR [datasets models seeds rows]}
 * (bench/screenshot-report.sh builds the classpath and runs it).
 */
public final class ReportDemo {
    private static final String[] MODELS = {"ae", "sg-ae", "dsvdd", "sg-dsvdd", "rda", "sg-rda", "rsrae", "sg-rsrae",
        "dagmm", "sg-dagmm", "ocsvm", "iforest", "knn", "lof", "hbos"};

    private ReportDemo() {}

    /**
     * @param args output directory, then optionally the number of datasets, models (≤ 15), seeds and test rows
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/report-demo");
        int datasets = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int models = args.length > 2 ? Math.min(MODELS.length, Integer.parseInt(args[2])) : 8;
        int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int rows = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
        List<CellRecord> cells = new ArrayList<>();
        for (int d = 0; d < datasets; d++) {
            for (int m = 0; m < models; m++) {
                // Datasets differ in difficulty; SG models get a wider gap than their plain twin.
                double sep = 0.8 + 0.6 * ((d * 7 + m * 3) % 5) / 4.0 + (MODELS[m].startsWith("sg-") ? 1.0 : 0);
                boolean deep = m < 10;
                for (long s = 1; s <= seeds; s++) {
                    cells.add(SyntheticCells.cell(String.format("dataset-%02d", d), MODELS[m], s, rows,
                            0.02 + 0.03 * (d % 4), sep, deep ? 30 : 0, true));
                }
            }
        }
        long t0 = System.nanoTime();
        ExperimentReport.write(new ObjectMapper().readTree("{\"name\":\"demo (synthetic cells)\"}"), cells, out);
        System.out.printf("%d cells -> %s in %.1f s%n", cells.size(), out.toAbsolutePath(),
                (System.nanoTime() - t0) / 1e9);
    }
}
