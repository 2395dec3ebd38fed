package org.sgm.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.sgm.core.SgmException;

/**
 * How the values of the label column are read.
 *
 * <ul>
 *   <li>{@link #standard()}: CSV, NumPy and MATLAB labels are {@code 0} (normal) or {@code 1} (anomaly); ARFF
 *       labels are also {@code yes/no}, {@code true/false}, {@code outlier/inlier}, {@code anomaly/normal},
 *       {@code abnormal}; anything else is refused, naming the row.
 *   <li>{@link #unread()}: the label column is dropped and its values are never read (what {@code sgm fit} and
 *       {@code sgm score} do: labels never reach a fit, so {@code good}/{@code bad} labels need no mapping there).
 *   <li>{@link #anomalies(Collection)}: a label equal to one of the given values is an anomaly, any other value is
 *       normal (a missing one is still refused); at least one row must have one of them. For NumPy and MATLAB
 *       labels, which are numbers, a value matches when it parses to the same number.
 * </ul>
 *
 * @param ignored whether the label column's values are not read at all
 * @param anomalyValues the values that mark an anomaly; empty for the standard rule
 */
public record LabelValues(boolean ignored, List<String> anomalyValues) {
    private static final LabelValues STANDARD = new LabelValues(false, List.of());
    private static final LabelValues IGNORED = new LabelValues(true, List.of());

    /**
     * Validates and copies the values.
     *
     * @param ignored see the record description
     * @param anomalyValues see the record description
     */
    public LabelValues {
        anomalyValues = List.copyOf(anomalyValues);
        if (ignored && !anomalyValues.isEmpty()) {
            throw new SgmException("ignored labels take no anomaly values");
        }
    }

    /** @return the standard rule (0/1, and the known words in ARFF) */
    public static LabelValues standard() {
        return STANDARD;
    }

    /** @return labels dropped unread */
    public static LabelValues unread() {
        return IGNORED;
    }

    /**
     * @param values the label values that mark an anomaly (surrounding spaces dropped)
     * @return the rule
     * @throws SgmException if there is none, or one is empty
     */
    public static LabelValues anomalies(Collection<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String s = v == null ? "" : v.strip();
            if (s.isEmpty()) {
                throw new SgmException("an empty value cannot mark anomalies");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new SgmException("at least one value must mark anomalies");
        }
        return new LabelValues(false, out);
    }

    /** @return whether labels follow the standard rule */
    public boolean isStandard() {
        return !ignored && anomalyValues.isEmpty();
    }

    /**
     * @param value a label value, not missing
     * @return whether it marks an anomaly under {@link #anomalies} (false under the other rules)
     */
    boolean marksAnomaly(String value) {
        return anomalyValues.contains(value.strip());
    }

    /**
     * @param value a numeric label
     * @return whether one of the anomaly values parses to this number
     */
    boolean marksAnomaly(double value) {
        for (String v : anomalyValues) {
            if (CsvReader.isNumber(v) && Double.parseDouble(v) == value) {
                return true;
            }
        }
        return false;
    }

    /** @return the anomaly values for messages: {@code 'bad'} or {@code 'bad', 'worse'} */
    String describe() {
        return String.join(", ", anomalyValues.stream().map(v -> "'" + v + "'").toList());
    }
}
