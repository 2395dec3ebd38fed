package org.sgm.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sgm.core.io.AtomicFiles;

/** Aggregates cell results into mean ± std per dataset and model, and writes {@code results.csv}. */
public final class ResultsTable {
    private ResultsTable() {}

    /**
     * Writes {@code results.csv} atomically.
     *
     * @param results the cells
     * @param file the destination
     */
    public static void writeCsv(List<CellResult> results, Path file) {
        StringBuilder sb = new StringBuilder(CellResult.CSV_HEADER).append('\n');
        results.forEach(r -> sb.append(r.toCsv()).append('\n'));
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * @param results the cells
     * @return a plain-text table: one row per dataset and model, mean ± sample std over seeds
     */
    public static String format(List<CellResult> results) {
        Map<String, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult r : results) {
            groups.computeIfAbsent(r.dataset() + "\u0000" + r.model(), k -> new ArrayList<>()).add(r);
        }
        int dw = Math.max(7, results.stream().mapToInt(r -> r.dataset().length()).max().orElse(0));
        int mw = Math.max(5, results.stream().mapToInt(r -> r.model().length()).max().orElse(0));
        String fmt = "%-" + dw + "s  %-" + mw + "s  %5s  %-15s  %-15s  %8s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, fmt, "dataset", "model", "seeds", "ROC-AUC", "AP", "fit s"));
        for (List<CellResult> g : groups.values()) {
            double[] auc = g.stream().mapToDouble(CellResult::rocAuc).toArray();
            double[] ap = g.stream().mapToDouble(CellResult::averagePrecision).toArray();
            double[] fit = g.stream().mapToDouble(CellResult::fitSeconds).toArray();
            sb.append(String.format(Locale.ROOT, fmt, g.get(0).dataset(), g.get(0).model(), g.size(),
                    meanStd(auc), meanStd(ap), String.format(Locale.ROOT, "%.2f", mean(fit))));
        }
        return sb.toString();
    }

    static String meanStd(double[] v) {
        return String.format(Locale.ROOT, "%.4f ± %.4f", mean(v), std(v));
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /**
     * @param v values
     * @return the sample standard deviation (n − 1), 0 for one value
     */
    static double std(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
