package org.sgm.spark;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.sgm.core.Provenance;
import org.sgm.core.SgmException;
import org.sgm.data.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code sgm spark-score}: scores a CSV or Parquet file with a model written by {@code sgm fit}, on Spark. The
 * {@code ./sgm} launcher runs this class for that command; on a cluster, {@code spark-submit --class
 * org.sgm.spark.SparkScoreMain} runs it from the shaded jar (docs/spark.md).
 *
 * <p>Exit status as for {@code sgm}: 1 for a user error (one line naming the file, row, column or option), 2 for a
 * usage error, 3 for an internal error; {@code --debug} adds stack traces.
 */
@Command(name = "sgm spark-score", mixinStandardHelpOptions = true, versionProvider = SparkScoreMain.Version.class,
        description = "Score a CSV or Parquet file with a model written by `sgm fit`, on Apache Spark; the scores "
                + "equal `sgm score`'s.")
public final class SparkScoreMain implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL_FILE", description = "A model written by `sgm fit`"
            + " (read on the driver and shipped to the executors).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "One file to score: Parquet if its "
            + "name ends with .parquet, otherwise CSV (UTF-8, a header line, one record per line); any path Spark "
            + "reads (file:, hdfs:, s3a:, ...). The fitted columns by name; a label column is ignored.")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to create: CSV part "
            + "files with the header row,score, row being the 0-based position of the input row.")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else "
            + "local[*]).")
    String master;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", description = "CSV field separator: one "
            + "character, or tab, semicolon, space, pipe (default: '${DEFAULT-VALUE}').")
    String delimiter;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    @Override
    public Integer call() {
        char sep = ReadOptions.parseDelimiter(delimiter);
        SparkConf conf = new SparkConf().setAppName("sgm spark-score");
        String chosen = master != null ? master : conf.get("spark.master", "local[*]");
        conf.setMaster(chosen);
        if (chosen.startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        if (quiet) {
            conf.set("spark.ui.showConsoleProgress", "false");
        }
        long t0 = System.nanoTime();
        SparkScorer.requireSupportedJava();
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            long rows = SparkScorer.score(spark, model, data, sep, out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!quiet) {
                System.err.printf("sgm: wrote %d scores to %s (%.1f s, %.0f rows/s, master %s)%n", rows, out,
                        seconds, rows / seconds, chosen);
            }
        } finally {
            spark.stop();
        }
        return 0;
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command without exiting (for tests).
     *
     * @param args the command line
     * @return the exit status
     */
    public static int execute(String... args) {
        return execute(new SparkScoreMain(), "sgm spark-score", args);
    }

    /**
     * Runs a command of this module with SGM's exit statuses and one-line errors.
     *
     * @param command the picocli command
     * @param name its name in messages
     * @param args the command line
     * @return the exit status
     */
    static int execute(Object command, String name, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setParameterExceptionHandler((e, arguments) -> {
            System.err.println("sgm: error: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ")
                    + " (see '" + name + " --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (parsed.hasMatchedOption("--debug")) {
                e.printStackTrace(System.err);
            }
            if (e instanceof SgmException) {
                System.err.println("sgm: error: " + e.getMessage());
                return 1;
            }
            System.err.println("sgm: internal error: " + e + (parsed.hasMatchedOption("--debug") ? ""
                    : " (run with --debug for the stack trace)"));
            return 3;
        });
        return cl.execute(args);
    }

    /** The program version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sgm " + Provenance.sgmVersion() + ", Spark "
                    + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
        }
    }
}
