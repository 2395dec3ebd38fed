package org.sgm.data;

import java.util.Arrays;
import java.util.Locale;
import org.sgm.core.SgmException;

/**
 * How a {@link Preprocessor} fills missing values, with statistics of the training data. Text columns are filled
 * with their most frequent training category whenever imputation is on.
 */
public enum Imputation {
    /** Missing values are an error (the default). */
    NONE,
    /** Numeric columns: the training mean of the column's present values. */
    MEAN,
    /** Numeric columns: the training median of the column's present values. */
    MEDIAN;

    /** @return the name used on the command line: {@code none}, {@code mean}, {@code median} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param key a name as returned by {@link #key()}
     * @return the imputation
     * @throws SgmException listing the known names if there is none of that name
     */
    public static Imputation parse(String key) {
        for (Imputation i : values()) {
            if (i.key().equals(key)) {
                return i;
            }
        }
        throw new SgmException("unknown imputation '" + key + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(Imputation::key).toList()));
    }
}
