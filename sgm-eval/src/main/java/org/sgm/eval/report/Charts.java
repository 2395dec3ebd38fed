package org.sgm.eval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.metrics.Curve;
import org.sgm.eval.metrics.Metric;
import org.sgm.eval.stats.MeanStd;

/**
 * The report's figures, drawn with JFreeChart into {@link BufferedImage}s (headless AWT). Each figure is a grid of
 * small panels drawn onto one image, so the report holds a bounded number of images: per dataset one score-distribution
 * figure, one ROC/PR figure, one training-curve figure and one chart of the columns that drive the scores.
 */
final class Charts {
    /** Points kept per ROC or PR curve. */
    static final int CURVE_POINTS = 500;
    /** Histogram bins per class. */
    static final int BINS = 40;
    /** Panel size in the small-multiple figures. */
    static final int PANEL_W = 300;
    static final int PANEL_H = 210;
    static final int COLUMNS = 4;

    static final Color NORMAL = new Color(31, 119, 180);
    static final Color ANOMALY = new Color(214, 39, 40);
    /** Matplotlib's tab10: one colour per plain model name, shared by the model and its SG twin. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private Charts() {}

    /**
     * One model's test scores on one dataset, pooled over its seeds, split by class and sorted ascending (sorted
     * once: the histograms' percentiles and both curves read these arrays).
     */
    record Pooled(String model, double[] normal, double[] anomalous, int seeds) {
        static Pooled of(String model, List<CellRecord> cells) {
            int n = 0;
            for (CellRecord c : cells) {
                n += c.testScores() == null ? 0 : c.testScores().length;
            }
            double[] normal = new double[n];
            double[] anomalous = new double[n];
            int nn = 0;
            int na = 0;
            int seeds = 0;
            for (CellRecord c : cells) {
                double[] s = c.testScores();
                int[] y = c.testLabels();
                if (s == null || y == null || s.length != y.length) {
                    continue;
                }
                for (int i = 0; i < s.length; i++) {
                    if (Double.isFinite(s[i])) {
                        if (y[i] == 1) {
                            anomalous[na++] = s[i];
                        } else {
                            normal[nn++] = s[i];
                        }
                    }
                }
                seeds++;
            }
            normal = Arrays.copyOf(normal, nn);
            anomalous = Arrays.copyOf(anomalous, na);
            Arrays.sort(normal);
            Arrays.sort(anomalous);
            return new Pooled(model, normal, anomalous, seeds);
        }

        boolean hasBothClasses() {
            return normal.length > 0 && anomalous.length > 0;
        }
    }

    /** @return the colour of a model (by its group's position among the groups: a model and its twin share one) */
    static Color colour(Twins twins, List<String> models, String model) {
        List<String> groups = models.stream().map(twins::group).distinct().toList();
        return PALETTE[Math.max(0, groups.indexOf(twins.group(model))) % PALETTE.length];
    }

    /** SG models solid and thicker, the others dashed. */
    static Stroke stroke(Twins twins, String model) {
        return twins.guided(model) ? new BasicStroke(2.2f)
                : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
    }

    /**
     * Small multiples: per model, the density histograms of the test scores of normals and anomalies (pooled over
     * seeds), on a range from the lower 0.5th to the upper 99.5th percentile of either class; values beyond fall in
     * the edge bins.
     *
     * @return the figure, or null if no model has scores of both classes
     */
    static BufferedImage scoreDistributions(String dataset, List<Pooled> pooled, ReportData data) {
        List<JFreeChart> panels = new ArrayList<>();
        for (Pooled p : pooled) {
            if (!p.hasBothClasses()) {
                continue;
            }
            double[] normal = p.normal();
            double[] anomalous = p.anomalous();
            double lo = Math.min(quantile(normal, 0.005), quantile(anomalous, 0.005));
            double hi = Math.max(quantile(normal, 0.995), quantile(anomalous, 0.995));
            if (!(hi > lo)) {
                lo -= 0.5;
                hi += 0.5;
            }
            HistogramDataset h = new HistogramDataset();
            h.setType(HistogramType.SCALE_AREA_TO_1);
            h.addSeries("normal", normal, BINS, lo, hi);
            h.addSeries("anomaly", anomalous, BINS, lo, hi);
            NumberAxis x = new NumberAxis("score");
            x.setAutoRangeIncludesZero(false);
            x.setRange(lo, hi);
            NumberAxis y = new NumberAxis("density");
            XYBarRenderer r = new XYBarRenderer();
            r.setBarPainter(new StandardXYBarPainter());
            r.setShadowVisible(false);
            r.setDrawBarOutline(false);
            r.setSeriesPaint(0, withAlpha(NORMAL, 150));
            r.setSeriesPaint(1, withAlpha(ANOMALY, 150));
            XYPlot plot = new XYPlot(h, x, y, r);
            style(plot);
            JFreeChart chart = panel(plot, p.model() + auc(data, dataset, p.model()));
            chart.addSubtitle(new TextTitle(normal.length + " normal / " + anomalous.length + " anomalous scores, "
                    + p.seeds() + " seed" + (p.seeds() == 1 ? "" : "s"), SMALL));
            panels.add(chart);
        }
        if (panels.isEmpty()) {
            return null;
        }
        return grid(panels, "Test-score distributions on " + dataset
                + ": normal (blue) vs anomalous (red) rows, density per class, pooled over seeds");
    }

    /** @return ROC and PR curves of every model with both classes, side by side, or null if none has */
    static BufferedImage curves(String dataset, List<Pooled> pooled, List<String> models, Twins twins) {
        XYSeriesCollection roc = new XYSeriesCollection();
        XYSeriesCollection pr = new XYSeriesCollection();
        List<String> shown = new ArrayList<>();
        long positives = 0;
        long rows = 0;
        for (Pooled p : pooled) {
            if (!p.hasBothClasses()) {
                continue;
            }
            shown.add(p.model());
            Curve[] both = Curve.rocAndPrecisionRecall(p.normal(), p.anomalous());
            roc.addSeries(series(p.model(), both[0].thin(CURVE_POINTS)));
            pr.addSeries(series(p.model(), both[1].thin(CURVE_POINTS)));
            positives += p.anomalous().length;
            rows += p.anomalous().length + p.normal().length;
        }
        if (shown.isEmpty()) {
            return null;
        }
        JFreeChart rocChart = lineChart("ROC (pooled over seeds)", "false-positive rate", "true-positive rate", roc,
                shown, models, twins);
        ((XYPlot) rocChart.getPlot()).addAnnotation(new XYLineAnnotation(0, 0, 1, 1, dashed(1f), Color.GRAY));
        JFreeChart prChart = lineChart("Precision–recall (pooled over seeds)", "recall", "precision", pr, shown,
                models, twins);
        double base = (double) positives / rows;
        ((XYPlot) prChart.getPlot()).addAnnotation(new XYLineAnnotation(0, base, 1, base, dashed(1f), Color.GRAY));
        int legendRows = (shown.size() + 4) / 5;
        int w = 560;
        int h = 440 + 16 * legendRows;
        BufferedImage img = new BufferedImage(2 * w, h + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        header(g, "ROC and precision–recall curves on " + dataset + " (solid = SG model, dashed = plain model;"
                + " grey = chance level)", 2 * w);
        rocChart.draw(g, new Rectangle2D.Double(0, 30, w, h));
        prChart.draw(g, new Rectangle2D.Double(w, 30, w, h));
        g.dispose();
        return img;
    }

    /**
     * Small multiples, one per model with a training history: the mean total, backbone and guidance losses per epoch
     * (over the seeds that reached the epoch) on the left axis, the flagged fraction on the right axis.
     *
     * @return the figure, or null if no model has a history
     */
    static BufferedImage training(String dataset, ReportData data) {
        List<JFreeChart> panels = new ArrayList<>();
        for (String model : data.models) {
            List<CellRecord> cells = data.cells.get(dataset).get(model);
            TreeMap<Integer, double[]> sums = new TreeMap<>(); // epoch → total, backbone, guidance, flagged, count
            for (CellRecord c : cells) {
                if (c.history() == null) {
                    continue;
                }
                for (CellRecord.Epoch e : c.history()) {
                    double[] s = sums.computeIfAbsent(e.epoch(), k -> new double[5]);
                    s[0] += e.totalLoss();
                    s[1] += e.backboneLoss();
                    s[2] += e.guidanceLoss();
                    s[3] += e.flaggedFraction();
                    s[4]++;
                }
            }
            if (sums.isEmpty()) {
                continue;
            }
            XYSeries total = new XYSeries("total loss");
            XYSeries backbone = new XYSeries("backbone loss");
            XYSeries guidance = new XYSeries("guidance loss");
            XYSeries flagged = new XYSeries("flagged fraction");
            sums.forEach((epoch, s) -> {
                add(total, epoch, s[0] / s[4]);
                add(backbone, epoch, s[1] / s[4]);
                add(guidance, epoch, s[2] / s[4]);
                add(flagged, epoch, s[3] / s[4]);
            });
            XYSeriesCollection losses = new XYSeriesCollection();
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            Color[] colours = {Color.BLACK, NORMAL, new Color(0x2ca02c)};
            XYSeries[] all = {total, backbone, guidance};
            for (int i = 0; i < all.length; i++) {
                if (i == 0 || !allZero(all[i])) { // a plain model's guidance loss is 0: left out
                    r.setSeriesPaint(losses.getSeriesCount(), colours[i]);
                    r.setSeriesStroke(losses.getSeriesCount(), new BasicStroke(i == 0 ? 2f : 1.5f));
                    losses.addSeries(all[i]);
                }
            }
            NumberAxis x = new NumberAxis("epoch");
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            x.setAutoRangeIncludesZero(false);
            NumberAxis y = new NumberAxis("loss");
            y.setAutoRangeIncludesZero(false);
            XYPlot plot = new XYPlot(losses, x, y, r);
            if (!allZero(flagged)) { // a plain model flags nothing: no right axis
                NumberAxis y2 = new NumberAxis("flagged fraction");
                y2.setAutoRangeIncludesZero(true);
                y2.setLabelPaint(ANOMALY);
                y2.setTickLabelPaint(ANOMALY);
                plot.setRangeAxis(1, y2);
                plot.setDataset(1, new XYSeriesCollection(flagged));
                plot.mapDatasetToRangeAxis(1, 1);
                XYLineAndShapeRenderer r2 = new XYLineAndShapeRenderer(true, false);
                r2.setSeriesPaint(0, ANOMALY);
                r2.setSeriesStroke(0, dashed(1.5f));
                plot.setRenderer(1, r2);
            }
            style(plot);
            int seeds = (int) cells.stream().filter(c -> c.history() != null && !c.history().isEmpty()).count();
            panels.add(panel(plot, model + " (" + seeds + " seed" + (seeds == 1 ? "" : "s") + ")"));
        }
        if (panels.isEmpty()) {
            return null;
        }
        return grid(panels, "Training curves on " + dataset + ": total (black), backbone (blue), guidance (green) loss;"
                + " flagged fraction (dashed red, right axis); mean per epoch over seeds");
    }

    private static boolean allZero(XYSeries s) {
        for (int i = 0; i < s.getItemCount(); i++) {
            if (s.getY(i).doubleValue() != 0) {
                return false;
            }
        }
        return true;
    }

    /** Columns shown in the attribution chart (the largest anomalous means). */
    static final int ATTRIBUTION_COLUMNS = 15;

    /**
     * Per input column, the mean absolute contribution to the test scores of the anomalous and of the normal rows
     * (integrated gradients, averaged over seeds), for the first score-guided model of the report whose cells have
     * them (else the first other model that has them); the {@value #ATTRIBUTION_COLUMNS} columns with the largest
     * anomalous means.
     *
     * @return the chart, or null if no model's cells on the dataset have attributions
     */
    static BufferedImage attributions(String dataset, ReportData data) {
        List<String> models = new ArrayList<>(data.models.stream().filter(data.twins::guided).toList());
        data.models.stream().filter(m -> !models.contains(m)).forEach(models::add);
        for (String model : models) {
            List<CellRecord.Attributions> all = data.cells.get(dataset).get(model).stream()
                    .map(CellRecord::attributions).filter(Objects::nonNull).toList();
            if (all.isEmpty()) {
                continue;
            }
            List<String> columns = all.get(0).columns();
            double[] anomalous = new double[columns.size()];
            double[] normal = new double[columns.size()];
            int used = 0;
            for (CellRecord.Attributions a : all) {
                if (!a.columns().equals(columns)) {
                    continue;
                }
                for (int j = 0; j < columns.size(); j++) {
                    anomalous[j] += a.anomalous()[j];
                    normal[j] += a.normal()[j];
                }
                used++;
            }
            Integer[] order = new Integer[columns.size()];
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (p, q) -> Double.compare(anomalous[q], anomalous[p]));
            DefaultCategoryDataset bars = new DefaultCategoryDataset();
            int shown = Math.min(ATTRIBUTION_COLUMNS, order.length);
            for (int k = 0; k < shown; k++) {
                int j = order[k];
                bars.addValue(anomalous[j] / used, "anomalous rows", columns.get(j));
                bars.addValue(normal[j] / used, "normal rows", columns.get(j));
            }
            CategoryAxis x = new CategoryAxis(null);
            x.setTickLabelFont(SMALL);
            x.setMaximumCategoryLabelWidthRatio(0.45f);
            NumberAxis y = new NumberAxis("mean |contribution| to the score");
            y.setLabelFont(SMALL);
            y.setTickLabelFont(SMALL);
            BarRenderer r = new BarRenderer();
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setSeriesPaint(0, ANOMALY);
            r.setSeriesPaint(1, NORMAL);
            r.setItemMargin(0.05);
            CategoryPlot plot = new CategoryPlot(bars, x, y, r);
            plot.setOrientation(PlotOrientation.HORIZONTAL);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(new Color(220, 220, 220));
            plot.setOutlinePaint(Color.GRAY);
            JFreeChart chart = new JFreeChart(null, SMALL, plot, true);
            chart.setBackgroundPaint(Color.WHITE);
            legendStyle(chart.getLegend());
            CellRecord.Attributions first = all.get(0);
            chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "integrated gradients from the training median,"
                    + " %d steps; %d anomalous and %d normal test rows per seed, %d seed%s; %d of %d columns",
                    first.steps(), first.anomalousRows(), first.normalRows(), used, used == 1 ? "" : "s", shown,
                    columns.size()), SMALL));
            int width = 760;
            int height = 110 + shown * 26;
            BufferedImage img = new BufferedImage(width, height + 30, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = graphics(img);
            header(g, "Which columns drive " + model + "'s scores on " + dataset + ": anomalous (red) vs normal (blue)"
                    + " test rows", width);
            chart.draw(g, new Rectangle2D.Double(0, 30, width, height));
            g.dispose();
            return img;
        }
        return null;
    }

    /** A small-multiple panel: white, titled, no legend (the figure's header names the colours). */
    private static JFreeChart panel(XYPlot plot, String title) {
        JFreeChart chart = new JFreeChart(null, SMALL, plot, false);
        chart.setTitle(new TextTitle(title, TITLE));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static void add(XYSeries s, int epoch, double v) {
        if (Double.isFinite(v)) {
            s.add(epoch, v);
        }
    }

    private static String auc(ReportData data, String dataset, String model) {
        if (!data.metrics.contains(Metric.ROC_AUC)) {
            return "";
        }
        MeanStd m = data.summary.get(Metric.ROC_AUC).get(dataset).get(model);
        return m.n() == 0 ? "" : String.format(Locale.ROOT, "  (ROC-AUC %.3f)", m.mean());
    }

    private static XYSeries series(String key, Curve c) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < c.size(); i++) {
            s.add(c.x()[i], c.y()[i], false);
        }
        return s;
    }

    private static JFreeChart lineChart(String title, String xLabel, String yLabel, XYSeriesCollection data,
            List<String> shown, List<String> models, Twins twins) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setRange(0, 1);
        NumberAxis y = new NumberAxis(yLabel);
        y.setRange(0, 1.02);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true); // one path per curve: the dash pattern runs along it, not per segment
        for (int i = 0; i < shown.size(); i++) {
            r.setSeriesPaint(i, colour(twins, models, shown.get(i)));
            r.setSeriesStroke(i, stroke(twins, shown.get(i)));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        style(plot);
        JFreeChart chart = new JFreeChart(null, SMALL, plot, true);
        chart.setTitle(new TextTitle(title, TITLE));
        chart.setBackgroundPaint(Color.WHITE);
        legendStyle(chart.getLegend());
        return chart;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setOutlinePaint(Color.GRAY);
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            if (plot.getRangeAxis(i) != null) {
                plot.getRangeAxis(i).setLabelFont(SMALL);
                plot.getRangeAxis(i).setTickLabelFont(SMALL);
            }
        }
        plot.getDomainAxis().setLabelFont(SMALL);
        plot.getDomainAxis().setTickLabelFont(SMALL);
    }

    private static void legendStyle(LegendTitle legend) {
        if (legend != null) {
            legend.setItemFont(SMALL);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
        }
    }

    /** Draws panels into a grid of {@link #COLUMNS} columns under a one-line header. */
    private static BufferedImage grid(List<JFreeChart> panels, String title) {
        int cols = Math.min(COLUMNS, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        int width = Math.max(cols * PANEL_W, 700);
        BufferedImage img = new BufferedImage(width, rows * PANEL_H + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        header(g, title, width);
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).draw(g, new Rectangle2D.Double((i % cols) * PANEL_W, 30 + (i / cols) * PANEL_H, PANEL_W,
                    PANEL_H));
        }
        g.dispose();
        return img;
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    private static void header(Graphics2D g, String text, int width) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(text, 8, 20);
        g.setColor(new Color(200, 200, 200));
        g.drawLine(0, 28, width, 28);
    }

    static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** NumPy's linear-interpolation quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
