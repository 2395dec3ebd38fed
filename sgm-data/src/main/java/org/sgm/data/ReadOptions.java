package org.sgm.data;

import java.util.HashSet;
import java.util.List;
import org.sgm.core.SgmException;

/**
 * How to read a data file into a {@link Table}.
 *
 * @param delimiter the field separator of CSV files (ignored by the other formats)
 * @param labelColumn the name of the label column ({@code 0} = normal, {@code 1} = anomaly), or null for none; a
 *     file without a column of that name gives a table without labels. NumPy and MATLAB files take their labels
 *     from the array {@code y} unless this is null.
 * @param allowMissing whether missing values are read (as {@code NaN} in numeric columns, {@code null} in text
 *     columns) for a {@link Preprocessor} with imputation to fill; when false, a missing value is an error naming
 *     the line and the column
 * @param labels how the label column's values are read ({@link LabelValues#standard()}, ignored, or the values
 *     that mark an anomaly)
 * @param ignoreColumns columns dropped as the file is read, their values never checked (an id, a timestamp); each
 *     must exist in the file
 */
public record ReadOptions(char delimiter, String labelColumn, boolean allowMissing, LabelValues labels,
        List<String> ignoreColumns) {

    /**
     * Validates the delimiter and the ignored columns.
     *
     * @param delimiter see the record description
     * @param labelColumn see the record description
     * @param allowMissing see the record description
     * @param labels see the record description
     * @param ignoreColumns see the record description
     */
    public ReadOptions {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new SgmException("the delimiter cannot be " + describe(delimiter));
        }
        labels = labels == null ? LabelValues.standard() : labels;
        ignoreColumns = ignoreColumns == null ? List.of() : List.copyOf(ignoreColumns);
        for (String c : ignoreColumns) {
            if (c.isBlank()) {
                throw new SgmException("an ignored column has an empty name");
            }
            if (c.equals(labelColumn)) {
                throw new SgmException("the ignored column '" + c + "' is the label column");
            }
        }
        if (new HashSet<>(ignoreColumns).size() != ignoreColumns.size()) {
            throw new SgmException("a column is ignored twice: " + ignoreColumns);
        }
    }

    /**
     * Standard labels, no ignored columns.
     *
     * @param delimiter see the record description
     * @param labelColumn see the record description
     * @param allowMissing see the record description
     */
    public ReadOptions(char delimiter, String labelColumn, boolean allowMissing) {
        this(delimiter, labelColumn, allowMissing, LabelValues.standard(), List.of());
    }

    /** @return comma-separated, label column {@code label}, missing values refused */
    public static ReadOptions defaults() {
        return new ReadOptions(',', "label", false);
    }

    /**
     * @param name a label column name, or null for none
     * @return these options with that label column
     */
    public ReadOptions withLabelColumn(String name) {
        return new ReadOptions(delimiter, name, allowMissing, labels, ignoreColumns);
    }

    /**
     * @param separator the CSV field separator
     * @return these options with that delimiter
     */
    public ReadOptions withDelimiter(char separator) {
        return new ReadOptions(separator, labelColumn, allowMissing, labels, ignoreColumns);
    }

    /**
     * @param allow whether missing values are read instead of refused
     * @return these options with that setting
     */
    public ReadOptions withAllowMissing(boolean allow) {
        return new ReadOptions(delimiter, labelColumn, allow, labels, ignoreColumns);
    }

    /**
     * @param rule how label values are read
     * @return these options with that rule
     */
    public ReadOptions withLabels(LabelValues rule) {
        return new ReadOptions(delimiter, labelColumn, allowMissing, rule, ignoreColumns);
    }

    /**
     * @param columns columns to drop as the file is read
     * @return these options with those columns ignored
     */
    public ReadOptions withIgnoreColumns(List<String> columns) {
        return new ReadOptions(delimiter, labelColumn, allowMissing, labels, columns);
    }

    /**
     * @param column a column name
     * @return whether it is ignored
     */
    public boolean ignores(String column) {
        return ignoreColumns.contains(column);
    }

    /**
     * Parses a delimiter as given on a command line: one character, or {@code tab}, {@code \t}, {@code comma},
     * {@code semicolon}, {@code space} or {@code pipe}.
     *
     * @param text the delimiter's spelling
     * @return the character
     * @throws SgmException if it is not one character or one of those names
     */
    public static char parseDelimiter(String text) {
        return switch (text) {
            case "tab", "\\t", "\t" -> '\t';
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "space" -> ' ';
            case "pipe" -> '|';
            default -> {
                if (text.length() != 1) {
                    throw new SgmException("--delimiter must be one character or tab, comma, semicolon, space, pipe;"
                            + " got '" + text + "'");
                }
                yield text.charAt(0);
            }
        };
    }

    private static String describe(char c) {
        return c == '"' ? "the quote character '\"'" : "a line break";
    }
}
