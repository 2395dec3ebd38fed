package org.sgm.data;

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
 */
public record ReadOptions(char delimiter, String labelColumn, boolean allowMissing) {

    /**
     * Validates the delimiter.
     *
     * @param delimiter see the record description
     * @param labelColumn see the record description
     * @param allowMissing see the record description
     */
    public ReadOptions {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new SgmException("the delimiter cannot be " + describe(delimiter));
        }
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
        return new ReadOptions(delimiter, name, allowMissing);
    }

    /**
     * @param separator the CSV field separator
     * @return these options with that delimiter
     */
    public ReadOptions withDelimiter(char separator) {
        return new ReadOptions(separator, labelColumn, allowMissing);
    }

    /**
     * @param allow whether missing values are read instead of refused
     * @return these options with that setting
     */
    public ReadOptions withAllowMissing(boolean allow) {
        return new ReadOptions(delimiter, labelColumn, allow);
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
