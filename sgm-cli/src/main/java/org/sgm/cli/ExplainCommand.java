package org.sgm.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.sgm.core.SgmException;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.threshold.Threshold;
import org.sgm.data.CsvValues;
import org.sgm.data.Explanation;
import org.sgm.data.FittedPipeline;
import org.sgm.data.ReadOptions;
import org.sgm.data.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sgm explain}: per row, the input columns that contribute most to its score. */
@Command(name = "explain", description = "Explain each row's score by its input columns: for every row (or every "
        + "flagged row), its score and the K columns that raise it most, with their contributions, one line per row "
        + "and rank (row,score,rank,feature,contribution). See docs/explanations.md.")
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "MODEL_FILE",
            description = "A model written by `sgm fit` (a score-guided model or its plain twin).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE|builtin:NAME",
            description = "Rows to explain, as for `sgm score`.")
    String data;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV field separator (default: '${DEFAULT-VALUE}').")
    String delimiter;

    @Option(names = "--top", defaultValue = "5", paramLabel = "K",
            description = "Columns per row (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--rows", defaultValue = "all", paramLabel = "all|flagged",
            description = "Explain every row, or only the rows a threshold rule flags (default: ${DEFAULT-VALUE}).")
    String rows;

    @Option(names = "--method", defaultValue = "gradients", paramLabel = "gradients|reconstruction",
            description = "Integrated gradients of the score from the training median, or each column's share of "
                    + "the squared reconstruction error (autoencoder backbones) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--steps", defaultValue = "128", paramLabel = "N",
            description = "Integrated gradients' points (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv|-",
            description = "Where to write the explanations: a file (an existing file is replaced; the data and model "
                    + "files are refused), or - for stdout.")
    Path out;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ScoreCommand.ThresholdFlags threshold;

    @Override
    public Integer call() {
        if (!OutputPaths.isStdout(out)) {
            OutputPaths.check(out, "the explanations", data, model.toString());
        }
        if (top < 1) {
            throw new SgmException("--top must be ≥ 1, got " + top);
        }
        if (steps < 1) {
            throw new SgmException("--steps must be ≥ 1, got " + steps);
        }
        if (!rows.equals("all") && !rows.equals("flagged")) {
            throw new SgmException("--rows must be all or flagged, got '" + rows + "'");
        }
        Explanation.Method m = Explanation.Method.parse(method);
        Threshold rule = threshold == null ? null : threshold.rule();
        if (rows.equals("flagged") && rule == null) {
            throw new SgmException("--rows flagged needs a threshold rule: --contamination R, --threshold T or "
                    + "--mad [K]");
        }
        FittedPipeline pipeline = ScoreCommand.load(model);
        double cutoff = rule == null ? Double.NaN : pipeline.cutoff(rule);
        ReadOptions read = pipeline.readOptions().withDelimiter(ReadOptions.parseDelimiter(delimiter));
        Table table = Table.read(data, read);
        if (rows.equals("flagged")) {
            double[] scores = pipeline.score(table);
            int[] flagged = IntStream.range(0, scores.length)
                    .filter(i -> Threshold.isAnomaly(scores[i], cutoff)).toArray();
            common.progress().printf(Locale.ROOT, "sgm: %d of %d rows flagged (score > %.6g, %s)%n", flagged.length,
                    scores.length, cutoff, rule.describe());
            write(pipeline, table.selectRows(flagged), flagged, m);
        } else {
            write(pipeline, table, IntStream.range(0, table.rows()).toArray(), m);
        }
        return 0;
    }

    /** Rows explained at a time: memory stays bounded (a few arrays of chunk × features) whatever the file's size. */
    static final int CHUNK = 4096;

    private void write(FittedPipeline pipeline, Table table, int[] rowNumbers, Explanation.Method m) {
        long t0 = System.nanoTime();
        int n = table.rows();
        ProgressBar bar = OutputPaths.isStdout(out) ? new ProgressBar(common.progress(), false)
                : common.progressBar();
        // completeness over all chunks: the largest gap relative to the largest |score − baseline score|
        double[] gapAndRange = new double[2];
        Explanation[] last = new Explanation[1];
        OutputPaths.write(out, "the explanations", os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            w.write("row,score,rank,feature,contribution\n");
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                Explanation e = pipeline.explain(table.selectRows(IntStream.range(from, to).toArray()), m, steps);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < to - from; i++) {
                    int row = rowNumbers[from + i];
                    if (!Double.isFinite(e.scores()[i])) {
                        throw new InvalidDataException(data + ", row " + (row + 1) + ": the model's score is "
                                + e.scores()[i] + "; nothing written");
                    }
                    List<Explanation.Contribution> best = e.top(i, top);
                    for (int r = 0; r < best.size(); r++) {
                        sb.append(row).append(',').append(e.scores()[i]).append(',').append(r + 1).append(',')
                                .append(CsvValues.field(best.get(r).column())).append(',').append(best.get(r).value())
                                .append('\n');
                    }
                    if (e.completenessGap() != null) {
                        gapAndRange[0] = Math.max(gapAndRange[0], e.completenessGap()[i]);
                        gapAndRange[1] = Math.max(gapAndRange[1], Math.abs(e.scores()[i] - e.baselineScore()));
                    }
                }
                w.write(sb.toString());
                last[0] = e;
                bar.step(ProgressBar.render("sgm: rows explained", to, n, ProgressBar.WIDTH) + " ETA "
                        + ProgressBar.eta((System.nanoTime() - t0) / 1e9, to, n), null);
            }
            w.flush();
        });
        bar.finish();
        common.progress().printf(Locale.ROOT, "sgm: wrote the top %d columns of %d rows to %s (%.1f s)%n", top, n,
                OutputPaths.describe(out), (System.nanoTime() - t0) / 1e9);
        if (last[0] != null) {
            double error = gapAndRange[0] == 0 ? 0 : gapAndRange[0] / gapAndRange[1];
            common.progress().println("sgm: " + last[0].summary(error));
        }
    }
}
