package org.sgm.eval.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sgm.eval.metrics.Metric;
import org.sgm.eval.report.ReportData.Comparison;
import org.sgm.eval.report.ReportData.MetricStats;
import org.sgm.eval.stats.MeanStd;
import org.sgm.eval.stats.Nemenyi;

/**
 * The summary's content as plain tables and notes, rendered by {@link #markdown} into {@code summary.md} and by
 * {@link HtmlReport} into {@code report.html}, so both say the same thing.
 */
final class SummaryTables {
    private SummaryTables() {}

    /** One table cell: its text and whether it is emphasised (the best value of a row). */
    record Cell(String text, boolean bold) {
        static Cell of(String text) {
            return new Cell(text, false);
        }
    }

    /**
     * A titled table with notes under it.
     *
     * @param title the heading
     * @param header the column names
     * @param rows the rows
     * @param notes sentences printed after the table
     */
    record Table(String title, List<String> header, List<List<Cell>> rows, List<String> notes) {}

    /** @return per metric: the mean ± std table with ranks, and the SG-X vs X table */
    static List<Table> tables(ReportData data) {
        List<Table> out = new ArrayList<>();
        int maxSeeds = data.seeds.size();
        for (Metric metric : data.metrics) {
            MetricStats s = data.stats.get(metric);
            List<String> header = new ArrayList<>();
            header.add("dataset");
            header.addAll(data.models);
            List<List<Cell>> rows = new ArrayList<>();
            for (String d : data.datasets) {
                List<Cell> row = new ArrayList<>();
                row.add(Cell.of(d));
                double best = data.models.stream().mapToDouble(m -> data.summary.get(metric).get(d).get(m).mean())
                        .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
                int complete = s.datasets().indexOf(d);
                for (int j = 0; j < data.models.size(); j++) {
                    MeanStd ms = data.summary.get(metric).get(d).get(data.models.get(j));
                    String text = ms.format(4);
                    if (ms.n() > 0 && ms.n() < maxSeeds) {
                        text += " [n=" + ms.n() + "]";
                    }
                    if (complete >= 0) {
                        text += " (" + rank(s.ranks()[complete][j]) + ")";
                    }
                    row.add(new Cell(text, ms.n() > 0 && ms.mean() == best));
                }
                rows.add(row);
            }
            if (s.averageRanks() != null) {
                // the mean over the same datasets the ranks use (those where every model has a value)
                double[] means = new double[data.models.size()];
                for (int j = 0; j < means.length; j++) {
                    String m = data.models.get(j);
                    means[j] = s.datasets().stream().mapToDouble(d -> data.summary.get(metric).get(d).get(m).mean())
                            .average().orElse(Double.NaN);
                }
                double bestMean = Arrays.stream(means).max().orElse(Double.NaN);
                List<Cell> meanRow = new ArrayList<>();
                meanRow.add(new Cell("mean over datasets", true));
                for (double v : means) {
                    meanRow.add(new Cell(String.format(Locale.ROOT, "%.4f", v), v == bestMean));
                }
                rows.add(meanRow);
                List<Cell> row = new ArrayList<>();
                row.add(new Cell("average rank", true));
                double bestRank = Arrays.stream(s.averageRanks()).min().orElse(Double.NaN);
                for (double r : s.averageRanks()) {
                    row.add(new Cell(String.format(Locale.ROOT, "%.2f", r), r == bestRank));
                }
                rows.add(row);
            }
            List<String> notes = new ArrayList<>();
            notes.add("Mean ± sample standard deviation over seeds (" + maxSeeds + " seed" + (maxSeeds == 1 ? "" : "s")
                    + "); bold = best mean of the dataset; (r) = the model's rank on the dataset, 1 = best, ties"
                    + " share the average rank; [n=…] = fewer seeds than the experiment ran.");
            notes.add(friedmanNote(s, data.models.size()));
            out.add(new Table(metric.label() + " (" + metric.key() + ")", header, rows, notes));
            if (!s.wilcoxon().isEmpty()) {
                out.add(wilcoxonTable(metric, s));
            }
        }
        return out;
    }

    private static String friedmanNote(MetricStats s, int k) {
        if (s.averageRanks() == null) {
            return "No dataset has a value for every model, so there are no ranks.";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Ranks over the %d dataset%s every model has a value on.",
                s.datasets().size(), s.datasets().size() == 1 ? "" : "s"));
        if (s.friedman() != null) {
            sb.append(String.format(Locale.ROOT,
                    " Friedman test: χ²_F = %.3f (p %s), Iman–Davenport F_F = %.3f (p %s), k = %d, N = %d.",
                    s.friedman().chiSquare(), pIs(s.friedman().pChiSquare()), s.friedman().imanDavenportF(),
                    pIs(s.friedman().pImanDavenport()), s.friedman().k(), s.friedman().n()));
        } else {
            sb.append(" The Friedman test needs at least 2 models and 2 complete datasets.");
        }
        if (!Double.isNaN(s.criticalDifference())) {
            sb.append(String.format(Locale.ROOT, " Nemenyi critical difference at α = 0.05: CD = %.3f (q = %.3f).",
                    s.criticalDifference(), Nemenyi.q05(k)));
        }
        return sb.toString();
    }

    private static Table wilcoxonTable(Metric metric, MetricStats s) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Comparison c : s.wilcoxon()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(c.model()));
            row.add(Cell.of(c.baseline()));
            if (c.test() == null) {
                row.add(Cell.of("0"));
                for (int i = 0; i < 4; i++) {
                    row.add(Cell.of("n/a"));
                }
            } else {
                boolean sig = c.pHolm() < Nemenyi.ALPHA;
                row.add(Cell.of(Integer.toString(c.test().n())));
                row.add(Cell.of(c.test().wins() + "/" + c.test().ties() + "/" + c.test().losses()));
                row.add(Cell.of(String.format(Locale.ROOT, "%.1f", c.test().statistic())));
                row.add(Cell.of(p(c.test().p())));
                row.add(new Cell(p(c.pHolm()) + (sig ? " *" : ""), sig));
            }
            rows.add(row);
        }
        List<String> notes = List.of("Two-sided Wilcoxon signed-rank test of SG-X against X on the per-dataset means,"
                + " paired over the datasets where both have a value; W/T/L = datasets where SG-X is better / equal /"
                + " worse; W⁺ = rank sum of the datasets where SG-X is better; p_Holm = Holm's step-down adjustment"
                + " over the " + s.wilcoxon().size() + " pair" + (s.wilcoxon().size() == 1 ? "" : "s")
                + " of this metric; * = significant at α = 0.05.");
        return new Table(metric.label() + ": SG-X vs X", List.of("SG-X", "X", "datasets", "W/T/L", "W⁺", "p",
                "p_Holm"), rows, notes);
    }

    /** @return the missing-cells note, or null if the grid is complete */
    static String missingNote(ReportData data) {
        if (data.missing.isEmpty()) {
            return null;
        }
        String list = data.missing.stream()
                .map(m -> m.dataset() + " × " + m.model() + " (" + m.seeds().size() + " of " + data.seeds.size()
                        + (m.seeds().isEmpty() ? "" : ": seeds " + m.seeds().stream().map(String::valueOf)
                                .collect(Collectors.joining(", "))) + ")")
                .collect(Collectors.joining("; "));
        return "The grid is incomplete: " + data.missing.size() + " dataset × model combination"
                + (data.missing.size() == 1 ? " has" : "s have") + " fewer seeds than the " + data.seeds.size()
                + " of the experiment: " + list + ".";
    }

    /** @return the whole {@code summary.md} */
    static String markdown(ReportData data) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(data.name).append("\n\n");
        sb.append(data.datasets.size()).append(" datasets × ").append(data.models.size()).append(" models × ")
                .append(data.seeds.size()).append(" seeds (").append(data.seeds.stream().map(String::valueOf)
                        .collect(Collectors.joining(", "))).append("); ")
                .append(data.cells.values().stream().mapToInt(m -> m.values().stream().mapToInt(List::size).sum())
                        .sum())
                .append(" cells.\n\n");
        String missing = missingNote(data);
        if (missing != null) {
            sb.append("**Incomplete.** ").append(missing).append("\n\n");
        }
        for (Table t : tables(data)) {
            sb.append("## ").append(t.title()).append("\n\n");
            sb.append("| ").append(t.header().stream().map(SummaryTables::md).collect(Collectors.joining(" | ")))
                    .append(" |\n");
            sb.append("|").append(" --- |".repeat(t.header().size())).append('\n');
            for (List<Cell> row : t.rows()) {
                sb.append("| ").append(row.stream().map(c -> c.bold() ? "**" + md(c.text()) + "**" : md(c.text()))
                        .collect(Collectors.joining(" | "))).append(" |\n");
            }
            sb.append('\n');
            t.notes().forEach(n -> sb.append(n).append("\n\n"));
        }
        return sb.toString();
    }

    /** Escapes a table cell's pipe characters. */
    private static String md(String s) {
        return s.replace("|", "\\|");
    }

    static String rank(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    /** @return {@code = p} or {@code < 1e-16} */
    static String pIs(double p) {
        String s = p(p);
        return s.startsWith("<") ? s : "= " + s;
    }

    /** @return a p-value: 4 decimals, 4 significant digits below 0.001, {@code < 1e-16} below that */
    static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        if (p < 1e-16) {
            return "< 1e-16";
        }
        return p >= 0.001 ? String.format(Locale.ROOT, "%.4f", p) : String.format(Locale.ROOT, "%.3e", p);
    }
}
