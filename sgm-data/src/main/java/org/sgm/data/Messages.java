package org.sgm.data;

import java.util.List;

/** Helpers for one-line error messages. */
final class Messages {
    private static final int MAX_NAMES = 20;
    private static final int MAX_VALUE_CHARS = 40;

    private Messages() {}

    /**
     * @param names column names
     * @return them comma-separated, the first {@value #MAX_NAMES} only if there are more, then the count
     */
    static String names(List<String> names) {
        if (names.size() <= MAX_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMES)) + ", ... (" + names.size() + " in all)";
    }

    /**
     * @param value a value from a file
     * @return it in single quotes, line breaks escaped, cut after {@value #MAX_VALUE_CHARS} characters
     */
    static String value(String value) {
        String shown = value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "...";
        return "'" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }

    /**
     * @param table the data
     * @param row a row index (0-based)
     * @param column a column name
     * @return {@code SOURCE, row N, column 'C'} with N counted from 1 (the first data row; of the whole data set
     *     when the table is a {@link Table#slice})
     */
    static String at(Table table, int row, String column) {
        return table.source() + ", row " + (table.firstRow() + row + 1) + ", column '" + column + "'";
    }

    /**
     * @param names column names, at least one
     * @return {@code column 'a'} or {@code columns 'a', 'b'}, capped as in {@link #names}
     */
    static String columns(List<String> names) {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        return (names.size() == 1 ? "column " : "columns ") + names(quoted);
    }
}
