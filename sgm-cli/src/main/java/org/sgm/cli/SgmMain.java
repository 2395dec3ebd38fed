package org.sgm.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.sgm.core.Provenance;
import org.sgm.core.SgmException;
import org.sgm.core.registry.DetectorRegistry;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code sgm} program: {@code models}, {@code datasets}, {@code fit}, {@code score}, {@code evaluate},
 * {@code experiment run|report}, {@code synth}, {@code quickstart}, {@code spark-score} (which runs from the sgm-spark
 * module), and {@code help [COMMAND]} (picocli's {@link CommandLine.HelpCommand}).
 *
 * <p>Results go to stdout and files; progress and errors to stderr. A user error (bad file, row, column or
 * parameter) prints one line and exits with status 1; a usage error prints one line and exits with 2; an internal
 * error prints one line and exits with 3; {@code --debug} adds stack traces.
 */
@Command(name = "sgm", mixinStandardHelpOptions = true, versionProvider = SgmMain.Version.class,
        description = "Score-guided anomaly detection (Huang et al., IEEE TNNLS 2023) on the JVM.",
        subcommands = {ModelsCommand.class, DatasetsCommand.class, FitCommand.class, ScoreCommand.class,
            ExplainCommand.class, EvaluateCommand.class, ExperimentCommand.class, SynthCommand.class,
            QuickstartCommand.class,
            SparkScoreCommand.class, CommandLine.HelpCommand.class})
public final class SgmMain implements Runnable {
    /** Exit status of a user error. */
    static final int USER_ERROR = 1;
    /** Exit status of a usage error (an unknown option, a missing or malformed argument). */
    static final int USAGE_ERROR = 2;

    private static DetectorRegistry registry;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        silenceSameDiffStdout();
        routeJavaUtilLogging();
        System.exit(execute(args));
    }

    /**
     * Sends java.util.logging (Tribuo's and OLCUT's) into SLF4J, where logback.xml filters it with SGM's own lines:
     * without it, Tribuo's INFO records go to JUL's console handler on stderr.
     */
    static void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /**
     * Runs the program without exiting (for tests).
     *
     * @param args the command line
     * @return the exit status
     */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new SgmMain());
        cl.setParameterExceptionHandler((e, arguments) -> {
            String help = e.getCommandLine().getCommandSpec().qualifiedName() + " --help";
            // picocli starts some messages with its own "Error: " (e.g. mutually exclusive options)
            System.err.println("sgm: error: " + e.getMessage().strip().replaceFirst("^Error: ", "")
                    .replaceAll("\\s*\\R\\s*", "; ")
                    + " (see '" + help + "')");
            return USAGE_ERROR;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean debug = matched(parsed, "--debug");
            PrintStream err = System.err;
            if (debug) {
                e.printStackTrace(err);
            }
            if (e instanceof SgmException) {
                err.println("sgm: error: " + e.getMessage());
                return USER_ERROR;
            }
            OutOfMemoryError oom = outOfMemory(e);
            if (oom != null) {
                err.println(outOfMemoryLine(oom));
                return USER_ERROR;
            }
            err.println("sgm: internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
            return 3;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes only Exceptions to the handler above; an Error thrown by a command ends up here.
            System.err.println(outOfMemoryLine(e));
            return USER_ERROR;
        }
    }

    /**
     * @param e a failure
     * @return the OutOfMemoryError it is or was caused by (a worker thread's arrives wrapped), or null
     */
    static OutOfMemoryError outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /**
     * @param e the error
     * @return the one line the program prints for it: what ran out and how to give the JVM more memory
     */
    static String outOfMemoryLine(OutOfMemoryError e) {
        String what = e.getMessage() == null ? "memory" : e.getMessage();
        return "sgm: error: out of memory (" + what + "): the data, the model or the run is too large for this JVM's "
                + "memory; give it more with SGM_JAVA_OPTS, e.g. SGM_JAVA_OPTS='-Xmx4g "
                + "-Dorg.bytedeco.javacpp.maxphysicalbytes=6G' (the default is -Xmx1g and 2G), or stream a large CSV "
                + "(--stream)";
    }

    /** @return whether the option was given to the command or any of its subcommands, however deep */
    private static boolean matched(CommandLine.ParseResult parsed, String option) {
        return parsed.hasMatchedOption(option) || parsed.subcommands().stream().anyMatch(p -> matched(p, option));
    }

    /**
     * @return the registry of every detector module on the classpath ({@link DetectorRegistry#discover()}): SGM's,
     *     the VAE example's and any other jar's
     */
    static DetectorRegistry registry() {
        return DetectorRegistry.discover();
    }

    /**
     * SameDiff prints "Added differentiated op …" on stdout once per op when it builds a gradient graph; stdout is
     * for results, so those lines are dropped. The kept lines of one write go on in one write (the JVM's stdout
     * flushes on every write: one system call per line would slow {@code --out -} down), and a failed write (a
     * closed pipe) is this stream's error too.
     */
    private static void silenceSameDiffStdout() {
        System.setOut(withoutSameDiffLines(System.out));
    }

    /**
     * @param original a stream
     * @return a stream to it that drops the lines SameDiff writes (see {@link #silenceSameDiffStdout})
     */
    static PrintStream withoutSameDiffLines(PrintStream original) {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();
            private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

            @Override
            public void write(int b) throws IOException {
                line.write(b);
                if (b == '\n') {
                    keepLine();
                    emit();
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int start = off;
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n') {
                        line.write(b, start, i + 1 - start);
                        keepLine();
                        start = i + 1;
                    }
                }
                line.write(b, start, off + len - start);
                emit();
            }

            @Override
            public void flush() throws IOException {
                if (line.size() > 0 && !sameDiffs()) {
                    kept.writeBytes(line.toByteArray());
                    line.reset();
                }
                emit();
                original.flush();
                failed();
            }

            /** Keeps the whole line unless SameDiff wrote it. */
            private void keepLine() {
                if (!sameDiffs()) {
                    kept.writeBytes(line.toByteArray());
                }
                line.reset();
            }

            private boolean sameDiffs() {
                return line.toString(StandardCharsets.UTF_8).startsWith("Added differentiated op");
            }

            private void emit() throws IOException {
                if (kept.size() > 0) {
                    original.write(kept.toByteArray(), 0, kept.size());
                    kept.reset();
                    failed();
                }
            }

            /** Passes on the error PrintStream keeps to itself (a closed pipe), so that checkError() tells. */
            private void failed() throws IOException {
                if (original.checkError()) {
                    throw new IOException("the stream is closed");
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** The program version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sgm " + Provenance.sgmVersion()};
        }
    }
}
