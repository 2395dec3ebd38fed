package org.sgm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.sgm.core.SgmException;
import org.sgm.data.BuiltinDatasets;

/**
 * Whether {@code sgm fit} and {@code sgm score} stream a CSV file from disk instead of reading it into memory: on
 * {@code --stream}, or by themselves when the file is larger than a quarter of the maximum heap (reading a CSV
 * into memory takes about 3–4 times its size: the bytes, the decoded text and the columns).
 */
final class StreamingChoice {
    /** Files larger than this fraction of the maximum heap are streamed. */
    static final double HEAP_FRACTION = 0.25;

    private StreamingChoice() {}

    /**
     * @param data the {@code --data} value
     * @param forced whether {@code --stream} was given
     * @param progress where to say that a large file is streamed
     * @return whether to stream
     * @throws SgmException if {@code --stream} was given for something other than a CSV file
     */
    static boolean stream(String data, boolean forced, PrintStream progress) {
        if (BuiltinDatasets.isBuiltin(data)) {
            if (forced) {
                throw new SgmException("--stream reads CSV files, not bundled datasets (" + data + ")");
            }
            return false;
        }
        String name = data.toLowerCase(Locale.ROOT);
        for (String other : new String[] {".arff", ".npy", ".npz", ".mat"}) {
            if (name.endsWith(other)) {
                if (forced) {
                    throw new SgmException("--stream reads CSV files only, not " + other + " (" + data + ")");
                }
                return false;
            }
        }
        if (forced) {
            return true;
        }
        long size;
        try {
            size = Files.size(Path.of(data));
        } catch (IOException | InvalidPathException e) {
            return false; // reading it reports the problem
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (size > HEAP_FRACTION * heap) {
            progress.printf(Locale.ROOT, "sgm: streaming %s from disk (%.1f MB, more than a quarter of the %.0f MB"
                    + " heap)%n", data, size / 1e6, heap / 1e6);
            return true;
        }
        return false;
    }
}
