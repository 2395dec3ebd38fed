package org.sgm.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sgm.core.SgmException;
import org.sgm.core.io.AtomicFiles;
import org.sgm.data.synth.SynthSpec;
import org.sgm.data.synth.SyntheticData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sgm synth}: seeded synthetic data as CSV ({@code f1..fd,label}). */
@Command(name = "synth", description = "Write seeded synthetic data as CSV (f1..fd,label): the transition field "
        + "or ADBench's local, global, clustered, dependency anomalies, or anomalies planted in known features (for "
        + "sgm explain). See docs/data.md.")
final class SynthCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "transition, local, global, clustered, dependency or planted.")
    String kind;

    @Option(names = "--rows", defaultValue = "1000", description = "Normal rows + anomalies (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--dims", description = "Features (default: 2; planted: 20).")
    Integer dims;

    @Option(names = "--anomaly-rate", defaultValue = "0.05", paramLabel = "R",
            description = "Contamination: the fraction of rows that are anomalies (default: ${DEFAULT-VALUE}).")
    double anomalyRate;

    @Option(names = "--clusters", paramLabel = "K",
            description = "Normal Gaussian clusters (default: 3 for transition, else 1).")
    Integer clusters;

    @Option(names = "--overlap", defaultValue = "0.5", paramLabel = "O",
            description = "transition: 0 = well separated … 1 = fully mixed (default: ${DEFAULT-VALUE}).")
    double overlap;

    @Option(names = "--alpha", description = "local: covariance factor; clustered, planted: shift in "
            + "standard deviations (default: 5, ADBench's; planted: 6).")
    Double alpha;

    @Option(names = "--planted", defaultValue = "2", paramLabel = "K", description = "planted: features shifted in "
            + "each anomaly, chosen at random per row and listed in FILE.planted.csv (FILE.csv's name without .csv) (default: ${DEFAULT-VALUE}).")
    int planted;

    @Option(names = "--noise", defaultValue = "0", paramLabel = "R",
            description = "Swap-noise rows appended, labelled normal (METHOD.md §5; default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the CSV (an existing file is replaced).")
    Path out;

    @Override
    public Integer call() {
        if (Files.isDirectory(out)) {
            throw new SgmException("--out " + out + " is a directory; give a file name for the CSV");
        }
        SynthSpec.Kind k = SynthSpec.Kind.parse(kind);
        SynthSpec defaults = SynthSpec.defaults(k);
        int d = dims == null ? defaults.dims() : dims;
        SynthSpec spec = new SynthSpec(k, rows, d, anomalyRate, clusters == null ? defaults.clusters() : clusters,
                overlap, alpha == null ? defaults.alpha() : alpha, noise, seed, planted);
        SyntheticData.Dataset data = SyntheticData.generate(spec);
        data.writeCsv(out);
        common.progress().printf("sgm: wrote %s: %d rows (%d anomalies) × %d features, kind %s, seed %d%n", out,
                data.rows(), data.anomalies(), d, k.key(), seed);
        if (k == SynthSpec.Kind.PLANTED) {
            String name = out.getFileName().toString();
            Path sidecar = out.resolveSibling((name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name)
                    + ".planted.csv");
            byte[] bytes = data.plantedCsv().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(sidecar, o -> o.write(bytes));
            common.progress().printf("sgm: wrote %s: the planted features of each anomaly (row = 0-based data row)%n",
                    sidecar);
        }
        return 0;
    }
}
