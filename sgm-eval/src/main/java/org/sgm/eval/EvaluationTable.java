package org.sgm.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sgm.core.io.AtomicFiles;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.stats.MeanStd;

/**
 * {@code sgm evaluate}'s output: mean ± std per dataset and model on the console, and {@code results.csv} (the
 * experiment report's tables are {@code report.SummaryTables}).
 */
public final class EvaluationTable {
    /** The header of {@code results.csv}. */
    public static final String CSV_HEADER = "dataset,model,seed,roc_auc,average_precision,fit_seconds,score_seconds";

    private EvaluationTable() {}

    private static double rocAuc(CellRecord r) {
        Double v = r.metrics().get("roc_auc");
        return v == null ? Double.NaN : v;
    }

    private static double averagePrecision(CellRecord r) {
        Double v = r.metrics().get("average_precision");
        return v == null ? Double.NaN : v;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /**
     * Writes {@code results.csv} atomically.
     *
     * @param results the cells
     * @param file the destination
     */
    public static void writeCsv(List<CellRecord> results, Path file) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        results.forEach(r -> sb.append(String.join(",", r.dataset(), r.model(), Long.toString(r.seed()),
                fmt(rocAuc(r)), fmt(averagePrecision(r)), fmt(r.fitSeconds()), fmt(r.scoreSeconds()))).append('\n'));
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * @param results the cells
     * @return a plain-text table: one row per dataset and model, mean ± sample std over seeds
     */
    public static String format(List<CellRecord> results) {
        Map<String, List<CellRecord>> groups = new LinkedHashMap<>();
        for (CellRecord r : results) {
            groups.computeIfAbsent(r.dataset() + "\u0000" + r.model(), k -> new ArrayList<>()).add(r);
        }
        int dw = Math.max(7, results.stream().mapToInt(r -> r.dataset().length()).max().orElse(0));
        int mw = Math.max(5, results.stream().mapToInt(r -> r.model().length()).max().orElse(0));
        String fmt = "%-" + dw + "s  %-" + mw + "s  %5s  %-15s  %-15s  %8s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, fmt, "dataset", "model", "seeds", "ROC-AUC", "AP", "fit s"));
        for (List<CellRecord> g : groups.values()) {
            double[] auc = g.stream().mapToDouble(EvaluationTable::rocAuc).toArray();
            double[] ap = g.stream().mapToDouble(EvaluationTable::averagePrecision).toArray();
            double[] fit = g.stream().mapToDouble(CellRecord::fitSeconds).toArray();
            sb.append(String.format(Locale.ROOT, fmt, g.get(0).dataset(), g.get(0).model(), g.size(),
                    MeanStd.of(auc).format(4), MeanStd.of(ap).format(4),
                    String.format(Locale.ROOT, "%.2f", MeanStd.of(fit).mean())));
        }
        return sb.toString();
    }
}
