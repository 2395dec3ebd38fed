package org.sgm.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sgm.eval.Evaluation;
import org.sgm.eval.experiment.ExperimentRunner;

/**
 * Progress on stderr: on a terminal, one line rewritten in place with {@code '\r'} (a bar such as
 * {@code sgm: [sg-ae] epoch 12/40 [######..............]  30% loss 0.12300 ETA 0:05}), ended with a newline before
 * any other line; elsewhere the plain lines the commands have always printed, unchanged (scripts and tests read
 * them).
 *
 * <p>"A terminal" is {@code System.console() != null} (Java 17): true only when both stdin and stdout are a
 * terminal, so {@code sgm score --out - | gzip} or a redirected stdout prints the plain lines, not the bar.
 * {@code --quiet} prints neither.
 */
final class ProgressBar {
    /** Cells of the bar. */
    static final int WIDTH = 20;
    /** The width a bar line is cut to when the environment has no COLUMNS (a line that wraps cannot be rewritten). */
    static final int DEFAULT_COLUMNS = 80;
    /** ExperimentRunner's progress line: {@code [done/total] cell: what; elapsed m:ss, ETA m:ss}. */
    private static final Pattern CELL_LINE = Pattern.compile(
            "\\[(\\d+)/(\\d+)] (.*); elapsed (\\S+), ETA (\\S+)");

    /** Tests set this to force the bar (true) or the plain lines (false); null: {@link #terminal() detect}. */
    static volatile Boolean terminalOverride;

    private final PrintStream err;
    private final boolean bar;
    private final int columns;
    /** Characters of the bar line on screen, 0 when none is open. */
    private int shown;

    /**
     * @param err where progress goes
     * @param bar whether to draw the bar (a terminal) or print the plain lines
     */
    ProgressBar(PrintStream err, boolean bar) {
        this.err = err;
        this.bar = bar;
        this.columns = columns(System.getenv("COLUMNS"));
    }

    /** @return whether stderr progress is for a person at a terminal: {@code System.console() != null} */
    static boolean terminal() {
        Boolean forced = terminalOverride;
        return forced != null ? forced : System.console() != null;
    }

    /** @return whether this draws the bar (a terminal) rather than the plain lines */
    boolean active() {
        return bar;
    }

    /**
     * One step of progress.
     *
     * @param barLine the bar line, drawn over the previous one on a terminal (cut to the terminal's width)
     * @param plainLine the line printed when not on a terminal, or null for none
     */
    synchronized void step(String barLine, String plainLine) {
        if (!bar) {
            if (plainLine != null) {
                err.println(plainLine);
            }
            return;
        }
        String text = barLine.length() < columns ? barLine : barLine.substring(0, columns - 1);
        StringBuilder sb = new StringBuilder(text.length() + 8).append('\r').append(text);
        if (text.length() < shown) {
            sb.append(" ".repeat(shown - text.length())); // what is left of a longer line
        }
        err.print(sb);
        err.flush();
        shown = text.length();
    }

    /**
     * A line that stays (a setting, a warning, a failed cell): ends an open bar first.
     *
     * @param line the line
     */
    synchronized void println(String line) {
        finish();
        err.println(line);
    }

    /** Ends an open bar with a newline; nothing when none is open. Call it before anything else prints. */
    synchronized void finish() {
        if (shown > 0) {
            err.println();
            shown = 0;
        }
    }

    /**
     * A sink for the progress lines of {@link ExperimentRunner} and
     * {@link Evaluation}: printed as {@code sgm: LINE} when not on a terminal (as always); on a
     * terminal the {@code [done/total]} line of each finished cell becomes the bar, and every other line (the first
     * one, a failed cell) stays.
     *
     * @return the sink
     */
    Consumer<String> cellLines() {
        return line -> {
            Matcher m = bar ? CELL_LINE.matcher(line) : null;
            if (m == null || !m.matches() || m.group(3).contains(": FAILED: ")) {
                println("sgm: " + line);
                return;
            }
            step(render("sgm: cells", Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), WIDTH)
                    + " ETA " + m.group(5) + "  " + m.group(3), null);
        };
    }

    /**
     * The bar, a pure function.
     *
     * @param label what is counted, e.g. {@code sgm: [sg-ae] epoch}
     * @param done how many are done
     * @param total how many in all; 0 or less when unknown (then only the count)
     * @param width cells of the bar
     * @return e.g. {@code sgm: [sg-ae] epoch 12/40 [######..............]  30%}, or {@code LABEL DONE} without a
     *     total
     */
    static String render(String label, long done, long total, int width) {
        if (total <= 0) {
            return label + " " + done;
        }
        double fraction = Math.max(0, Math.min(1, (double) done / total));
        int filled = (int) Math.floor(fraction * width);
        return String.format(Locale.ROOT, "%s %d/%d [%s%s] %3d%%", label, done, total, "#".repeat(filled),
                ".".repeat(width - filled), (int) Math.floor(100 * fraction));
    }

    /**
     * @param elapsedSeconds time spent on {@code done}
     * @param done how many are done
     * @param total how many in all
     * @return the time left at the same pace, as {@link #clock}; {@code ?} before the first is done
     */
    static String eta(double elapsedSeconds, long done, long total) {
        return done <= 0 ? "?" : clock(elapsedSeconds / done * Math.max(0, total - done));
    }

    /**
     * @param seconds a duration
     * @return it as {@code m:ss}, or {@code h:mm:ss} from an hour on (as the experiment's progress lines)
     */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** @return the terminal's width from COLUMNS, else {@link #DEFAULT_COLUMNS} */
    static int columns(String env) {
        try {
            int c = env == null ? DEFAULT_COLUMNS : Integer.parseInt(env.strip());
            return c >= 20 ? c : DEFAULT_COLUMNS;
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }
}
