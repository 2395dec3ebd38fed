package org.sgm.eval.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.io.AtomicFiles;

/**
 * An experiment directory's own files: the lock ({@code DIR/.lock}, held while a run writes cells) and
 * {@code DIR/spec.json} (written by the first run; a later run must be the same experiment, its thread count aside).
 */
final class ExperimentDirectory {
    private ExperimentDirectory() {}

    /**
     * Creates the directory if needed and runs {@code body} holding its lock.
     *
     * @param dir the experiment directory
     * @param body what to do while holding the lock
     * @param <T> its result
     * @return {@code body}'s result
     * @throws ExperimentException if {@code dir} is a file, cannot be created, or another run holds the lock
     */
    static <T> T locked(Path dir, Supplier<T> body) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ExperimentException(dir + " exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ExperimentException(dir + ": cannot create the directory: " + e.getMessage(), e);
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel, dir);
            try {
                return body.get();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new ExperimentException(dir + ": cannot lock the directory: " + e.getMessage(), e);
        }
    }


    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new ExperimentException(dir + " is in use by another experiment run (wait for it to end)");
        }
        return lock;
    }

    /**
     * Writes {@code DIR/spec.json}, or checks that the one there is the same experiment (the thread count aside).
     */
    static void checkSpec(Path dir, ObjectNode spec) {
        Path file = dir.resolve("spec.json");
        String text;
        ObjectNode here;
        try {
            text = HyperparameterJson.mapper().writeValueAsString(spec) + "\n";
            here = (ObjectNode) HyperparameterJson.mapper().readTree(text); // as it reads back from the file
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the spec as JSON", e);
        }
        here.remove("threads");
        if (!Files.exists(file)) {
            try (Stream<Path> s = Files.list(dir)) {
                List<String> other = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                        .sorted().toList();
                if (!other.isEmpty()) {
                    throw new ExperimentException(dir + " is not empty (" + String.join(", ", other.subList(0,
                            Math.min(3, other.size()))) + (other.size() > 3 ? ", ..." : "") + ") and holds no"
                            + " spec.json; a new experiment needs a new or empty directory");
                }
            } catch (IOException e) {
                throw new ExperimentException(dir + ": cannot list: " + e.getMessage(), e);
            }
            AtomicFiles.writeString(file, text);
            return;
        }
        JsonNode there;
        try {
            there = HyperparameterJson.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ExperimentException(file + ": cannot read it as JSON (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); it should hold the spec of the experiment in " + dir, e);
        }
        if (there == null || !there.isObject()) {
            throw new ExperimentException(file + ": not an experiment spec");
        }
        ObjectNode thereCopy = ((ObjectNode) there).deepCopy();
        thereCopy.remove("threads");
        String diff = firstDifference(thereCopy, here, "");
        if (diff != null) {
            throw new ExperimentException(file + " holds another experiment (" + diff + "); a run resumes only"
                    + " the same experiment: choose another --out for this spec");
        }
    }

    /** @return where two JSON trees first differ, as "path: A there, B here", or null if they are equal */
    static String firstDifference(JsonNode there, JsonNode here, String path) {
        if (there == null || here == null || !there.equals(here)) {
            if (there != null && here != null && there.isObject() && here.isObject()) {
                Set<String> names = new LinkedHashSet<>();
                there.fieldNames().forEachRemaining(names::add);
                here.fieldNames().forEachRemaining(names::add);
                for (String n : names) {
                    String d = firstDifference(there.get(n), here.get(n), path.isEmpty() ? n : path + "." + n);
                    if (d != null) {
                        return d;
                    }
                }
            } else if (there != null && here != null && there.isArray() && here.isArray()
                    && there.size() == here.size()) {
                for (int i = 0; i < there.size(); i++) {
                    String d = firstDifference(there.get(i), here.get(i), path + "[" + i + "]");
                    if (d != null) {
                        return d;
                    }
                }
            }
            return (path.isEmpty() ? "the spec" : path) + ": " + shorten(there) + " there, " + shorten(here)
                    + " here";
        }
        return null;
    }

    private static String shorten(JsonNode n) {
        String s = n == null ? "absent" : n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
