package org.sgm.eval.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sgm.core.io.AtomicFiles;

/**
 * The cell files of an experiment directory: {@code DIR/cells/<id>.json}, one {@link CellRecord} each, written
 * atomically (a temporary file, hidden, then renamed), so that a file's presence means its cell is finished. A cell
 * that failed leaves {@code DIR/failed/<id>.txt} with the message instead (removed when the cell later succeeds).
 *
 * <p>In a cell file a metric that is undefined ({@code NaN}) is written as {@code null}, and read back as
 * {@code NaN}; other JSON fields a file carries (from another program) are ignored.
 */
public final class CellStore {
    /** The sub-directory of the cell files. */
    public static final String CELLS = "cells";
    /** The sub-directory of the failure messages. */
    public static final String FAILED = "failed";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CellStore() {}

    /**
     * @param dir an experiment directory
     * @param id a cell's id
     * @return its cell file
     */
    public static Path file(Path dir, String id) {
        return dir.resolve(CELLS).resolve(id + ".json");
    }

    /**
     * @param dir an experiment directory
     * @param id a cell's id
     * @return whether the cell is finished (its file exists)
     */
    public static boolean isFinished(Path dir, String id) {
        return Files.isRegularFile(file(dir, id));
    }

    /**
     * Writes a cell's file atomically and removes a failure message the cell left earlier.
     *
     * @param dir an experiment directory
     * @param cell the finished cell
     */
    public static void write(Path dir, CellRecord cell) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        cell.metrics().forEach((k, v) -> metrics.put(k, v == null || Double.isNaN(v) ? null : v));
        CellRecord out = new CellRecord(cell.id(), cell.dataset(), cell.dataSource(), cell.dataSha256(), cell.model(),
                cell.detectorKey(), cell.hyperparameters(), cell.seed(), cell.protocol(), metrics, cell.testScores(),
                cell.testLabels(), cell.history(), cell.fitSeconds(), cell.scoreSeconds(), cell.versions(),
                cell.finishedAt(), cell.attributions());
        AtomicFiles.write(file(dir, cell.id()), o -> o.write(toJson(out).getBytes(StandardCharsets.UTF_8)));
        try {
            Files.deleteIfExists(failureFile(dir, cell.id()));
        } catch (IOException ignored) {
            // an old failure message is informative only
        }
    }

    /**
     * @param cell a cell
     * @return its JSON text (NaN metrics as they are; {@link #write} turns them into null)
     */
    static String toJson(CellRecord cell) {
        try {
            return MAPPER.writeValueAsString(cell) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write cell " + cell.id() + " as JSON", e);
        }
    }

    /**
     * Reads one cell file.
     *
     * @param file a cell file
     * @return the cell
     * @throws ExperimentException naming the file if it cannot be read, is not a cell, or is not named after its id
     */
    public static CellRecord read(Path file) {
        CellRecord c;
        try {
            c = MAPPER.readValue(Files.readAllBytes(file), CellRecord.class);
        } catch (NoSuchFileException e) {
            throw new ExperimentException(file + ": cell file not found");
        } catch (JsonProcessingException e) {
            throw damaged(file, "not a cell record: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ExperimentException(file + ": cannot read: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        if (c == null || c.id() == null || c.dataset() == null || c.model() == null || c.metrics() == null
                || c.testScores() == null || c.testLabels() == null) {
            throw damaged(file, "id, dataset, model, metrics, testScores and testLabels are required");
        }
        if (!stem.equals(c.id())) {
            throw damaged(file, "it holds cell '" + c.id() + "', not '" + stem + "'");
        }
        if (c.testScores().length != c.testLabels().length) {
            throw damaged(file, c.testScores().length + " test scores but " + c.testLabels().length + " labels");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        c.metrics().forEach((k, v) -> metrics.put(k, v == null ? Double.NaN : v));
        return new CellRecord(c.id(), c.dataset(), c.dataSource(), c.dataSha256(), c.model(), c.detectorKey(),
                c.hyperparameters(), c.seed(), c.protocol(), metrics, c.testScores(), c.testLabels(),
                c.history() == null ? List.of() : c.history(), c.fitSeconds(), c.scoreSeconds(),
                c.versions() == null ? Map.of() : c.versions(), c.finishedAt(), checked(file, c.attributions()));
    }

    /** @return the attributions if they are consistent (or null), else a damaged-cell exception */
    private static CellRecord.Attributions checked(Path file, CellRecord.Attributions a) {
        if (a == null) {
            return null;
        }
        int n = a.columns() == null ? -1 : a.columns().size();
        if (n < 0 || a.anomalous() == null || a.normal() == null || a.anomalous().length != n
                || a.normal().length != n) {
            throw damaged(file, "attributions need columns, anomalous and normal of the same length");
        }
        return a;
    }

    private static ExperimentException damaged(Path file, String why) {
        return new DamagedCellException(file + ": damaged cell file (" + why + "); delete it to run the cell again");
    }

    /** A cell file that exists but does not hold a valid cell (a resumed run moves it aside and reruns the cell). */
    public static final class DamagedCellException extends ExperimentException {
        private static final long serialVersionUID = 1L;

        DamagedCellException(String message) {
            super(message);
        }
    }

    /**
     * Moves a damaged cell file to {@code DIR/damaged/}, under its own name (a number appended if that is taken).
     *
     * @param dir the experiment directory
     * @param file the cell file
     * @return where it went
     * @throws ExperimentException if it cannot be moved
     */
    public static Path moveAside(Path dir, Path file) {
        Path damaged = dir.resolve("damaged");
        try {
            Files.createDirectories(damaged);
            Path target = damaged.resolve(file.getFileName());
            for (int i = 1; Files.exists(target); i++) {
                target = damaged.resolve(file.getFileName() + "." + i);
            }
            return Files.move(file, target);
        } catch (IOException e) {
            throw new ExperimentException(file + ": damaged, and cannot be moved to " + damaged + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads every cell file of a directory (hidden files, such as the temporary file of a write that was killed,
     * are not cells).
     *
     * @param dir an experiment directory
     * @return the cells, in file-name order (empty if there is no {@code cells} directory)
     * @throws ExperimentException naming the first damaged cell file
     */
    public static List<CellRecord> readAll(Path dir) {
        List<CellRecord> out = new ArrayList<>();
        for (Path f : cellFiles(dir)) {
            out.add(read(f));
        }
        return out;
    }

    /**
     * @param dir an experiment directory
     * @return its cell files ({@code cells/*.json}, not hidden), in name order
     */
    public static List<Path> cellFiles(Path dir) {
        Path cells = dir.resolve(CELLS);
        if (!Files.isDirectory(cells)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cells)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".json") && !n.startsWith(".") && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new ExperimentException(cells + ": cannot list: " + e.getMessage(), e);
        }
    }

    /**
     * Removes the hidden temporary files that writes killed midway left in {@code cells/} (call only while no other
     * process writes there).
     *
     * @param dir an experiment directory
     * @return how many were removed
     */
    public static int removeLeftovers(Path dir) {
        Path cells = dir.resolve(CELLS);
        if (!Files.isDirectory(cells)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> s = Files.list(cells)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp") && Files.deleteIfExists(p)) {
                    n++;
                }
            }
        } catch (IOException e) {
            throw new ExperimentException(cells + ": cannot clean up: " + e.getMessage(), e);
        }
        return n;
    }

    /**
     * @param dir an experiment directory
     * @param id a cell's id
     * @return the file that holds the cell's failure message
     */
    public static Path failureFile(Path dir, String id) {
        return dir.resolve(FAILED).resolve(id + ".txt");
    }

    /**
     * Records why a cell failed (atomically).
     *
     * @param dir an experiment directory
     * @param id the cell's id
     * @param message the failure
     */
    public static void writeFailure(Path dir, String id, String message) {
        AtomicFiles.writeString(failureFile(dir, id), message + "\n");
    }
}
