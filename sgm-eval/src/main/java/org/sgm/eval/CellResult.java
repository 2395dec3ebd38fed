package org.sgm.eval;

/**
 * The outcome of one evaluation cell: a dataset × a detector × a seed.
 *
 * @param dataset the dataset's name (file name without extension)
 * @param model the detector's registry key
 * @param seed the seed of the split, the noise and the fit
 * @param rocAuc ROC-AUC of the test scores
 * @param averagePrecision average precision of the test scores
 * @param fitSeconds wall time of {@code fit}
 * @param scoreSeconds wall time of scoring the test part
 */
public record CellResult(String dataset, String model, long seed, double rocAuc, double averagePrecision,
        double fitSeconds, double scoreSeconds) {

    /** The header of {@code results.csv}. */
    public static final String CSV_HEADER = "dataset,model,seed,roc_auc,average_precision,fit_seconds,score_seconds";

    /** @return this result as one {@code results.csv} line */
    public String toCsv() {
        return String.join(",", dataset, model, Long.toString(seed), fmt(rocAuc), fmt(averagePrecision),
                fmt(fitSeconds), fmt(scoreSeconds));
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.6f", v);
    }
}
