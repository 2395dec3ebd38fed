package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.SgmException;

/**
 * Bounded, seeded fuzzing of the binary readers (NumPy {@code .npy}/{@code .npz}, MATLAB v5 {@code .mat}): random
 * mutations of the valid fixtures (bit flips, truncation, inserted, dropped and repeated bytes) must either read
 * as a table or fail with the reader's own error type ({@link SgmException}); never with another exception (an
 * {@link OutOfMemoryError} from a forged array shape included), and never hang.
 */
class BinaryFormatsFuzzTest {
    private static final long SEED = Long.getLong("sgm.fuzz.seed", 20240607L);
    private static final int MAX_ITERATIONS = Integer.getInteger("sgm.fuzz.iterations", 1500);
    private static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("sgm.fuzz.seconds", 6));
    private static final Duration HANG = BUDGET.plusSeconds(45);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"numeric.npy", "numeric.npz", "numeric-compressed.npz", "numeric.mat"})
    void mutatedFilesReadOrFailWithTheReadersError(String fixture) throws Exception {
        byte[] valid = Files.readAllBytes(FormatsTest.fixture(fixture));
        String ext = fixture.substring(fixture.lastIndexOf('.'));
        assertTimeoutPreemptively(HANG, () -> fuzz(valid, dir.resolve("fuzz" + ext)),
                "the reader hung on a mutated " + fixture);
    }

    private static void fuzz(byte[] valid, Path file) throws Exception {
        SplittableRandom rng = new SplittableRandom(SEED);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int iterations = 0;
        int read = 0;
        for (; iterations < MAX_ITERATIONS && System.nanoTime() < deadline; iterations++) {
            byte[] bytes = Mutations.mutate(valid, rng);
            Files.write(file, bytes);
            try {
                Table t = Table.read(file, ReadOptions.defaults().withLabelColumn(null));
                read++;
                assertTrue(t.rows() >= 0 && !t.columns().isEmpty(), "a table that reads has columns");
            } catch (SgmException expected) {
                assertTrue(expected.getMessage() != null && expected.getMessage().startsWith(file.toString()),
                        "the error names the file: " + expected.getMessage());
            } catch (Throwable other) {
                fail("iteration " + iterations + " (seed " + SEED + "): " + other + "\nfile bytes: "
                        + Mutations.escape(bytes), other);
            }
        }
        System.out.printf("%s fuzz: %d mutated files, %d read, seed %d%n", file.getFileName(), iterations, read,
                SEED);
        assertTrue(iterations >= 100, "too few iterations in the time budget: " + iterations);
        assertTrue(read < iterations, "the mutations should produce unreadable files: " + read + " of "
                + iterations + " read");
    }
}
