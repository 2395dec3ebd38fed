package org.sgm.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.sgm.eval.metrics.Metric;
import org.sgm.eval.report.ReportData.MetricStats;
import org.sgm.eval.report.SummaryTables.Cell;
import org.sgm.eval.report.SummaryTables.Table;

/**
 * {@code report.html}: one self-contained page (no external files, scripts or fonts; every plot an inline
 * {@code data:image/png;base64} URI) with the summary tables, a critical-difference diagram per metric and, per
 * dataset, the score distributions, the ROC/PR curves and the training curves.
 */
final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#222;max-width:1400px}
            h1{margin-bottom:4px}h2{border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:36px}
            table{border-collapse:collapse;font-size:12px;margin:8px 0}
            th,td{border:1px solid #ddd;padding:3px 6px;text-align:right;white-space:nowrap}
            th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
            .scroll{overflow-x:auto}.note{font-size:13px;color:#444;max-width:1100px}
            img{display:block;margin:10px 0;max-width:100%;height:auto;border:1px solid #eee}
            .warn{background:#fff4e5;border-left:4px solid #f0a000;padding:6px 10px}
            pre{background:#f7f7f7;padding:8px;font-size:12px;overflow-x:auto}
            """;

    private HtmlReport() {}

    /**
     * @param data the aggregated experiment
     * @param spec the spec, shown at the end (may be null)
     * @return the page
     */
    static String render(ReportData data, JsonNode spec) {
        return render(data, spec, (name, png) -> { });
    }

    /**
     * @param data the aggregated experiment
     * @param spec the spec, shown at the end (may be null)
     * @param plots receives each plot as a file name ({@code cd-METRIC.png}, {@code DATASET-scores.png},
     *     {@code DATASET-curves.png}, {@code DATASET-training.png}) and its PNG bytes, in page order
     * @return the page
     */
    static String render(ReportData data, JsonNode spec, java.util.function.BiConsumer<String, byte[]> plots) {
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc(data.name)).append(" — SGM experiment report</title>\n<style>").append(CSS)
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(data.name)).append("</h1>\n");
        h.append("<p class=\"note\">").append(data.datasets.size()).append(" datasets × ").append(data.models.size())
                .append(" models × ").append(data.seeds.size()).append(" seeds. Models: ")
                .append(esc(String.join(", ", data.models))).append(".</p>\n");
        String missing = SummaryTables.missingNote(data);
        if (missing != null) {
            h.append("<p class=\"note warn\">").append(esc(missing)).append("</p>\n");
        }
        h.append("<p class=\"note\">Contents: <a href=\"#statistics\">tables and statistics</a>");
        for (int i = 0; i < data.datasets.size(); i++) {
            h.append(i == 0 ? " · datasets: " : ", ").append("<a href=\"#d").append(i).append("\">")
                    .append(esc(data.datasets.get(i))).append("</a>");
        }
        h.append("</p>\n<h2 id=\"statistics\">Tables and statistics</h2>\n");

        List<Table> tables = SummaryTables.tables(data);
        int t = 0;
        for (Metric metric : data.metrics) {
            MetricStats s = data.stats.get(metric);
            table(h, tables.get(t++));
            if (!s.wilcoxon().isEmpty()) {
                table(h, tables.get(t++));
            }
            if (s.averageRanks() != null && data.models.size() >= 2) {
                image(h, CdDiagram.draw("Critical-difference diagram, " + metric.label() + " (Nemenyi, α = 0.05, N = "
                        + s.datasets().size() + " datasets)", data.models, data.twins, s.averageRanks(),
                        s.criticalDifference()),
                        "critical-difference diagram of " + metric.key(), "cd-" + metric.key() + ".png", plots);
            }
        }

        for (int i = 0; i < data.datasets.size(); i++) {
            String d = data.datasets.get(i);
            h.append("<h2 id=\"d").append(i).append("\">").append(esc(d)).append("</h2>\n");
            List<Charts.Pooled> pooled = new ArrayList<>();
            for (String m : data.models) {
                if (!data.cells.get(d).get(m).isEmpty()) {
                    pooled.add(Charts.Pooled.of(m, data.cells.get(d).get(m)));
                }
            }
            BufferedImage scores = Charts.scoreDistributions(d, pooled, data);
            BufferedImage curves = Charts.curves(d, pooled, data.models, data.twins);
            pooled.clear();
            if (scores == null) {
                h.append("<p class=\"note\">No model has test scores of both classes on this dataset.</p>\n");
            } else {
                image(h, scores, "test-score distributions on " + d, d + "-scores.png", plots);
                image(h, curves, "ROC and PR curves on " + d, d + "-curves.png", plots);
            }
            BufferedImage training = Charts.training(d, data);
            if (training != null) {
                image(h, training, "training curves on " + d, d + "-training.png", plots);
            }
            BufferedImage attributions = Charts.attributions(d, data);
            if (attributions != null) {
                image(h, attributions, "mean absolute contribution per column on " + d, d + "-attributions.png",
                        plots);
            }
        }
        if (spec != null) {
            h.append("<h2>Experiment spec</h2>\n<pre>").append(esc(spec.toPrettyString())).append("</pre>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<h3>").append(esc(t.title())).append("</h3>\n<div class=\"scroll\"><table>\n<tr>");
        t.header().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>\n");
        for (List<Cell> row : t.rows()) {
            h.append("<tr>");
            for (Cell c : row) {
                h.append("<td>").append(c.bold() ? "<b>" + esc(c.text()) + "</b>" : esc(c.text())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
        t.notes().forEach(n -> h.append("<p class=\"note\">").append(esc(n)).append("</p>\n"));
    }

    private static void image(StringBuilder h, BufferedImage img, String alt, String file,
            java.util.function.BiConsumer<String, byte[]> plots) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        h.append("<img alt=\"").append(esc(alt)).append("\" width=\"").append(img.getWidth()).append("\" height=\"")
                .append(img.getHeight()).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\">\n");
        plots.accept(file.replaceAll("[^A-Za-z0-9._-]", "_"), png.toByteArray());
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
