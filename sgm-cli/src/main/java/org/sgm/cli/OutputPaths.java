package org.sgm.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sgm.core.SgmException;
import org.sgm.core.io.AtomicFiles;

/**
 * Checks on an output file before anything is computed (it is not a directory and not one of the inputs), and
 * writing it: atomically to a file, or to standard output where a command takes {@code --out -}.
 */
final class OutputPaths {
    /** The {@code --out} value that means standard output (a file of that name is {@code ./-}). */
    static final String STDOUT = "-";

    private OutputPaths() {}

    /**
     * @param out the {@code --out} value
     * @return whether it is {@code -}, standard output
     */
    static boolean isStdout(Path out) {
        return out.toString().equals(STDOUT);
    }

    /**
     * @param out the {@code --out} value
     * @return how progress lines name it: the file, or {@code stdout}
     */
    static String describe(Path out) {
        return isStdout(out) ? "stdout" : out.toString();
    }

    /**
     * @param out the output file
     * @param what what is written there, for the message ("the model", "the scores")
     * @param inputs the command's input files, as the user gave them (a {@code builtin:} source is skipped)
     * @throws SgmException naming the option and the file
     */
    static void check(Path out, String what, String... inputs) {
        if (Files.isDirectory(out)) {
            throw new SgmException("--out " + out + " is a directory; give a file name for " + what);
        }
        for (String input : inputs) {
            if (input == null || input.startsWith("builtin:")) {
                continue;
            }
            Path in = Path.of(input);
            if (Files.exists(out) && Files.exists(in) && same(out, in)) {
                throw new SgmException("--out " + out + " is the input file " + input + "; writing there would "
                        + "replace it: give another file name");
            }
        }
    }

    /**
     * Writes a command's output: to a file through {@link AtomicFiles#write} (the old file stays whole until the
     * new one is), or, for {@code -}, to {@link System#out} as it is written (what was written before a failure
     * stays written; the stream is flushed, not closed).
     *
     * @param out the {@code --out} value
     * @param what what is written, for the message ("the scores")
     * @param content writes the bytes
     * @throws SgmException naming the file, or stdout, if it cannot be written (a closed pipe, for stdout)
     */
    static void write(Path out, String what, AtomicFiles.Content content) {
        if (!isStdout(out)) {
            AtomicFiles.write(out, content);
            return;
        }
        PrintStream stdout = System.out;
        try {
            content.write(new FilterOutputStream(stdout) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    stdout.write(b, off, len);
                    failed();
                }

                @Override
                public void flush() throws IOException {
                    stdout.flush();
                    failed();
                }

                @Override
                public void close() throws IOException {
                    flush(); // stdout stays open
                }

                /** PrintStream keeps its errors to itself; checkError flushes and tells. */
                private void failed() throws IOException {
                    if (stdout.checkError()) {
                        throw new IOException("the stream is closed");
                    }
                }
            });
            stdout.flush();
            if (stdout.checkError()) {
                throw new IOException("the stream is closed");
            }
        } catch (IOException e) {
            throw new SgmException("--out -: cannot write " + what + " to stdout: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new SgmException("--out -: cannot write " + what + " to stdout: " + e.getCause().getMessage(), e);
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
