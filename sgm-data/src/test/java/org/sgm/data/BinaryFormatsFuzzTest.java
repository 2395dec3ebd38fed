package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    /**
     * Forged {@code .npy} headers from a grammar: any version byte, element types with any kind and size (long
     * digit runs included), shapes with huge, negative, empty and non-numeric dimensions, and data shorter, equal
     * to or longer than the shape says. Byte mutations of a valid file rarely reach these (a version byte of 0, a
     * type {@code <f99999999999}); this found both.
     */
    @Test
    void forgedNpyHeadersReadOrFailWithTheReadersError() throws Exception {
        Path file = dir.resolve("forged.npy");
        assertTimeoutPreemptively(HANG, () -> {
            SplittableRandom rng = new SplittableRandom(SEED);
            String[] kinds = {"f", "i", "u", "b", "c", "U", "S", "O", "?"};
            String[] orders = {"<", ">", "|", "="};
            String[] dims = {"0", "1", "2", "3", "7", "-1", "2147483647", "2147483648", "99999999999999999999", "x",
                ""};
            long deadline = System.nanoTime() + BUDGET.toNanos();
            int iterations = 0;
            int read = 0;
            for (; iterations < MAX_ITERATIONS && System.nanoTime() < deadline; iterations++) {
                int version = rng.nextInt(6) == 0 ? rng.nextInt(256) : 1 + rng.nextInt(3);
                String size = switch (rng.nextInt(5)) {
                    case 0 -> "";
                    case 1 -> Long.toString(rng.nextLong(1, Long.MAX_VALUE));
                    default -> Integer.toString(1 << rng.nextInt(4));
                };
                String descr = orders[rng.nextInt(orders.length)] + kinds[rng.nextInt(kinds.length)] + size;
                StringBuilder shape = new StringBuilder("(");
                for (int k = rng.nextInt(4); k > 0; k--) {
                    shape.append(dims[rng.nextInt(dims.length)]).append(", ");
                }
                shape.append(')');
                String header = "{'descr': '" + descr + "', 'fortran_order': " + (rng.nextBoolean() ? "True" : "False")
                        + ", 'shape': " + shape + ", }";
                byte[] data = new byte[rng.nextInt(4) == 0 ? 0 : rng.nextInt(97)];
                rng.nextBytes(data);
                byte[] bytes = NpyFiles.npy(version, header, data);
                if (rng.nextInt(8) == 0) {
                    bytes = Arrays.copyOf(bytes, rng.nextInt(bytes.length + 1));
                }
                Files.write(file, bytes);
                try {
                    Table.read(file, ReadOptions.defaults().withLabelColumn(null));
                    read++;
                } catch (SgmException expected) {
                    assertTrue(expected.getMessage().startsWith(file.toString()), expected.getMessage());
                    assertTrue(expected.getMessage().indexOf('\n') < 0, "one line: " + expected.getMessage());
                } catch (Throwable other) {
                    fail("iteration " + iterations + " (seed " + SEED + "), header " + header + ", " + data.length
                            + " data bytes: " + other, other);
                }
            }
            System.out.printf("forged .npy headers: %d files, %d read, seed %d%n", iterations, read, SEED);
            assertTrue(iterations >= 100, "too few iterations: " + iterations);
            assertTrue(read > 0 && read < iterations, "some forged files read, most not: " + read);
        }, "the reader hung on a forged .npy header");
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
