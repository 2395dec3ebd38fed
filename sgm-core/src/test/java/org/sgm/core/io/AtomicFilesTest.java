package org.sgm.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.SgmException;

/** An existing output is never half-overwritten: not when the writer fails, nor when the process is killed. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aNewFileGetsTheUmasksPermissionsAndAReplacedOneKeepsItsOwn() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(
                PosixFileAttributeView.class), "POSIX permissions only");
        Path plain = Files.createFile(dir.resolve("plain.txt")); // what the umask gives any new file
        Path file = dir.resolve("report.html");
        AtomicFiles.writeString(file, "one");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                "the umask's permissions, neither forced open nor the temporary file's owner-only 0600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeString(file, "two");
        assertEquals("rw-rw----", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        assertEquals("two", Files.readString(file));
    }

    @Test
    void aWriterThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path out = Files.writeString(dir.resolve("results.csv"), "old content\n");
        SgmException e = assertThrows(SgmException.class, () -> AtomicFiles.write(out, o -> {
            o.write("new, but only half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().startsWith(out + ": cannot write: disk full"), e.getMessage());
        assertEquals("old content\n", Files.readString(out));
        assertEquals(List.of(out), files());
    }

    @Test
    void aFileThatDidNotExistIsNotCreatedByAFailedWrite() {
        Path out = dir.resolve("sub").resolve("model.sgm");
        assertThrows(SgmException.class, () -> AtomicFiles.write(out, o -> {
            throw new IOException("boom");
        }));
        assertTrue(!Files.exists(out));
    }

    /** Child process: starts replacing the file, says so, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), o -> {
            o.write(new byte[1 << 20]);
            o.flush();
            System.out.println("WRITING");
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        });
    }

    @Test
    void killingTheProcessMidWriteLeavesTheOldFileWhole() throws Exception {
        Path out = Files.writeString(dir.resolve("model.sgm"), "the previous model");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AtomicFilesTest.class.getName(), out.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("WRITING")) {
                // skip anything else the JVM prints
            }
            assertEquals("WRITING", line, "the child did not start writing");
            p.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals("the previous model", Files.readString(out));
        // The half-written temporary file is hidden beside it, named after it; the destination never held it.
        for (Path f : files()) {
            assertTrue(f.equals(out) || f.getFileName().toString().startsWith(".model.sgm."), f.toString());
        }
    }
}
