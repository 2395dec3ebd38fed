package org.sgm.cli;

import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sgm models}: one line per registered detector. */
@Command(name = "models", description = "List the registered detectors: key, then a one-line description.")
final class ModelsCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        int width = SgmMain.registry().providers().keySet().stream().mapToInt(String::length).max().orElse(0);
        SgmMain.registry().providers().forEach((key, p) ->
                System.out.printf("%-" + width + "s  %s%n", key, p.description()));
        String withPresets = SgmMain.registry().providers().values().stream().filter(p -> !p.presets().isEmpty())
                .map(p -> p.key() + "@" + String.join("|", new TreeSet<>(p.presets()))).findFirst()
                .orElse(null);
        if (withPresets != null) {
            common.progress().println("sgm: presets: KEY@PRESET gives a model other defaults, e.g. " + withPresets
                    + " (the original papers' exact settings; see docs/defaults.md)");
        }
    }
}
