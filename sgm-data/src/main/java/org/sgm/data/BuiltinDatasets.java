package org.sgm.data;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.sgm.core.SgmException;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.io.Hashing;

/**
 * The datasets bundled with SGM (resources under {@code org/sgm/data/datasets/}, listed in its
 * {@code catalogue.json}). Wherever a data file is accepted, {@code builtin:NAME} reads one of them.
 */
public final class BuiltinDatasets {
    /** The prefix that names a bundled dataset instead of a file. */
    public static final String PREFIX = "builtin:";
    private static final String FOLDER = "/org/sgm/data/datasets/";
    private static final List<Dataset> CATALOGUE = load();

    private BuiltinDatasets() {}

    /**
     * One bundled dataset: a CSV file with a header and a {@code label} column (1 = anomaly).
     *
     * @param name the name after {@code builtin:}
     * @param file the resource's file name
     * @param rows the number of data rows
     * @param features the number of feature columns (the label excluded)
     * @param anomalies the number of rows labelled 1
     * @param sha256 the SHA-256 of the file, checked on every read
     * @param description where it comes from and what the anomalies are
     * @param citation whom to cite when using it
     */
    public record Dataset(String name, String file, int rows, int features, int anomalies, String sha256,
            String description, String citation) {

        /** @return the fraction of rows that are anomalies */
        public double anomalyRate() {
            return (double) anomalies / rows;
        }

        /** @return {@code builtin:NAME}, the source that reads it */
        public String source() {
            return PREFIX + name;
        }
    }

    /** @return every bundled dataset, in name order */
    public static List<Dataset> list() {
        return CATALOGUE;
    }

    /**
     * @param source a data source as the user gave it
     * @return whether it names a bundled dataset ({@code builtin:NAME})
     */
    public static boolean isBuiltin(String source) {
        return source.startsWith(PREFIX);
    }

    /**
     * @param name a dataset name (without the prefix)
     * @return its catalogue entry
     * @throws InvalidDataException listing the bundled names if there is none of that name
     */
    public static Dataset get(String name) {
        return CATALOGUE.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() ->
                new InvalidDataException(PREFIX + name + ": no bundled dataset of that name; bundled: "
                        + String.join(", ", CATALOGUE.stream().map(Dataset::name).toList()) + " (see sgm datasets)"));
    }

    /**
     * @param name a dataset name (without the prefix)
     * @return the file's bytes
     * @throws SgmException if there is no such dataset or its bytes do not match the catalogue's SHA-256
     */
    public static byte[] bytes(String name) {
        Dataset d = get(name);
        byte[] bytes;
        try (InputStream in = BuiltinDatasets.class.getResourceAsStream(FOLDER + d.file())) {
            if (in == null) {
                throw new SgmException(d.source() + ": the file " + d.file() + " is missing from the build");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new SgmException(d.source() + ": cannot read the bundled file (" + e.getMessage() + ")", e);
        }
        if (!Hashing.sha256(bytes).equals(d.sha256())) {
            throw new SgmException(d.source() + ": the bundled file does not match its SHA-256 " + d.sha256());
        }
        return bytes;
    }

    private static List<Dataset> load() {
        try (InputStream in = BuiltinDatasets.class.getResourceAsStream(FOLDER + "catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + "catalogue.json is missing from the build");
            }
            List<Dataset> list = HyperparameterJson.mapper().readValue(in, new TypeReference<List<Dataset>>() {});
            return list.stream().sorted(Comparator.comparing(Dataset::name)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
