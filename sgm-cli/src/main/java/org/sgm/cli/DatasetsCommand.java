package org.sgm.cli;

import java.util.Locale;
import org.sgm.data.BuiltinDatasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sgm datasets}: the bundled datasets, each readable as {@code builtin:NAME}. */
@Command(name = "datasets", description = "List the bundled datasets (use them as --data builtin:NAME): name, rows, "
        + "features, anomaly rate, SHA-256, then source and citation.")
final class DatasetsCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        System.out.printf(Locale.ROOT, "%-10s %7s %8s %8s  %s%n", "name", "rows", "features", "anomaly", "sha256");
        for (BuiltinDatasets.Dataset d : BuiltinDatasets.list()) {
            System.out.printf(Locale.ROOT, "%-10s %7d %8d %7.2f%%  %s%n", d.name(), d.rows(), d.features(),
                    100 * d.anomalyRate(), d.sha256());
            System.out.printf(Locale.ROOT, "           source: %s%n           cite: %s%n", d.description(),
                    d.citation());
        }
    }
}
