package org.sgm.data;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text values not seen in training, counted per column over one transform call (one warning per column, however
 * many batches a streamed file is transformed in).
 */
final class UnseenCategories {
    private static final Logger LOG = LoggerFactory.getLogger(FittedPreprocessor.class);

    /** Column → [count, first example]. */
    private final Map<String, Object[]> byColumn = new LinkedHashMap<>();

    /**
     * @param column the column
     * @param value a value of it not seen in training
     */
    void add(String column, String value) {
        Object[] entry = byColumn.computeIfAbsent(column, c -> new Object[] {0L, value});
        entry[0] = (Long) entry[0] + 1;
    }

    /**
     * Logs one warning per column.
     *
     * @param source the data's name
     */
    void warn(String source) {
        byColumn.forEach((column, entry) -> LOG.warn(
                "{}, column '{}': {} value(s) not seen in training (e.g. {}), encoded as all zeros", source, column,
                entry[0], Messages.value((String) entry[1])));
    }
}
