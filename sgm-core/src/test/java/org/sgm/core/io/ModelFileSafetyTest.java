package org.sgm.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgm.core.testing.ZipEntries.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;

/**
 * The model-file cases {@link ModelFileTest} does not cover: hostile archive entry names, entries that are
 * declared but missing or of another size, an archive that expands far beyond its size, a shape that overflows,
 * and a Java-serialised object planted as a weight entry (it must never be deserialised).
 */
class ModelFileSafetyTest {
    @TempDir
    Path root;

    private final DetectorRegistry registry = new DetectorRegistry(Map.of("mean", new ModelFileTest.MeanProvider()));
    private final FeatureMatrix x = FeatureMatrix.of(new double[][] {{1, 2}, {3, 5}, {0, -1}});

    /** The model file lives two directories down, so that "../../x" would still land inside {@link #root}. */
    private Path saved() throws IOException {
        Path dir = Files.createDirectories(root.resolve("a").resolve("b"));
        FittedDetector m = registry.create("mean", HyperparameterJson.read("{\"scale\": 2}")).fit(x, 0);
        Path file = dir.resolve("m.sgm");
        ModelFile.of(m, null, null).write(file);
        return file;
    }

    private List<Path> everyFile() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void entryNamesThatClimbOutOfADirectoryAreNeverWrittenAnywhere() throws Exception {
        Path file = saved();
        List<String> hostile = List.of("../../escaped.txt", "../escaped2.txt", "/tmp/sgm-zip-slip-absolute.txt",
                "..\\..\\escaped3.txt", "state/../../../escaped4.txt");
        byte[] zip = Files.readAllBytes(file);
        for (String name : hostile) {
            zip = addEntry(zip, name, "pwned".getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, zip);
        List<Path> before = everyFile();

        // An entry the metadata does not declare is refused (round 1 ignored it); none is ever extracted.
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertEquals(file + ": not a valid SGM model file (entry '../../escaped.txt' is not declared in "
                + "sgm-model.json)", e.getMessage());

        assertEquals(before, everyFile(), "reading wrote no file");
        assertFalse(Files.exists(Path.of("/tmp/sgm-zip-slip-absolute.txt")));
        assertFalse(Files.exists(Path.of("escaped.txt")), "nothing in the working directory either");
    }

    @Test
    void metadataPointingAnEntryOutsideTheArchiveIsJustAMissingEntry() throws Exception {
        Path file = saved();
        resign(file, meta -> meta.replace("\"file\" : \"state/000.bin\"", "\"file\" : \"../../../etc/passwd\""));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertEquals(file + ": not a valid SGM model file (entry 'state/000.bin' is not declared in sgm-model.json)",
                e.getMessage(), "the entry the archive does hold is now undeclared");
        Files.write(file, removeEntry(Files.readAllBytes(file), "state/000.bin"));
        e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertEquals(file + ": model entry mean is missing (truncated file?)", e.getMessage());
    }

    @Test
    void anEntryDeclaredButMissingIsRefused() throws Exception {
        Path file = saved();
        Files.write(file, removeEntry(Files.readAllBytes(file), "state/000.bin"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertEquals(file + ": model entry mean is missing (truncated file?)", e.getMessage());
    }

    @Test
    void anEntryOfAnotherSizeThanDeclaredIsRefused() throws Exception {
        Path file = saved();
        byte[] good = Files.readAllBytes(file);
        int actual = entry(good, "state/000.bin").length;
        resign(file, meta -> meta.replaceFirst("\"bytes\" : \\d+", "\"bytes\" : " + (actual + 4)));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertEquals(file + ": model entry mean has " + actual + " bytes, but the metadata declares " + (actual + 4)
                + " (file corrupted or modified)", e.getMessage());

        Files.write(file, good);
        resign(file, meta -> meta.replaceFirst("\"bytes\" : \\d+", "\"bytes\" : " + (actual - 4)));
        e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertEquals(file + ": model entry mean has more bytes, but the metadata declares " + (actual - 4)
                + " (file corrupted or modified)", e.getMessage(), "reading stops at the declared size");

        Files.write(file, good);
        resign(file, meta -> meta.replaceFirst("\"bytes\" : \\d+", "\"bytes\" : 9999999999"));
        e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertEquals(file + ": model entry mean is declared with file 'state/000.bin' and 9999999999 bytes (file "
                + "corrupted or modified)", e.getMessage());
    }

    /** A zip whose first entry, {@code name}, is {@code mib} MiB of zeros (about 1000:1 compressed). */
    private static byte[] zerosArchive(String name, int mib, byte[] after) throws IOException {
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buf);
                ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(after))) {
            out.putNextEntry(new ZipEntry(name));
            for (int i = 0; i < mib; i++) {
                out.write(zeros);
            }
            out.closeEntry();
            copyEntries(in, out);
        }
        return buf.toByteArray();
    }

    @Test
    void anArchiveOfZerosIsRefusedBeforeItFillsTheHeap() throws Exception {
        // Round 1 read any entry up to 64 MiB + 100 x the file's size before checking anything: a file of
        // zeros made 'sgm score' run out of memory. Now the metadata must come first and is read to 16 MiB at most.
        Path file = saved();
        byte[] model = Files.readAllBytes(file);
        Files.write(file, zerosArchive("bomb.bin", 100, model));
        assertTrue(Files.size(file) < 1 << 20, "the bomb is small: " + Files.size(file));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertEquals(file + ": not a valid SGM model file (first entry 'bomb.bin', expected sgm-model.json; "
                + "truncated or not a model)", e.getMessage());

        Files.write(file, zerosArchive(ModelFile.METADATA, 100, new byte[0]));
        e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertEquals(file + ": model entry sgm-model.json is larger than 16777216 bytes; refusing to read it "
                + "(corrupt, or not an SGM model file)", e.getMessage());
    }

    @Test
    void metadataThatDeclaresFarMoreThanTheFileCanHoldIsRefusedBeforeAnyEntryIsRead() throws Exception {
        Path file = saved();
        // 1 GiB declared by a file of a few kB: more than 64 MiB + 100 x its size.
        resign(file, meta -> meta.replaceFirst("\"bytes\" : \\d+", "\"bytes\" : 1073741824"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": model file declares 1024 MiB of arrays, more than "), e.getMessage());
    }

    @Test
    void aShapeWhoseSizeOverflowsIsRefused() {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * 3 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(3).putLong(Integer.MAX_VALUE).putLong(Integer.MAX_VALUE).putLong(Integer.MAX_VALUE).putLong(0);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelState.decode(b.array(), "w"));
        assertEquals("model entry w: shape too large", e.getMessage());
        ByteBuffer negative = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putLong(-4);
        assertThrows(ModelFileException.class, () -> ModelState.decode(negative.array(), "w"));
    }

    @Test
    void aBadInputDimensionIsRefused() throws Exception {
        Path file = saved();
        resign(file, meta -> meta.replace("\"inputDim\" : 2", "\"inputDim\" : -3"));
        assertEquals(file + ": model file has no valid input dimension",
                assertThrows(ModelFileException.class, () -> ModelFile.read(file)).getMessage());
    }

    /** Sets a flag if Java deserialisation ever reaches it. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean tripped;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            tripped = true;
        }
    }

    @Test
    void aJavaSerialisedObjectInTheFileIsNeverDeserialised() throws Exception {
        ByteArrayOutputStream serialised = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialised)) {
            out.writeObject(new Tripwire());
        }
        Tripwire.tripped = false;
        // A well-formed, correctly checksummed file whose weight entry is a serialised object.
        ModelState state = new ModelState(2, Map.of("mean", serialised.toByteArray()), List.of());
        Path file = Files.createDirectories(root.resolve("c")).resolve("planted.sgm");
        new ModelFile("mean", HyperparameterJson.read("{\"scale\": 1}"), state, null, null).write(file);

        ModelFile read = ModelFile.read(file);
        SgmException e = assertThrows(SgmException.class, () -> read.restore(registry));
        assertTrue(e instanceof ModelFileException, e.toString());
        assertFalse(Tripwire.tripped, "the object was deserialised");
        // Nor can the JSON metadata name a class to instantiate: polymorphic typing is off, so it is an unknown field.
        SgmException json = assertThrows(SgmException.class, () -> registry.restore("mean",
                HyperparameterJson.read("{\"@class\": \"java.lang.ProcessBuilder\", \"scale\": 1}"), state));
        assertTrue(json.getMessage().contains("@class is not a known parameter"), json.getMessage());
    }

    // ---------------------------------------------------------------- archive surgery

    private interface Text {
        String apply(String s);
    }

    /** Edits the metadata and writes a matching checksum, so that only the edit is wrong. */
    private static void resign(Path file, Text edit) throws Exception {
        byte[] zip = Files.readAllBytes(file);
        byte[] meta = edit.apply(new String(entry(zip, ModelFile.METADATA), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        zip = replaceEntry(zip, ModelFile.METADATA, meta);
        zip = replaceEntry(zip, ModelFile.METADATA_SUM, Hashing.sha256(meta).getBytes(StandardCharsets.US_ASCII));
        Files.write(file, zip);
    }

    private static byte[] replaceEntry(byte[] zip, String name, byte[] content) throws IOException {
        return transform(zip, out -> { }, name, content);
    }

    private static byte[] removeEntry(byte[] zip, String name) throws IOException {
        return transform(zip, out -> { }, name, null);
    }

    private static byte[] addEntry(byte[] zip, String name, byte[] content) throws IOException {
        return transform(zip, out -> {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }, null, null);
    }

    private interface Extra {
        void write(ZipOutputStream out) throws IOException;
    }

    /** Copies every entry, replacing (or, with null content, dropping) {@code name}, then writes {@code extra}. */
    private static byte[] transform(byte[] zip, Extra extra, String name, byte[] content) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(buf)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals(name)) {
                    if (content == null) {
                        continue;
                    }
                    b = content;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
            extra.write(out);
        }
        return buf.toByteArray();
    }

    private static void copyEntries(ZipInputStream in, ZipOutputStream out) throws IOException {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
            byte[] b = in.readAllBytes();
            out.putNextEntry(new ZipEntry(e.getName()));
            out.write(b);
            out.closeEntry();
        }
    }
}
