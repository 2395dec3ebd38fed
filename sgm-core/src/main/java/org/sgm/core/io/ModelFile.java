package org.sgm.core.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.threshold.TrainingScoreSummary;
import org.sgm.core.train.EpochStats;

/**
 * A fitted model as one file: a zip holding {@code sgm-model.json} (format version, detector key,
 * hyperparameters, preprocessing, input schema, provenance, training history, the summary of the training scores,
 * and the SHA-256 of every binary entry), {@code sgm-model.json.sha256}, and the binary entries themselves ({@code state/NNN.bin}).
 *
 * <p>Reading verifies every checksum and the format version, reads entries into memory only (nothing is
 * extracted to disk, so no entry can be written anywhere), and executes nothing from the file: metadata is plain
 * JSON bound to known records, weights are plain float arrays.
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
            desc.put("sha256", sha256(e.getValue()));
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
                put(zip, METADATA_SUM, sha256(metaBytes).getBytes(StandardCharsets.US_ASCII));
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
        Map<String, byte[]> raw = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(in)) {
            long budget = Math.min(MAX_EXPANDED_BYTES,
                    MIN_EXPANSION_BUDGET + MAX_EXPANSION_RATIO * Math.min(Files.size(path), MAX_EXPANDED_BYTES));
            long[] used = {0};
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (raw.containsKey(e.getName())) {
                    throw new ModelFileException(path + ": not a valid SGM model file (duplicate entry "
                            + e.getName() + ")");
                }
                // Entries are read into memory under their names and never written anywhere: an entry named
                // "../../x" is just a map key, so no archive entry can land outside any directory.
                raw.put(e.getName(), readBounded(zip, path, budget, used));
            }
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path + ": model file not found");
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFileException(path + ": not a valid SGM model file (corrupt or truncated archive)");
        } catch (IOException e) {
            throw new ModelFileException(path + ": cannot read model file: " + e.getMessage());
        }
        byte[] metaBytes = raw.get(METADATA);
        byte[] sum = raw.get(METADATA_SUM);
        if (metaBytes == null || sum == null) {
            throw new ModelFileException(path + ": not a valid SGM model file (no " + METADATA
                    + "; truncated or not a model)");
        }
        if (!sha256(metaBytes).equals(new String(sum, StandardCharsets.US_ASCII).trim())) {
            throw new ModelFileException(path + ": model metadata checksum mismatch (file corrupted or modified)");
        }
        JsonNode meta;
        try {
            meta = MAPPER.readTree(metaBytes);
        } catch (IOException e) {
            throw new ModelFileException(path + ": model metadata is not valid JSON");
        }
        if (!"sgm-model".equals(meta.path("format").asText())) {
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
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.path("entries").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String file = e.getValue().path("file").asText();
            byte[] bytes = raw.get(file);
            if (bytes == null) {
                throw new ModelFileException(path + ": model entry " + e.getKey() + " is missing (truncated file?)");
            }
            long declared = e.getValue().path("bytes").asLong(-1);
            if (declared != bytes.length) {
                throw new ModelFileException(path + ": model entry " + e.getKey() + " has " + bytes.length
                        + " bytes, but the metadata declares " + declared + " (file corrupted or modified)");
            }
            if (!sha256(bytes).equals(e.getValue().path("sha256").asText())) {
                throw new ModelFileException(path + ": checksum mismatch in model entry " + e.getKey()
                        + " (file corrupted or modified)");
            }
            entries.put(e.getKey(), bytes);
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

    private static JsonNode nullIfMissing(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Reads one entry, counting its bytes against what the whole file may expand to. */
    private static byte[] readBounded(InputStream in, Path path, long budget, long[] used) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int r;
        while ((r = in.read(buf)) > 0) {
            used[0] += r;
            if (used[0] > budget) {
                throw new ModelFileException(path + ": model file expands to more than " + (budget >> 20)
                        + " MiB; refusing to read it (corrupt, or not an SGM model file)");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    /**
     * @param bytes data
     * @return its SHA-256 as lower-case hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
