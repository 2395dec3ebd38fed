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
import org.sgm.core.SgmException;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.train.EpochStats;

/**
 * A fitted model as one file: a zip holding {@code sgm-model.json} (format version, detector key,
 * hyperparameters, preprocessing, input schema, provenance, training history, and the SHA-256 of every binary
 * entry), {@code sgm-model.json.sha256}, and the binary entries themselves ({@code state/NNN.bin}).
 *
 * <p>Reading verifies every checksum and the format version, reads entries into memory only (nothing is
 * extracted to disk, so no entry can be written anywhere), and executes nothing from the file: metadata is plain
 * JSON bound to known records, weights are plain float arrays.
 *
 * @param detector the registry key
 * @param hyperparameters the hyperparameters as JSON
 * @param state the fitted state
 * @param preprocessing the fitted preprocessing and input schema as JSON (from sgm-data; null if none)
 * @param provenance provenance as JSON (seed, data hash, versions, times)
 */
public record ModelFile(String detector, JsonNode hyperparameters, ModelState state, JsonNode preprocessing,
        JsonNode provenance) {

    /** The current format version; files of a newer version are refused. */
    public static final int FORMAT_VERSION = 1;
    static final String METADATA = "sgm-model.json";
    static final String METADATA_SUM = "sgm-model.json.sha256";
    private static final long MAX_ENTRY_BYTES = 1L << 31;
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
     * @throws SgmException naming the file if it is missing, truncated, tampered with or of a newer format
     */
    public static ModelFile read(Path path) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (raw.containsKey(e.getName())) {
                    throw new SgmException(path + ": not a valid SGM model file (duplicate entry " + e.getName() + ")");
                }
                raw.put(e.getName(), readBounded(zip, path));
            }
        } catch (NoSuchFileException e) {
            throw new SgmException(path + ": model file not found");
        } catch (ZipException | java.io.EOFException e) {
            throw new SgmException(path + ": not a valid SGM model file (corrupt or truncated archive)");
        } catch (IOException e) {
            throw new SgmException(path + ": cannot read model file: " + e.getMessage());
        }
        byte[] metaBytes = raw.get(METADATA);
        byte[] sum = raw.get(METADATA_SUM);
        if (metaBytes == null || sum == null) {
            throw new SgmException(path + ": not a valid SGM model file (no " + METADATA + "; truncated or not a model)");
        }
        if (!sha256(metaBytes).equals(new String(sum, StandardCharsets.US_ASCII).trim())) {
            throw new SgmException(path + ": model metadata checksum mismatch (file corrupted or modified)");
        }
        JsonNode meta;
        try {
            meta = MAPPER.readTree(metaBytes);
        } catch (IOException e) {
            throw new SgmException(path + ": model metadata is not valid JSON");
        }
        if (!"sgm-model".equals(meta.path("format").asText())) {
            throw new SgmException(path + ": not an SGM model file");
        }
        int version = meta.path("formatVersion").asInt(-1);
        if (version > FORMAT_VERSION) {
            throw new SgmException(path + ": model format version " + version + " is newer than this SGM reads ("
                    + FORMAT_VERSION + "); upgrade SGM");
        }
        if (version < 1) {
            throw new SgmException(path + ": model file has no valid format version");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.path("entries").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String file = e.getValue().path("file").asText();
            byte[] bytes = raw.get(file);
            if (bytes == null) {
                throw new SgmException(path + ": model entry " + e.getKey() + " is missing (truncated file?)");
            }
            if (!sha256(bytes).equals(e.getValue().path("sha256").asText())) {
                throw new SgmException(path + ": checksum mismatch in model entry " + e.getKey()
                        + " (file corrupted or modified)");
            }
            entries.put(e.getKey(), bytes);
        }
        List<EpochStats> history;
        try {
            history = MAPPER.convertValue(meta.path("history"), new TypeReference<List<EpochStats>>() {});
        } catch (IllegalArgumentException e) {
            throw new SgmException(path + ": model history is malformed");
        }
        ModelState state = new ModelState(meta.path("inputDim").asInt(), entries, history == null ? List.of() : history);
        return new ModelFile(meta.path("detector").asText(), meta.get("hyperparameters"), state,
                nullIfMissing(meta.get("preprocessing")), nullIfMissing(meta.get("provenance")));
    }

    private static JsonNode nullIfMissing(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] readBounded(InputStream in, Path path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long total = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            total += r;
            if (total > MAX_ENTRY_BYTES) {
                throw new SgmException(path + ": model entry larger than 2 GiB; refusing to read it");
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
