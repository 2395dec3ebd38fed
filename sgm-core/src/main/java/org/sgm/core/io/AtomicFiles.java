package org.sgm.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sgm.core.SgmException;

/**
 * Writes files so that nothing the user had is lost or half-overwritten: the content goes to a temporary file in
 * the same directory, which is then renamed over the destination (atomically where the file system allows).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * @param path the destination
     * @param writer writes the content
     * @throws SgmException naming the file if it cannot be written
     */
    public static void write(Path path, Content writer) {
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            permissionsFor(tmp, abs);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | UncheckedIOException e) {
            throw new SgmException(path + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after its destination
                }
            }
        }
    }

    /**
     * A temporary file is created owner-only (0600); the output gets the permissions of the file it replaces, or
     * the usual rw-r--r-- of a new file, so that a report or model file can be shared as any other file.
     */
    private static void permissionsFor(Path tmp, Path destination) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(tmp, Files.exists(destination) ? Files.getPosixFilePermissions(destination)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    /**
     * @param path the destination
     * @param text UTF-8 text to write
     */
    public static void writeString(Path path, String text) {
        write(path, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write to (closing it is allowed)
         * @throws IOException on failure
         */
        void write(OutputStream out) throws IOException;
    }
}
