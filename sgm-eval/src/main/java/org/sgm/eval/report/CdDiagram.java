package org.sgm.eval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.sgm.eval.stats.Nemenyi;

/**
 * A critical-difference diagram in the style of Demšar (2006), Fig. 1, drawn with Java2D (JFreeChart has no chart
 * of this kind): an axis of average ranks (1 = best, on the left), each model hung from its average rank with its
 * name on the nearer side, a bar of length CD above the axis, and thick bars joining the groups of models whose
 * average ranks differ by less than CD (not significantly different by the Nemenyi test at α = 0.05).
 */
final class CdDiagram {
    private static final int WIDTH = 900;
    private static final int MARGIN = 190;
    private static final int ROW = 22;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private CdDiagram() {}

    /**
     * @param title the heading, e.g. the metric
     * @param models the model names
     * @param averageRanks their average ranks, same order
     * @param cd the critical difference (NaN: no CD bar, no groups)
     * @return the diagram
     */
    static BufferedImage draw(String title, List<String> models, Twins twins, double[] averageRanks, double cd) {
        int k = models.size();
        Integer[] order = new Integer[k];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> averageRanks[i]).thenComparing(models::get));
        double[] sorted = new double[k];
        for (int i = 0; i < k; i++) {
            sorted[i] = averageRanks[order[i]];
        }
        List<int[]> cliques = Double.isNaN(cd) ? List.of() : Nemenyi.cliques(sorted, cd);
        int left = (k + 1) / 2; // the best half hangs to the left
        int axisY = 95;
        int cliqueTop = axisY + 16;
        int labelsTop = cliqueTop + 10 * cliques.size() + 16;
        int height = labelsTop + Math.max(left, k - left) * ROW + 20;
        int x0 = MARGIN;
        int x1 = WIDTH - MARGIN;
        int maxRank = Math.max(2, k);
        DoubleUnaryOperator xOf = r -> x0 + (r - 1) / (maxRank - 1) * (x1 - x0);

        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Charts.graphics(img);
        g.setColor(Color.BLACK);
        g.setFont(BOLD);
        g.drawString(title, 10, 20);
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();

        // The axis with integer ticks (and half ticks), 1 on the left.
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(x0, axisY, x1, axisY));
        for (int r = 1; r <= maxRank; r++) {
            double x = xOf.applyAsDouble(r);
            g.draw(new Line2D.Double(x, axisY, x, axisY - 8));
            String s = Integer.toString(r);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), axisY - 12);
            if (r < maxRank) {
                double xh = xOf.applyAsDouble(r + 0.5);
                g.draw(new Line2D.Double(xh, axisY, xh, axisY - 4));
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("average rank (1 = best)", x1 + 10, axisY + 4);
        g.setFont(FONT);

        // The CD bar above the axis.
        if (!Double.isNaN(cd)) {
            double xa = x0;
            double xb = x0 + cd / (maxRank - 1) * (x1 - x0);
            int y = 45;
            g.setStroke(new BasicStroke(2f));
            g.draw(new Line2D.Double(xa, y, Math.min(xb, WIDTH - 10), y));
            g.draw(new Line2D.Double(xa, y - 5, xa, y + 5));
            g.draw(new Line2D.Double(xb, y - 5, xb, y + 5));
            String s = String.format(Locale.ROOT, "CD = %.2f", cd);
            g.drawString(s, (float) ((xa + Math.min(xb, WIDTH - 10)) / 2 - fm.stringWidth(s) / 2.0), y - 8);
        }

        // The models: a line from the axis down to the label row, then out to the side.
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < k; i++) {
            String model = models.get(order[i]);
            double x = xOf.applyAsDouble(sorted[i]);
            boolean onLeft = i < left;
            int row = onLeft ? i : k - 1 - i;
            int y = labelsTop + row * ROW;
            g.setColor(Charts.colour(twins, models, model));
            g.draw(new Line2D.Double(x, axisY, x, y));
            double end = onLeft ? x0 - 10 : x1 + 10;
            g.draw(new Line2D.Double(x, y, end, y));
            g.setColor(Color.BLACK);
            String text = String.format(Locale.ROOT, "%s (%.2f)", model, sorted[i]);
            float tx = onLeft ? (float) (end - 4 - fm.stringWidth(text)) : (float) (end + 4);
            g.drawString(text, tx, y + 4);
        }

        // The groups that are not significantly different.
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Color.BLACK);
        for (int c = 0; c < cliques.size(); c++) {
            int[] q = cliques.get(c);
            double xa = xOf.applyAsDouble(sorted[q[0]]) - 4;
            double xb = xOf.applyAsDouble(sorted[q[1]]) + 4;
            double y = cliqueTop + 10 * c;
            g.draw(new Line2D.Double(xa, y, xb, y));
        }
        g.dispose();
        return img;
    }
}
