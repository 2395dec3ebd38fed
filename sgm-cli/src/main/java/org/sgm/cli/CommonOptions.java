package org.sgm.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    /** @return where progress goes: stderr, or nowhere with --quiet */
    PrintStream progress() {
        return quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.err;
    }

    /** @return progress for long steps: a bar on a terminal, the plain lines elsewhere, nothing with --quiet */
    ProgressBar progressBar() {
        return new ProgressBar(progress(), !quiet && ProgressBar.terminal());
    }
}
