package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;

/**
 * Bounded, seeded fuzzing of the CSV and ARFF readers: random mutations of valid files (byte flips, truncation,
 * inserted quotes, commas, line breaks and bytes that are not UTF-8, dropped and repeated spans) must either read as a
 * table or fail with the reader's own error type ({@link SgmException}); never with another exception, and never
 * hang. A table that reads must also preprocess, or fail with an {@link SgmException}.
 */
class CsvFuzzTest {
    /** Overridable for a longer run: {@code -Dsgm.fuzz.seed=N -Dsgm.fuzz.iterations=N -Dsgm.fuzz.seconds=N}. */
    private static final long SEED = Long.getLong("sgm.fuzz.seed", 20240607L);
    private static final int MAX_ITERATIONS = Integer.getInteger("sgm.fuzz.iterations", 4000);
    private static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("sgm.fuzz.seconds", 15));
    private static final Duration HANG = BUDGET.plusSeconds(45);

    private static final List<String> SEEDS = List.of(
            "a,b,c,label\n1.5,2,x,0\n-3e2,.5,\"y, z\",1\n4,5,x,0\n7,8,w,0\n",
            "\uFEFFage,job,score\r\n30,admin,1.5\r\n40,\"tech \"\"senior\"\"\",-2e-3\r\n\r\n50,admin,1e308\r\n",
            "x\n1\n2\n3\n",
            "label,v1,v2\n0,0.1,0.2\n1,9,9\n0,0.15,0.25\n",
            "\"quoted header\",n\n\"multi\nline\",1\nplain,2\n");
    private static final List<String> ARFF_SEEDS = List.of(
            "@relation r\n@attribute a numeric\n@attribute b {x, y}\n@attribute label {0, 1}\n@data\n1.5,x,0\n"
                    + "-2,y,1\n3,x,0\n",
            "% comment\n@RELATION 'q r'\n@ATTRIBUTE 'f 1' REAL\n@ATTRIBUTE s string\n@ATTRIBUTE class {normal,"
                    + " outlier}\n@DATA\n0.1,'hello, world',normal\n2e3,\"q\",outlier\n4,z,normal\n",
            "@relation n\n@attribute x integer\n@attribute y real\n\n@data\n1,2\n% c\n3,4\n5,6\n");

    @TempDir
    Path dir;

    @Test
    void mutatedFilesReadOrFailWithTheReadersError() {
        assertTimeoutPreemptively(HANG, () -> fuzz(SEEDS, "fuzz.csv"), "the reader hung on a mutated file");
    }

    @Test
    void mutatedArffFilesReadOrFailWithTheReadersError() {
        assertTimeoutPreemptively(HANG, () -> fuzz(ARFF_SEEDS, "fuzz.arff"), "the ARFF reader hung on a mutated file");
    }

    private void fuzz(List<String> seeds, String name) throws Exception {
        SplittableRandom rng = new SplittableRandom(SEED);
        Path file = dir.resolve(name);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int iterations = 0;
        int read = 0;
        for (; iterations < MAX_ITERATIONS && System.nanoTime() < deadline; iterations++) {
            byte[] bytes = Mutations.mutate(seeds.get(rng.nextInt(seeds.size())).getBytes(StandardCharsets.UTF_8), rng);
            Files.write(file, bytes);
            String label = rng.nextBoolean() ? "label" : null;
            try {
                Table t = Table.read(file, ReadOptions.defaults().withLabelColumn(label));
                read++;
                assertTrue(t.rows() > 0 && !t.columns().isEmpty(), "a table that reads has rows and columns");
                FeatureMatrix x = Preprocessor.fit(t).transform(t);
                for (float v : x.toArray()) {
                    assertTrue(Float.isFinite(v), "preprocessed values are finite");
                }
            } catch (SgmException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            } catch (Throwable other) {
                fail("iteration " + iterations + " (seed " + SEED + "), label column " + label + ": " + other
                        + "\nfile bytes: " + Mutations.escape(bytes), other);
            }
        }
        System.out.printf("%s fuzz: %d mutated files, %d read, seed %d%n", name, iterations, read, SEED);
        assertTrue(iterations >= 200, "too few iterations in the time budget: " + iterations);
        assertTrue(read > 0 && read < iterations, "the mutations should produce both readable and unreadable files: "
                + read + " of " + iterations + " read");
    }
}
