package org.sgm.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sgm.core.SgmException;

/** Checks on an output file before anything is computed: it is not a directory and not one of the inputs. */
final class OutputPaths {
    private OutputPaths() {}

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

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
