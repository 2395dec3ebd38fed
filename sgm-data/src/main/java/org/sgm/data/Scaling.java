package org.sgm.data;

import java.util.Arrays;
import java.util.Locale;
import org.sgm.core.SgmException;

/** How a {@link Preprocessor} scales a numeric column: {@code (x − center) / scale}, fitted on training data. */
public enum Scaling {
    /** center = mean, scale = population standard deviation (the paper's choice; the default). */
    ZSCORE,
    /** center = minimum, scale = maximum − minimum: training values land in [0, 1]. */
    MINMAX,
    /** center = median, scale = interquartile range (75th − 25th percentile): insensitive to outliers. */
    ROBUST,
    /** Values are used as they are (center 0, scale 1). */
    NONE;

    /** @return the name used on the command line and in model files: {@code zscore}, {@code minmax}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param key a name as returned by {@link #key()}
     * @return the scaling
     * @throws SgmException listing the known names if there is none of that name
     */
    public static Scaling parse(String key) {
        for (Scaling s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new SgmException("unknown scaling '" + key + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(Scaling::key).toList()));
    }
}
