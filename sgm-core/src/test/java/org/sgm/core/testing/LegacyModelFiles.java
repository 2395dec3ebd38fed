package org.sgm.core.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.io.Hashing;
import org.sgm.core.io.ModelFile;

/** Model files as older SGM versions wrote them, made from current ones by editing the metadata and re-signing it. */
public final class LegacyModelFiles {
    private LegacyModelFiles() {}

    /**
     * Rewrites a model file as SGM wrote it before thresholds existed: the metadata without
     * {@code "trainingScores"}, with a matching checksum; every other entry is copied unchanged.
     *
     * @param file a model file, rewritten in place
     */
    public static void dropTrainingScores(Path file) throws IOException {
        editMetadata(file, meta -> meta.remove("trainingScores"));
    }

    /**
     * Edits {@code sgm-model.json} and writes the matching {@code sgm-model.json.sha256}, so that only the edit
     * differs.
     *
     * @param file a model file, rewritten in place
     * @param edit the edit of the metadata
     */
    public static void editMetadata(Path file, Consumer<ObjectNode> edit) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(file)));
                ZipOutputStream out = new ZipOutputStream(buf)) {
            byte[] meta = null;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals("sgm-model.json")) {
                    ObjectNode node = (ObjectNode) HyperparameterJson.mapper().readTree(b);
                    edit.accept(node);
                    meta = HyperparameterJson.mapper().writeValueAsBytes(node);
                    b = meta;
                } else if (e.getName().equals("sgm-model.json.sha256")) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
                if (meta != null && b == meta) {
                    out.putNextEntry(new ZipEntry("sgm-model.json.sha256"));
                    out.write(Hashing.sha256(meta).getBytes(StandardCharsets.US_ASCII));
                    out.closeEntry();
                }
            }
        }
        Files.write(file, buf.toByteArray());
    }
}
