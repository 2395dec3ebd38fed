package org.sgm.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.sgm.core.SgmException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code sgm spark-score}: listed here so that {@code sgm --help} shows it, but it runs from the optional sgm-spark
 * module (this module does not depend on Spark): the {@code ./sgm} launcher starts that module's main class for
 * this command, so this class only runs when SgmMain is started some other way, and then says how to run it.
 */
@Command(name = "spark-score", description = "Score a CSV or Parquet file on Apache Spark, with the scores of `sgm "
        + "score` (module sgm-spark; run through ./sgm or spark-submit, see docs/spark.md).")
final class SparkScoreCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments;

    @Override
    public Integer call() {
        throw new SgmException("spark-score runs from the sgm-spark module, which is not on this classpath: use the"
                + " ./sgm launcher (./sgm spark-score --help), or spark-submit --class org.sgm.spark.SparkScoreMain"
                + " with sgm-spark's cluster jar (see docs/spark.md)");
    }
}
