package org.sgm.examples.cli;

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
    }
}
