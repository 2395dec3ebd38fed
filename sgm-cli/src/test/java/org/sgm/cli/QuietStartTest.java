package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start in a fresh JVM, as a user runs it, prints nothing but SGM's own lines: every line on stderr starts
 * with {@code sgm: } (Tribuo's k-means and HDBSCAN log through java.util.logging, which reaches SLF4J and logback's
 * filters only through the bridge SgmMain installs).
 */
class QuietStartTest {
    @Test
    void theQuickStartPrintsOnlySgmsLines(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The JVM options ./sgm adds on every JDK (Java 23+ would otherwise warn about JavaCPP's and Guice's use of
        // sun.misc.Unsafe and native access).
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx768m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=2G",
                "-Dsun.misc.unsafe.memory.access=allow", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), SgmMain.class.getName(), "quickstart", "--seeds", "1",
                "--epochs", "1", "--threads", "1", "--out", dir.resolve("out").toString());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the quick start finished");
        List<String> err = Files.readAllLines(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join("\n", err));
        assertTrue(err.size() > 10, "progress lines");
        for (String line : err) {
            assertTrue(line.startsWith("sgm: "), "a line that is not SGM's: " + line);
        }
        String out = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
        assertTrue(out.contains("tribuo-kmeans") && out.contains("tribuo-hdbscan"), out);
    }
}
