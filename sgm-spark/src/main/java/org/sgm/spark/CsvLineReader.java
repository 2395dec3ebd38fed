package org.sgm.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sgm.core.data.InvalidDataException;
import org.sgm.data.CsvValues;

/**
 * Parses one CSV line with the parser and format {@code sgm score} uses ({@link CsvValues#format}), so quoting and
 * delimiters are read identically; a line without a quote character is split at the delimiter directly, which is
 * what that parser does with it. Spark splits text files at line breaks, so a record is one line: a quoted field
 * holding a line break is reported, not silently split.
 */
final class CsvLineReader implements CellReader<String> {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final char delimiter;
    private final int width;
    private transient CSVFormat format;

    /**
     * @param source the data file's name, for messages
     * @param delimiter the field separator
     * @param width the number of header fields
     */
    CsvLineReader(String source, char delimiter, int width) {
        this.source = source;
        this.delimiter = delimiter;
        this.width = width;
    }

    /**
     * @param line a line of text
     * @param source the file, for messages
     * @param format the CSV format
     * @param where the line's place, for messages
     * @return its fields
     * @throws InvalidDataException if it is not one well-formed CSV record
     */
    static String[] parse(String line, String source, CSVFormat format, String where) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(line, format)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw new InvalidDataException(source + ", " + where + ": malformed CSV: " + cause.getMessage()
                    + " (spark-score reads one record per line: a quoted field cannot hold a line break)", e);
        }
        if (records.size() != 1) {
            throw new InvalidDataException(source + ", " + where + ": malformed CSV (" + records.size()
                    + " records on one line)");
        }
        return records.get(0).toList().toArray(new String[0]);
    }

    /**
     * @param line a line without the quote character
     * @param delimiter the field separator
     * @return its fields: what Commons CSV gives for such a line with SGM's format (no quoting, no escape,
     *     whitespace around each value dropped: {@link CsvValues#format})
     */
    static String[] split(String line, char delimiter, int width) {
        List<String> fields = new ArrayList<>(width);
        int from = 0;
        for (int at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, from)) {
            fields.add(line.substring(from, at).strip());
            from = at + 1;
        }
        fields.add(line.substring(from).strip());
        return fields.toArray(new String[0]);
    }

    @Override
    public String[] cells(String line, long row) {
        String[] cells;
        if (line.indexOf('"') < 0) {
            cells = split(line, delimiter, width); // the common case, without a parser per line
        } else {
            if (format == null) {
                format = CsvValues.format(delimiter);
            }
            cells = parse(line, source, format, "row " + (row + 1));
        }
        if (cells.length != width) {
            throw new InvalidDataException(source + ", row " + (row + 1) + ": " + cells.length
                    + " fields, but the header has " + width);
        }
        return cells;
    }
}
