package org.sgm.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same scores, bit for bit: across runs (a fresh JVM) and across {@code OMP_NUM_THREADS=1} (this JVM;
 * the build runs tests with 1) and {@code OMP_NUM_THREADS=2} (a child JVM on the same classpath).
 */
class OmpDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void scoresDoNotDependOnTheRunOrTheOpenMpThreadCount() throws Exception {
        assertEquals("1", System.getenv("OMP_NUM_THREADS"), "the build runs tests with OMP_NUM_THREADS=1");
        List<String> here = DeterminismProbe.run();
        List<String> child = child("2");
        assertEquals("THREADS 1", here.get(0));
        assertEquals("THREADS 2", child.get(0), "the child JVM runs ND4J with 2 threads");
        assertEquals(here.size(), child.size(), child.toString());
        List<String> differ = new ArrayList<>();
        for (int i = 1; i < here.size(); i++) {
            if (!here.get(i).equals(child.get(i))) {
                differ.add(here.get(i).split(" ", 3)[1]);
            }
        }
        assertEquals(List.of(), differ, "models whose scores differ between 1 and 2 OpenMP threads");
    }

    private List<String> child(String ompThreads) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("child.out");
        // sgm.blas.threads is passed on so that -Dsgm.blas.threads=keep shows the test failing without the fix.
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=2G",
                "-Dsgm.blas.threads=" + System.getProperty("sgm.blas.threads", ""), "-cp",
                System.getProperty("java.class.path"), DeterminismProbe.class.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("OMP_NUM_THREADS", ompThreads);
        Process p = pb.start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(done, "the child JVM did not finish in 180 s:\n" + text);
        assertEquals(0, p.exitValue(), text);
        return text.lines().filter(l -> l.startsWith("THREADS ") || l.startsWith("SCORES ")).toList();
    }
}
