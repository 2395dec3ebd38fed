package org.sgm.models.sgae;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sgm.core.hyper.Violations;

/** The paper's "auto" encoder widths (METHOD.md §2), made total for every input width d ≥ 1. */
public final class HiddenDims {
    private static final int[] CANDIDATES = {20, 40, 80, 256, 1024};

    private HiddenDims() {}

    /**
     * Encoder widths from the input to the bottleneck. For d ≤ 20: d→10. Otherwise every candidate width
     * (20, 40, 80, 256, 1024) below d, outermost d; d replaces the largest kept width when it exceeds it by less
     * than 10% (d ≤ 1024) or when 1024 &lt; d ≤ 1536. The authors' rule crashes for d = 20 and 21; here
     * d = 20 gives 20→10 and d = 21 gives 21→20.
     *
     * @param d the number of input features, ≥ 1
     * @return the widths, starting with d
     */
    public static int[] auto(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("input width must be ≥ 1, got " + d);
        }
        if (d <= 20) {
            return new int[] {d, 10};
        }
        List<Integer> kept = new ArrayList<>();
        for (int w : CANDIDATES) {
            if (w < d) {
                kept.add(w);
            }
        }
        int top = CANDIDATES[CANDIDATES.length - 1];
        int largest = kept.get(kept.size() - 1);
        boolean near = d <= top ? d - largest < 0.1 * largest : d <= 1.5 * top;
        if (near && kept.size() > 1) {
            kept.set(kept.size() - 1, d);
        } else {
            kept.add(d);
        }
        int[] out = new int[kept.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = kept.get(kept.size() - 1 - i);
        }
        return out;
    }

    /**
     * Checks a {@code hiddenDims} hyperparameter (every width ≥ 1; null means missing), for the records that have one.
     *
     * @param hiddenDims the configured widths (empty = automatic)
     * @param v collects the violations
     * @return an immutable copy without nulls (or null if it was missing)
     */
    public static List<Integer> check(List<Integer> hiddenDims, Violations v) {
        if (hiddenDims == null) {
            v.add("hiddenDims is missing (use [] for the automatic widths)");
            return null;
        }
        for (int i = 0; i < hiddenDims.size(); i++) {
            Integer w = hiddenDims.get(i);
            v.require(w != null && w >= 1, "hiddenDims[" + i + "]", "must be ≥ 1", w);
        }
        return List.copyOf(hiddenDims.stream().filter(Objects::nonNull).toList());
    }

    /**
     * @param d the input width
     * @param hidden the configured widths after the input; empty means {@link #auto}
     * @return the widths starting with d
     */
    public static int[] resolve(int d, List<Integer> hidden) {
        if (hidden.isEmpty()) {
            return auto(d);
        }
        int[] out = new int[hidden.size() + 1];
        out[0] = d;
        for (int i = 0; i < hidden.size(); i++) {
            out[i + 1] = hidden.get(i);
        }
        return out;
    }
}
