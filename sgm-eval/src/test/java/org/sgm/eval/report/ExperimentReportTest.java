package org.sgm.eval.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.SgmException;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.metrics.Metric;

/** The report on synthetic cells: 2 datasets × 3 models × 2 seeds. */
class ExperimentReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DATASETS = {"ds-b", "ds-a"};
    // Separations make the ranking certain: sg-ae (gap 4) > ae (2) > iforest (0.3) on every dataset and seed.
    private static final String[] MODELS = {"iforest", "sg-ae", "ae"};
    private static final double[] SEPARATION = {0.3, 4.0, 2.0};

    private static List<CellRecord> cells(boolean withMetrics) {
        List<CellRecord> out = new ArrayList<>();
        for (String d : DATASETS) {
            for (int m = 0; m < MODELS.length; m++) {
                for (long seed = 1; seed <= 2; seed++) {
                    out.add(SyntheticCells.cell(d, MODELS[m], seed, 400, 0.1, SEPARATION[m],
                            MODELS[m].equals("iforest") ? 0 : 12, withMetrics));
                }
            }
        }
        return out;
    }

    private static JsonNode spec() throws Exception {
        return JSON.readTree("{\"name\":\"synthetic\",\"metrics\":[\"roc_auc\",\"average_precision\"],"
                + "\"seeds\":[1,2]}");
    }

    @Test
    void writesTheFourFilesWithRowsRanksStatisticsAndPngs(@TempDir Path dir) throws Exception {
        List<CellRecord> cells = cells(true);
        ExperimentReport.write(spec(), cells, dir);

        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals("dataset,model,seed,roc_auc,average_precision,fit_seconds,score_seconds", csv.get(0));
        assertEquals(1 + 12, csv.size());
        // Sorted: ds-a before ds-b, then ae, sg-ae, iforest (plain name, plain before SG), then seed.
        assertTrue(csv.get(1).startsWith("ds-a,ae,1,"), csv.get(1));
        assertTrue(csv.get(3).startsWith("ds-a,sg-ae,1,"), csv.get(3));
        assertTrue(csv.get(12).startsWith("ds-b,iforest,2,"), csv.get(12));
        CellRecord c = cells.stream().filter(x -> x.dataset().equals("ds-a") && x.model().equals("ae")
                && x.seed() == 1).findFirst().orElseThrow();
        String[] f = csv.get(1).split(",");
        assertEquals(Metric.ROC_AUC.of(Metric.anomalies(c.testLabels()), c.testScores()), Double.parseDouble(f[3]),
                1e-6);
        assertEquals(2.5, Double.parseDouble(f[5]), 1e-9); // fit seconds 1.5 + seed

        String md = Files.readString(dir.resolve("summary.md"));
        assertTrue(md.contains("| dataset | ae | sg-ae | iforest |"), md);
        assertTrue(md.contains("| **average rank** | 2.00 | **1.00** | 3.00 |"), md);
        // the mean row: the mean over datasets of each model's mean over seeds, best bold
        ToDoubleFunction<String> mean = m -> cells.stream().filter(x -> x.model().equals(m))
                .mapToDouble(x -> Metric.ROC_AUC.of(Metric.anomalies(x.testLabels()), x.testScores())).average()
                .orElseThrow();
        assertTrue(md.contains(String.format(Locale.ROOT, "| **mean over datasets** | %.4f | **%.4f** |"
                + " %.4f |", mean.applyAsDouble("ae"), mean.applyAsDouble("sg-ae"), mean.applyAsDouble("iforest"))),
                md);
        // k = 3, N = 2, ranks (2, 1, 3) on both: χ²_F = 12·2/(3·4)·(4 + 1 + 9 − 12) = 4 by hand, p = e^−2.
        assertTrue(md.contains("χ²_F = 4.000 (p = 0.1353)"), md);
        assertTrue(md.contains("| sg-ae | ae | 2 | 2/0/0 |"), md);
        assertTrue(md.contains("Nemenyi critical difference at α = 0.05: CD = "), md);
        assertTrue(!md.contains("Incomplete"), md);

        JsonNode json = JSON.readTree(dir.resolve("results.json").toFile());
        assertEquals(12, json.get("cells").size());
        assertEquals(6, json.get("aggregates").size());
        JsonNode roc = json.get("statistics").get("roc_auc");
        assertEquals(1.0, roc.get("average_ranks").get("sg-ae").asDouble());
        assertEquals(3.0, roc.get("average_ranks").get("iforest").asDouble());
        assertEquals(4.0, roc.get("friedman").get("chi_square").asDouble(), 1e-12);
        assertEquals(0.5, roc.get("wilcoxon_holm").get(0).get("p").asDouble(), 1e-12); // exact, n = 2: 2/4

        String html = Files.readString(dir.resolve("report.html"));
        List<BufferedImage> images = images(html);
        // 2 CD diagrams (one per metric) + per dataset: scores, curves, training, attributions (sg-ae's) = 10.
        assertEquals(10, images.size());
        assertTrue(html.contains("alt=\"mean absolute contribution per column on ds-a\""), "attribution chart");
        assertTrue(html.contains("alt=\"critical-difference diagram of roc_auc\""));
        assertTrue(!html.contains("src=\"http") && !html.contains("<script"), "self-contained");
        // the same plots as files, for publishing them
        try (var files = Files.list(dir.resolve("plots"))) {
            assertEquals(List.of("cd-average_precision.png", "cd-roc_auc.png", "ds-a-attributions.png",
                    "ds-a-curves.png", "ds-a-scores.png", "ds-a-training.png", "ds-b-attributions.png",
                    "ds-b-curves.png", "ds-b-scores.png", "ds-b-training.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(images.get(0).getWidth(), ImageIO.read(dir.resolve("plots")
                .resolve("cd-roc_auc.png").toFile()).getWidth());
    }

    /** Decodes every inline PNG and checks it against the img tag's size. */
    static List<BufferedImage> images(String html) throws Exception {
        Matcher m = Pattern.compile("<img alt=\"[^\"]*\" width=\"(\\d+)\" height=\"(\\d+)\" "
                + "src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">").matcher(html);
        List<BufferedImage> out = new ArrayList<>();
        while (m.find()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(3))));
            assertNotNull(img, "image " + out.size() + " is not a PNG");
            assertEquals(Integer.parseInt(m.group(1)), img.getWidth());
            assertEquals(Integer.parseInt(m.group(2)), img.getHeight());
            assertTrue(img.getWidth() >= 600 && img.getHeight() >= 150, img.getWidth() + "x" + img.getHeight());
            out.add(img);
        }
        assertEquals(html.split("<img ", -1).length - 1, out.size(), "every img is an inline PNG");
        return out;
    }

    @Test
    void sameCellsInAnyOrderGiveTheSameFiles(@TempDir Path dir) throws Exception {
        List<CellRecord> cells = cells(false); // no recorded metrics: computed from the scores
        ExperimentReport.write(spec(), cells, dir.resolve("a"));
        List<CellRecord> shuffled = new ArrayList<>(cells);
        Collections.shuffle(shuffled, new Random(4));
        ExperimentReport.write(spec(), shuffled, dir.resolve("b"));
        for (String file : List.of("results.csv", "results.json", "summary.md", "report.html")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
                    Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
        assertTrue(Files.readString(dir.resolve("a/summary.md")).contains("| **average rank** | 2.00 | **1.00** |"));
    }

    @Test
    void anIncompleteGridIsNamedAndRankedOnTheCompleteDatasets(@TempDir Path dir) throws Exception {
        List<CellRecord> cells = new ArrayList<>(cells(true));
        cells.removeIf(c -> c.dataset().equals("ds-b") && c.model().equals("iforest"));
        cells.removeIf(c -> c.dataset().equals("ds-a") && c.model().equals("ae") && c.seed() == 2);
        ExperimentReport.write(spec(), cells, dir);
        String md = Files.readString(dir.resolve("summary.md"));
        assertTrue(md.contains("ds-a × ae (1 of 2: seeds 1)"), md);
        assertTrue(md.contains("ds-b × iforest (0 of 2)"), md);
        assertTrue(md.contains("Ranks over the 1 dataset every model has a value on."), md);
        assertTrue(md.contains("[n=1]"), md);
        assertEquals(1 + 12 - 3, Files.readAllLines(dir.resolve("results.csv")).size());
        images(Files.readString(dir.resolve("report.html")));
    }

    @Test
    void pValuesAreWrittenReadably() {
        assertEquals("= 0.0500", SummaryTables.pIs(0.05));
        assertEquals("= 2.378e-04", SummaryTables.pIs(2.378e-4));
        assertEquals("< 1e-16", SummaryTables.pIs(1e-20));
        assertEquals("n/a", SummaryTables.p(Double.NaN));
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws Exception {
        List<CellRecord> cells = new ArrayList<>(cells(true));
        cells.add(cells.get(0));
        SgmException dup = assertThrows(SgmException.class, () -> ExperimentReport.write(spec(), cells, dir));
        assertTrue(dup.getMessage().contains("two cells for dataset 'ds-b', model 'iforest', seed 1"),
                dup.getMessage());
        SgmException metric = assertThrows(SgmException.class, () -> ExperimentReport.write(
                JSON.readTree("{\"metrics\":[\"auroc\"]}"), cells(true), dir));
        assertTrue(metric.getMessage().contains("unknown metric 'auroc'"), metric.getMessage());
        assertThrows(SgmException.class, () -> ExperimentReport.write(spec(), List.of(), dir));
        assertTrue(!Files.exists(dir.resolve("report.html")));
    }
}
