package org.sgm.core.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.sgm.core.EpochStats;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.threshold.TrainingScoreSummary;

/**
 * A fitted model as one file: a zip holding {@code sgm-model.json} (format version, detector key,
 * hyperparameters, preprocessing, input schema, provenance, training history, the summary of the training scores,
 * and the SHA-256 of every binary entry), {@code sgm-model.json.sha256}, and the binary entries themselves ({@code state/NNN.bin}).
 *
 * <p>Reading verifies every checksum and the format version, reads entries into memory only (nothing is
 * extracted to disk, so no entry can be written anywhere), and executes nothing from the file: metadata is plain
 * JSON bound to known records, weights are plain float (the OCSVM baseline: double) arrays.
 *
 * <p>The summary of the training scores ({@code "trainingScores"}, used by thresholds) is optional: files written
 * before it existed read with {@link #trainingScores()} null, and readers that predate it ignore it, so the format
 * version stays 1.
 *
 * @param detector the registry key
 * @param hyperparameters the hyperparameters as JSON
 * @param state the fitted state
 * @param preprocessing the fitted preprocessing and input schema as JSON (from sgm-data; null if none)
 * @param provenance provenance as JSON (seed, data hash, versions, times)
 * @param trainingScores the summary of the model's scores of its training rows, or null if the file has none
 */
public record ModelFile(String detector, JsonNode hyperparameters, ModelState state, JsonNode preprocessing,
        JsonNode provenance, TrainingScoreSummary trainingScores) {

    /**
     * A model file without a training-score summary.
     *
     * @param detector the registry key
     * @param hyperparameters the hyperparameters as JSON
     * @param state the fitted state
     * @param preprocessing the fitted preprocessing and input schema as JSON (null if none)
     * @param provenance provenance as JSON
     */
    public ModelFile(String detector, JsonNode hyperparameters, ModelState state, JsonNode preprocessing,
            JsonNode provenance) {
        this(detector, hyperparameters, state, preprocessing, provenance, null);
    }

    /** The current format version; files of a newer version are refused. */
    public static final int FORMAT_VERSION = 1;
    static final String METADATA = "sgm-model.json";
    static final String METADATA_SUM = "sgm-model.json.sha256";
    /** No model file expands to more than this (byte arrays hold at most 2 GiB). */
    private static final long MAX_EXPANDED_BYTES = (1L << 31) - 1024;
    /**
     * A model file may expand to at most this many times its size, plus {@link #MIN_EXPANSION_BUDGET}: float
     * weights deflate by a few percent, so only a crafted archive (a "zip bomb") comes near it, and it is refused
     * before it can exhaust the heap.
     */
    private static final long MAX_EXPANSION_RATIO = 100;
    private static final long MIN_EXPANSION_BUDGET = 64L << 20;
    /** The metadata (hyperparameters, preprocessing, history) is never larger than this. */
    private static final int MAX_METADATA_BYTES = 16 << 20;
    private static final ObjectMapper MAPPER = HyperparameterJson.mapper();

    /**
     * @param model a fitted model
     * @param preprocessing its preprocessing as JSON, or null
     * @param provenance its provenance as JSON, or null
     * @return the file's contents
     */
    public static ModelFile of(FittedDetector model, JsonNode preprocessing, JsonNode provenance) {
        return new ModelFile(model.key(), HyperparameterJson.toTree(model.hyperparameters()), model.state(),
                preprocessing, provenance);
    }

    /**
     * @param summary the summary of the model's scores of its training rows, or null
     * @return this file with that summary
     */
    public ModelFile withTrainingScores(TrainingScoreSummary summary) {
        return new ModelFile(detector, hyperparameters, state, preprocessing, provenance, summary);
    }

    /**
     * @param registry the detector registry
     * @return the fitted model, restored by its provider
     */
    public FittedDetector restore(DetectorRegistry registry) {
        return registry.restore(detector, hyperparameters, state);
    }

    /**
     * Writes the file atomically: to a temporary file beside it, then renamed over {@code path}, so an existing
     * file is never half-overwritten.
     *
     * @param path the destination
     */
    public void write(Path path) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("format", "sgm-model");
        meta.put("formatVersion", FORMAT_VERSION);
        meta.put("detector", detector);
        meta.set("hyperparameters", hyperparameters);
        meta.put("inputDim", state.inputDim());
        meta.set("preprocessing", preprocessing);
        meta.set("provenance", provenance);
        meta.set("history", MAPPER.valueToTree(state.history()));
        if (trainingScores != null) {
            meta.set("trainingScores", trainingScores.toJson());
        }
        ObjectNode entries = meta.putObject("entries");
        Map<String, byte[]> files = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, byte[]> e : state.entries().entrySet()) {
            String file = String.format("state/%03d.bin", i++);
            ObjectNode desc = entries.putObject(e.getKey());
            desc.put("file", file);
            desc.put("bytes", e.getValue().length);
            desc.put("sha256", Hashing.sha256(e.getValue()));
            files.put(file, e.getValue());
        }
        byte[] metaBytes;
        try {
            metaBytes = MAPPER.writeValueAsBytes(meta);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write model metadata", e);
        }
        AtomicFiles.write(path, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, METADATA, metaBytes);
                put(zip, METADATA_SUM, Hashing.sha256(metaBytes).getBytes(StandardCharsets.US_ASCII));
                for (Map.Entry<String, byte[]> e : files.entrySet()) {
                    put(zip, e.getKey(), e.getValue());
                }
            }
        });
    }

    /**
     * Reads and verifies a model file.
     *
     * @param path the file
     * @return its contents
     * @throws ModelFileException naming the file if it is missing, truncated, tampered with, of a newer format,
     *     or expands to far more than its size
     */
    public static ModelFile read(Path path) {
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path + ": model file not found");
        } catch (IOException e) {
            throw new ModelFileException(path + ": cannot read model file: " + e.getMessage());
        }
        JsonNode meta;
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(in)) {
            // The metadata comes first (every SGM version writes it first) and is verified before anything else is
            // read: every later entry must be one it declares, and no entry is read past its declared size, so a
            // crafted archive cannot make this allocate more than the metadata admits (and that is checked
            // against the heap first).
            ZipEntry first = zip.getNextEntry();
            if (first == null || !METADATA.equals(first.getName())) {
                throw new ModelFileException(path + ": not a valid SGM model file (" + (first == null
                        ? "no entries" : "first entry " + printable(first.getName()) + ", expected " + METADATA)
                        + "; truncated or not a model)");
            }
            byte[] metaBytes = readAtMost(zip, path, METADATA, MAX_METADATA_BYTES);
            ZipEntry second = zip.getNextEntry();
            if (second == null || !METADATA_SUM.equals(second.getName())) {
                throw new ModelFileException(path + ": not a valid SGM model file (no " + METADATA_SUM
                        + " after " + METADATA + "; truncated or not a model)");
            }
            byte[] sum = readAtMost(zip, path, METADATA_SUM, 256);
            if (!Hashing.sha256(metaBytes).equals(new String(sum, StandardCharsets.US_ASCII).trim())) {
                throw new ModelFileException(path + ": model metadata checksum mismatch (file corrupted or modified)");
            }
            meta = metadata(path, metaBytes);
            Map<String, Declared> declared = declaredEntries(path, meta, size);
            Map<String, byte[]> byFile = new LinkedHashMap<>();
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                // Entries are read into memory under their names and never written anywhere: an entry named
                // "../../x" is just a map key, so no archive entry can land outside any directory.
                Declared d = declared.get(e.getName());
                if (d == null) {
                    throw new ModelFileException(path + ": not a valid SGM model file (entry "
                            + printable(e.getName()) + " is " + (byFile.containsKey(e.getName()) || METADATA.equals(
                            e.getName()) || METADATA_SUM.equals(e.getName()) ? "there twice" : "not declared in "
                            + METADATA) + ")");
                }
                if (byFile.containsKey(e.getName())) {
                    throw new ModelFileException(path + ": not a valid SGM model file (duplicate entry "
                            + printable(e.getName()) + ")");
                }
                byFile.put(e.getName(), readExactly(zip, path, d));
            }
            for (Declared d : declared.values()) {
                byte[] bytes = byFile.get(d.file());
                if (bytes == null) {
                    throw new ModelFileException(path + ": model entry " + d.key() + " is missing (truncated file?)");
                }
                if (!Hashing.sha256(bytes).equals(d.sha256())) {
                    throw new ModelFileException(path + ": checksum mismatch in model entry " + d.key()
                            + " (file corrupted or modified)");
                }
                entries.put(d.key(), bytes);
            }
        } catch (ZipException | EOFException e) {
            throw new ModelFileException(path + ": not a valid SGM model file (corrupt or truncated archive)");
        } catch (IllegalArgumentException e) { // an entry name that is not valid UTF-8
            throw new ModelFileException(path + ": not a valid SGM model file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ModelFileException(path + ": cannot read model file: " + e.getMessage());
        }
        List<EpochStats> history;
        try {
            history = MAPPER.convertValue(meta.path("history"), new TypeReference<List<EpochStats>>() {});
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path + ": model history is malformed");
        }
        int inputDim = meta.path("inputDim").asInt(-1);
        if (inputDim < 1) {
            throw new ModelFileException(path + ": model file has no valid input dimension");
        }
        TrainingScoreSummary trainingScores = null;
        JsonNode summary = nullIfMissing(meta.get("trainingScores"));
        if (summary != null) {
            try {
                trainingScores = TrainingScoreSummary.fromJson(summary);
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(path + ": the training-score summary is malformed (" + e.getMessage()
                        + ")");
            }
        }
        ModelState state = new ModelState(inputDim, entries, history == null ? List.of() : history);
        return new ModelFile(meta.path("detector").asText(), meta.get("hyperparameters"), state,
                nullIfMissing(meta.get("preprocessing")), nullIfMissing(meta.get("provenance")), trainingScores);
    }

    /** One binary entry as the metadata declares it. */
    private record Declared(String key, String file, int bytes, String sha256) {}

    private static JsonNode metadata(Path path, byte[] metaBytes) {
        JsonNode meta;
        try {
            meta = MAPPER.readTree(metaBytes);
        } catch (IOException e) {
            throw new ModelFileException(path + ": model metadata is not valid JSON");
        }
        if (meta == null || !"sgm-model".equals(meta.path("format").asText())) {
            throw new ModelFileException(path + ": not an SGM model file");
        }
        int version = meta.path("formatVersion").asInt(-1);
        if (version > FORMAT_VERSION) {
            throw new ModelFileException(path + ": model format version " + version + " is newer than this SGM reads ("
                    + FORMAT_VERSION + "); upgrade SGM");
        }
        if (version < 1) {
            throw new ModelFileException(path + ": model file has no valid format version");
        }
        return meta;
    }

    /**
     * The binary entries the metadata declares, by file name, after checking that together they fit what this
     * file may expand to and half the heap.
     */
    private static Map<String, Declared> declaredEntries(Path path, JsonNode meta, long fileSize) {
        Map<String, Declared> declared = new LinkedHashMap<>();
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.path("entries").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String file = e.getValue().path("file").asText();
            long bytes = e.getValue().path("bytes").asLong(-1);
            if (file.isEmpty() || METADATA.equals(file) || METADATA_SUM.equals(file) || declared.containsKey(file)
                    || bytes < 0 || bytes > MAX_EXPANDED_BYTES) {
                throw new ModelFileException(path + ": model entry " + e.getKey() + " is declared with file "
                        + printable(file) + " and " + bytes + " bytes (file corrupted or modified)");
            }
            total += bytes;
            declared.put(file, new Declared(e.getKey(), file, (int) bytes, e.getValue().path("sha256").asText()));
        }
        long budget = Math.min(MAX_EXPANDED_BYTES,
                MIN_EXPANSION_BUDGET + MAX_EXPANSION_RATIO * Math.min(fileSize, MAX_EXPANDED_BYTES));
        if (total > budget) {
            throw new ModelFileException(path + ": model file declares " + (total >> 20) + " MiB of arrays, more than "
                    + (budget >> 20) + " MiB that a file of its size can hold; refusing to read it (corrupt, or not"
                    + " an SGM model file)");
        }
        long heap = Runtime.getRuntime().maxMemory() / 2;
        if (total > heap) {
            throw new ModelFileException(path + ": model file holds " + (total >> 20) + " MiB of arrays, more than"
                    + " half the heap (" + (heap >> 20) + " MiB); give Java more memory (SGM_JAVA_OPTS=-Xmx...)");
        }
        return declared;
    }

    private static String printable(String name) {
        String s = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return "'" + s.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    /** Reads an entry of at most {@code limit} bytes, refusing a longer one before holding it. */
    private static byte[] readAtMost(InputStream in, Path path, String name, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new ModelFileException(path + ": model entry " + name + " is larger than " + limit
                    + " bytes; refusing to read it (corrupt, or not an SGM model file)");
        }
        return bytes;
    }

    /** Reads an entry that must hold exactly its declared bytes, into an array of that size. */
    private static byte[] readExactly(InputStream in, Path path, Declared d) throws IOException {
        byte[] bytes = new byte[d.bytes()];
        int n = in.readNBytes(bytes, 0, bytes.length);
        if (n < bytes.length || in.read() >= 0) {
            throw new ModelFileException(path + ": model entry " + d.key() + " has " + (n < bytes.length ? n
                    + " bytes" : "more bytes") + ", but the metadata declares " + d.bytes()
                    + " (file corrupted or modified)");
        }
        return bytes;
    }

    private static JsonNode nullIfMissing(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
