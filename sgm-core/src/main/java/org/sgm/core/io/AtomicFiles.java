package org.sgm.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;
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
            tmp = createTemporary(dir, abs.getFileName().toString());
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                writer.write(out);
            }
            // On disk before the rename: after a power cut the destination is the old file or the whole new one,
            // never an empty one.
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (Files.exists(abs)) {
                keepPermissions(tmp, abs);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            forceDirectory(dir);
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
     * A new hidden file next to the destination, created without explicit permissions, so that the process's umask
     * decides them as for any file it creates (a model file or an exported split holds training rows: a user whose
     * umask keeps files private keeps them private).
     */
    private static Path createTemporary(Path dir, String name) throws IOException {
        ThreadLocalRandom rng = ThreadLocalRandom.current();
        for (int attempt = 0; ; attempt++) {
            Path tmp = (dir == null ? Path.of("") : dir).resolve("." + name + "." + Long.toUnsignedString(
                    rng.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** A replaced file's permissions carry over to its new content. */
    private static void keepPermissions(Path tmp, Path destination) throws IOException {
        if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(destination));
        }
    }

    /** The rename itself on disk too (Linux: a directory opened for reading can be forced; elsewhere skipped). */
    private static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform lets a directory be opened; the file itself is already forced
        }
    }

    /**
     * @param path the destination
     * @param text UTF-8 text to write
     */
    public static void writeString(Path path, String text) {
        write(path, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
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
