package org.sgm.data;

import org.apache.commons.csv.CSVFormat;

/**
 * The rules {@link Table#read} applies to CSV text, for code that reads CSV some other way (such as
 * {@code sgm spark-score}, one line at a time) and must treat every value exactly as {@code sgm score} does.
 */
public final class CsvValues {
    private CsvValues() {}

    /**
     * @param delimiter the field separator
     * @return the Commons CSV format of SGM's CSV files: RFC 4180 quoting (a quote inside a quoted field is
     *     doubled), empty lines skipped, that delimiter, and whitespace around a value ignored ({@code 1.5, 2} is
     *     two numbers, as pandas' {@code skipinitialspace} and R's {@code strip.white} read it; before, a space
     *     after the delimiter made a numeric column text, silently one-hot encoded)
     */
    public static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get();
    }

    /**
     * @param text a value to write
     * @return it as one CSV field: RFC 4180-quoted (quotes doubled) when it holds a comma, a quote or a line break,
     *     else as it is
     */
    public static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * @param value a value as written in a file
     * @return whether it stands for a missing value: blank, {@code ?}, {@code NA}, {@code N/A}, {@code NaN} or
     *     {@code null} (any case)
     */
    public static boolean isMissing(String value) {
        return CsvReader.isMissing(value);
    }

    /**
     * @param value a value as written in a file
     * @return whether it is a plain decimal number, optionally signed and with an exponent (what makes a column
     *     numeric; parse it with {@link Double#parseDouble})
     */
    public static boolean isNumber(String value) {
        return CsvReader.isNumber(value);
    }

    /**
     * @param value a value as written in a file
     * @return whether it spells an infinity ({@code inf}, {@code infinity}, signed or not, any case), which is
     *     refused
     */
    public static boolean isInfinity(String value) {
        return CsvReader.isInfinity(value);
    }
}
