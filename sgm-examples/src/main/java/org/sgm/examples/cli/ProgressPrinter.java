package org.sgm.examples.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.sgm.core.train.EpochStats;
import org.sgm.core.train.TrainingListener;

/** Prints one line per epoch to stderr: losses, flagged fraction, mean training score, time. */
final class ProgressPrinter implements TrainingListener {
    private final String model;
    private final PrintStream err;
    private int maxEpochs;
    private int rows;

    ProgressPrinter(String model, PrintStream err) {
        this.model = model;
        this.err = err;
    }

    @Override
    public void onTrainingSettings(String description) {
        err.println("sgm: training settings of " + description);
    }

    @Override
    public void onTrainingStart(int rows, int inputDim, int epochs, int stepsPerEpoch) {
        this.maxEpochs = epochs;
        this.rows = rows;
        err.printf(Locale.ROOT, "sgm: fitting %s on %d rows × %d features, up to %d epochs of %d step(s)%n", model,
                rows, inputDim, epochs, stepsPerEpoch);
    }

    @Override
    public void onEpochEnd(EpochStats s) {
        err.printf(Locale.ROOT,
                "sgm: [%s] epoch %d/%d  loss %.5f (backbone %.5f, guidance %.4f)  flagged %.1f%%  mean score %.4f"
                        + "  %.2f s%n",
                model, s.epoch(), maxEpochs, s.totalLoss(), s.backboneLoss(), s.guidanceLoss(),
                100 * s.flaggedFraction(), s.meanTrainScore(), s.millis() / 1000.0);
    }

    @Override
    public void onTrainingEnd(List<EpochStats> history, String stopReason) {
        long millis = history.stream().mapToLong(EpochStats::millis).sum();
        err.printf(Locale.ROOT, "sgm: [%s] %s; trained %d epochs in %.2f s (%.0f samples/s)%n", model, stopReason,
                history.size(), millis / 1000.0, millis == 0 ? 0.0 : rows * (double) history.size() * 1000 / millis);
    }
}
