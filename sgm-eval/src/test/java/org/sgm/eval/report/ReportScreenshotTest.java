package org.sgm.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.eval.experiment.CellRecord;

/**
 * Opens a report in headless Chromium and checks the screenshot shows its plots. Skipped where no Chromium is on the
 * PATH (CI does not install one); tagged slow (run with {@code -Pslow}). bench/screenshot-report.sh does the same by
 * hand.
 */
@Tag("slow")
class ReportScreenshotTest {

    private static Path chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    @Test
    void reportOpensInHeadlessChromiumWithItsPlots(@TempDir Path dir) throws Exception {
        Path browser = chromium();
        assumeTrue(browser != null, "no Chromium on the PATH");
        List<CellRecord> cells = new ArrayList<>();
        for (String m : List.of("ae", "sg-ae", "iforest")) {
            for (long seed = 1; seed <= 2; seed++) {
                cells.add(SyntheticCells.cell("demo", m, seed, 600, 0.1, m.startsWith("sg-") ? 4 : 1.5,
                        m.equals("iforest") ? 0 : 10, true));
            }
        }
        ExperimentReport.write(new ObjectMapper().readTree("{\"name\":\"screenshot\",\"metrics\":[\"roc_auc\"]}"),
                cells, dir);
        Path shot = dir.resolve("shot.png");
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1200,2400", "--screenshot=" + shot,
                dir.resolve("report.html").toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish in 120 s");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.log")));
        BufferedImage img = ImageIO.read(shot.toFile());
        assertNotNull(img, "the screenshot is not a PNG");
        assertEquals(1200, img.getWidth());
        // The anomalies' red histogram bars appear only in the plots: the browser decoded and laid out the images.
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 200 && g > 110 && g < 170 && b > 110 && b < 170) {
                    red++;
                }
            }
        }
        assertTrue(red > 2000, "only " + red + " pixels of the anomaly colour: plots not shown?");
    }
}
