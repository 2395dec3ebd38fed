package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sgm.cli.CliRoundTripTest.sgm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.SgmException;
import org.sgm.core.testing.LegacyModelFiles;
import org.sgm.data.FittedPipeline;
import org.sgm.data.Table;

/**
 * Bounded, seeded fuzzing of model files whose checksums are recomputed, so that only what the metadata claims is
 * wrong: the input dimension, any number in the hyperparameters (layer widths among them), the declared sizes and
 * files of the entries, the preprocessing's columns. Loading and scoring must then succeed or fail with an
 * {@link SgmException}, never with another throwable: round 1 ran out of memory on a forged input dimension or
 * layer width (byte mutations, which the checksums refuse, never reached them).
 */
class ModelFileFuzzTest {
    private static final long SEED = Long.getLong("sgm.fuzz.seed", 20261206L);
    private static final int MAX_ITERATIONS = Integer.getInteger("sgm.fuzz.iterations", 300);
    private static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("sgm.fuzz.seconds", 6));
    private static final long[] NUMBERS = {0, 1, 2, 3, -1, -7, 29, 31, 64, 1000, 100_000_000, 400_000_000,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 33, Long.MAX_VALUE};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sg-ae", "sg-dsvdd", "iforest", "knn"})
    void forgedMetadataLoadsOrIsRefused(String key) throws Exception {
        Path model = dir.resolve(key + ".sgm");
        CliRoundTripTest.Run run = sgm("fit", "--model", key, "--data", "builtin:wbc", "--epochs", "1", "--quiet",
                "--out", model.toString());
        assertEquals(0, run.status(), run.err());
        byte[] valid = Files.readAllBytes(model);
        Table data = Table.read("builtin:wbc", FittedPipeline.load(model, SgmMain.registry()).readOptions());
        Path forged = dir.resolve("forged.sgm");
        assertTimeoutPreemptively(BUDGET.plusSeconds(60), () -> {
            SplittableRandom rng = new SplittableRandom(SEED ^ key.hashCode());
            long deadline = System.nanoTime() + BUDGET.toNanos();
            int iterations = 0;
            int loaded = 0;
            for (; iterations < MAX_ITERATIONS && System.nanoTime() < deadline; iterations++) {
                Files.write(forged, valid);
                List<String> edits = new ArrayList<>();
                LegacyModelFiles.editMetadata(forged, meta -> {
                    for (int k = 1 + rng.nextInt(3); k > 0; k--) {
                        edits.add(edit(meta, rng));
                    }
                });
                try {
                    FittedPipeline p = FittedPipeline.load(forged, SgmMain.registry());
                    p.score(data);
                    loaded++;
                } catch (SgmException expected) {
                    assertTrue(expected.getMessage() != null && !expected.getMessage().contains("\n"),
                            "one line: " + expected.getMessage());
                } catch (Throwable other) {
                    fail(key + ", iteration " + iterations + " (seed " + SEED + "), edits " + edits + ": " + other,
                            other);
                }
            }
            System.out.printf("%s model-file fuzz: %d forged files, %d loaded and scored, seed %d%n", key, iterations,
                    loaded, SEED);
            assertTrue(iterations >= 30, "too few iterations: " + iterations);
            assertTrue(loaded < iterations, "most forged files must be refused: " + loaded + " of " + iterations);
        });
    }

    /** One random edit of the metadata; returns what it did, for the failure message. */
    private static String edit(ObjectNode meta, SplittableRandom rng) {
        long value = NUMBERS[rng.nextInt(NUMBERS.length)];
        switch (rng.nextInt(5)) {
            case 0 -> {
                meta.put("inputDim", value);
                return "inputDim=" + value;
            }
            case 1 -> {
                List<ObjectNode> parents = new ArrayList<>();
                List<String> fields = new ArrayList<>();
                numbers(meta.get("hyperparameters"), parents, fields);
                if (parents.isEmpty()) {
                    return "none";
                }
                int i = rng.nextInt(parents.size());
                parents.get(i).put(fields.get(i), value);
                return "hyperparameters." + fields.get(i) + "=" + value;
            }
            case 2 -> {
                JsonNode hp = meta.get("hyperparameters");
                if (hp != null && hp.get("backbone") instanceof ObjectNode b) {
                    hp = b; // a score-guided model's own settings
                }
                if (hp instanceof ObjectNode o && o.has("hiddenDims")) {
                    ArrayNode dims = o.putArray("hiddenDims");
                    for (int k = rng.nextInt(3); k > 0; k--) {
                        dims.add(NUMBERS[rng.nextInt(NUMBERS.length)]);
                    }
                    return "hiddenDims=" + dims;
                }
                return "none";
            }
            case 3 -> {
                ObjectNode entries = (ObjectNode) meta.get("entries");
                List<String> names = new ArrayList<>();
                entries.fieldNames().forEachRemaining(names::add);
                if (names.isEmpty()) {
                    return "none";
                }
                String name = names.get(rng.nextInt(names.size()));
                ObjectNode e = (ObjectNode) entries.get(name);
                if (rng.nextBoolean()) {
                    e.put("bytes", value);
                    return name + ".bytes=" + value;
                }
                String other = names.get(rng.nextInt(names.size()));
                JsonNode file = e.get("file");
                e.set("file", entries.get(other).get("file"));
                ((ObjectNode) entries.get(other)).set("file", file);
                return "swap files " + name + "/" + other;
            }
            default -> {
                JsonNode columns = meta.path("preprocessing").path("preprocessor").path("columns");
                if (columns instanceof ArrayNode a && a.size() > 1) {
                    a.remove(rng.nextInt(a.size()));
                    return "preprocessing column dropped";
                }
                return "none";
            }
        }
    }

    private static void numbers(JsonNode node, List<ObjectNode> parents, List<String> fields) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNumber()) {
                    parents.add(o);
                    fields.add(e.getKey());
                } else {
                    numbers(e.getValue(), parents, fields);
                }
            }
        }
    }
}
