package org.sgm.cli;

import java.util.List;
import java.util.Locale;
import org.sgm.core.EpochStats;
import org.sgm.core.TrainingListener;

/**
 * A fit's progress on stderr: one line per epoch (losses, flagged fraction, mean training score, time), or on a
 * terminal a bar over the epochs (loss, ETA) that the last line replaces.
 */
final class ProgressPrinter implements TrainingListener {
    private final String model;
    private final ProgressBar out;
    private int maxEpochs;
    private int rows;
    private long millis;
    private String member = "";

    ProgressPrinter(String model, ProgressBar out) {
        this.model = model;
        this.out = out;
    }

    @Override
    public void onTrainingSettings(String description) {
        out.println("sgm: training settings of " + description);
    }

    @Override
    public void onMemberStart(int index, int members) {
        member = " " + index + "/" + members;
    }

    @Override
    public void onTrainingStart(int rows, int inputDim, int epochs, int stepsPerEpoch) {
        this.maxEpochs = epochs;
        this.rows = rows;
        this.millis = 0;
        out.println(String.format(Locale.ROOT, "sgm: fitting %s%s on %d rows × %d features, up to %d epochs of %d "
                + "step(s)", model, member.isEmpty() ? "" : " (member" + member + ")", rows, inputDim, epochs,
                stepsPerEpoch));
    }

    @Override
    public void onEpochEnd(EpochStats s) {
        millis += s.millis();
        String plain = out.active() ? null : String.format(Locale.ROOT,
                "sgm: [%s%s] epoch %d/%d  loss %.5f (backbone %.5f, guidance %.4f)  flagged %.1f%%  mean score %.4f"
                        + "  %.2f s",
                model, member, s.epoch(), maxEpochs, s.totalLoss(), s.backboneLoss(), s.guidanceLoss(),
                100 * s.flaggedFraction(), s.meanTrainScore(), s.millis() / 1000.0);
        String bar = !out.active() ? null : ProgressBar.render("sgm: [" + model + member + "] epoch", s.epoch(),
                maxEpochs, ProgressBar.WIDTH) + String.format(Locale.ROOT, " loss %.5f ETA %s", s.totalLoss(),
                ProgressBar.eta(millis / 1000.0, s.epoch(), maxEpochs));
        out.step(bar, plain);
    }

    @Override
    public void onTrainingEnd(List<EpochStats> history, String stopReason) {
        long total = history.stream().mapToLong(EpochStats::millis).sum();
        out.println(String.format(Locale.ROOT, "sgm: [%s%s] %s; trained %d epochs in %.2f s (%.0f samples/s)", model,
                member, stopReason, history.size(), total / 1000.0,
                total == 0 ? 0.0 : rows * (double) history.size() * 1000 / total));
    }
}
