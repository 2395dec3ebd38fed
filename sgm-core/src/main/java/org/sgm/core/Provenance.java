package org.sgm.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/** Provenance of a fit: where the data came from, the seed, timings and the software versions. */
public final class Provenance {
    private static final Properties VERSIONS = load();

    private Provenance() {}

    /** @return the SGM version, from the build */
    public static String sgmVersion() {
        return VERSIONS.getProperty("sgm.version", "unknown");
    }

    /**
     * @param dataSource the data's location as the user gave it
     * @param dataSha256 SHA-256 of the data file (null if not from a file)
     * @param seed the fit's seed
     * @param fitSeconds how long fitting took
     * @return a JSON object with these plus versions and the time
     */
    public static ObjectNode of(String dataSource, String dataSha256, long seed, double fitSeconds) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("dataSource", dataSource);
        p.put("dataSha256", dataSha256);
        p.put("seed", seed);
        p.put("fitSeconds", fitSeconds);
        p.put("createdAt", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode v = p.putObject("versions");
        v.put("sgm", sgmVersion());
        v.put("nd4j", VERSIONS.getProperty("dl4j.version", "unknown"));
        v.put("java", System.getProperty("java.version"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return p;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // versions are informative only
        }
        return p;
    }
}
