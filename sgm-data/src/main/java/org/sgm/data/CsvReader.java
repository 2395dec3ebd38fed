package org.sgm.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.io.Hashing;

/**
 * Reads a CSV file into a {@link Table} in two passes over the decoded text (Commons CSV parses the fields, so
 * quoted fields may hold the delimiter, quotes and line breaks): the first ({@link #scan}) checks every value and
 * finds which columns are numeric, the second ({@link #forEachBatch}) fills arrays of exactly the right size — for
 * the whole file, or for one batch of rows at a time when the file is streamed ({@link StreamingCsv}), so both read
 * the same values with the same checks. A column is numeric when every present
 * (not missing) value is a plain decimal number; a column whose present values are numbers in all but at most
 * 10 % of them is refused, naming the first value that is not a number (not turned into categories).
 */
final class CsvReader {
    /**
     * A column with numbers in all but at most this fraction of its present values is taken to be numeric with bad
     * values, not categorical, and refused (a stray "n.a." or "-" must not turn a numeric column into categories).
     * Missing values ({@link #isMissing}) are not counted: they are an error, or imputed.
     */
    private static final double MAX_TEXT_IN_NUMERIC = 0.1;
    /** A plain decimal number, optionally with an exponent: what counts as numeric ({@link #isNumber}). */
    static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> INFINITE = Set.of("inf", "infinity");
    /** What counts as a missing value (compared in lower case; blank values are missing too). */
    static final Set<String> MISSING = Set.of("?", "na", "n/a", "nan", "null");

    private final String source;
    private final Text content;
    private final CSVFormat format;
    private final boolean allowMissing;
    private final LabelValues labels;
    private final List<String> ignore;

    /** Opens the text afresh for each pass. */
    @FunctionalInterface
    interface Text {
        /**
         * @return a reader positioned at the start of the text (after a byte order mark)
         * @throws IOException if it cannot be opened
         */
        Reader open() throws IOException;
    }

    /**
     * What the first pass found: the header, which columns are numeric, the number of data rows and, per column,
     * the first value that is not a number.
     *
     * @param source the file's name, for messages
     * @param header every column name, in file order
     * @param numeric per column, whether every present value is a number
     * @param label the label column's index, or −1
     * @param labelColumn the label column asked for, or null
     * @param rows the number of data rows
     * @param text per column, how many present values are numbers and the first that is not
     * @param ignored per column, whether it is dropped unread ({@link ReadOptions#ignoreColumns()})
     */
    record Scan(String source, List<String> header, boolean[] numeric, int label, String labelColumn, int rows,
            TextInNumbers text, boolean[] ignored) {
        /** @return the feature columns (every column but the label and the ignored ones), in file order */
        List<String> featureColumns() {
            List<String> out = new ArrayList<>();
            for (int j = 0; j < header.size(); j++) {
                if (j != label && !ignored[j]) {
                    out.add(header.get(j));
                }
            }
            return out;
        }

        /**
         * @param column a column name
         * @return whether it is numeric
         */
        boolean isNumeric(String column) {
            return numeric[header.indexOf(column)];
        }

        /**
         * @param column a text column's name
         * @return the index of its first row whose value is present and not a number
         */
        int firstTextRow(String column) {
            return text.firstRow[header.indexOf(column)];
        }

        /**
         * @param column a text column's name
         * @return its first present value that is not a number
         */
        String firstText(String column) {
            return text.first[header.indexOf(column)];
        }
    }

    private CsvReader(String source, Text content, ReadOptions options) {
        this.source = source;
        this.content = content;
        this.format = CsvValues.format(options.delimiter());
        this.allowMissing = options.allowMissing();
        this.labels = options.labels();
        this.ignore = options.ignoreColumns();
    }

    /** Visits one data record. */
    private interface RowVisitor {
        void visit(int row, long line, CSVRecord record);
    }

    /**
     * @param source the file's name, for messages
     * @param bytes the file's content
     * @param options delimiter, label column and missing values
     * @return the table
     */
    static Table read(String source, byte[] bytes, ReadOptions options) {
        String text = decodeUtf8(bytes, source);
        return new CsvReader(source, () -> new StringReader(text), options)
                .parse(options.labelColumn(), Hashing.sha256(bytes));
    }

    /**
     * A reader that streams a file from disk on every pass (strict UTF-8, a byte order mark skipped), never holding
     * more than a buffer of it.
     *
     * @param file the file
     * @param source its name, for messages
     * @param options delimiter and missing values
     * @param wrap wraps the byte stream of each pass (e.g. to digest it)
     * @return the reader
     */
    static CsvReader streaming(Path file, String source, ReadOptions options, UnaryOperator<InputStream> wrap) {
        return new CsvReader(source, () -> {
            InputStream in;
            try {
                in = wrap.apply(Files.newInputStream(file));
            } catch (NoSuchFileException e) {
                throw new InvalidDataException(source + ": file not found", e);
            } catch (IOException e) {
                throw new InvalidDataException(source + ": cannot read the file (" + e.getMessage() + ")", e);
            }
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        }, options);
    }

    /**
     * @param value a value as written in a file
     * @return whether it stands for a missing value: blank, {@code ?}, {@code NA}, {@code N/A}, {@code NaN} or
     *     {@code null} (any case)
     */
    static boolean isMissing(String value) {
        if (!value.isEmpty()) {
            // Fast path (most values): every missing spelling starts with '?', 'n' or whitespace once stripped.
            char c = value.charAt(0);
            if (c > ' ' && c < 128 && c != '?' && c != 'n' && c != 'N') {
                return false;
            }
        }
        return value.isBlank() || MISSING.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param value a value as written in a file
     * @return whether it spells an infinity ({@code inf}, {@code infinity}, signed or not, any case): refused
     */
    static boolean isInfinity(String value) {
        String unsigned = value.startsWith("+") || value.startsWith("-") ? value.substring(1) : value;
        return INFINITE.contains(unsigned.toLowerCase(Locale.ROOT));
    }

    /**
     * @param value a value as written in a file
     * @return whether it is a plain decimal number (the rule that makes a column numeric)
     */
    static boolean isNumber(String value) {
        // The pattern NUMBER, hand-written: it is checked for every value of a file.
        int n = value.length();
        int i = 0;
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(value.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && value.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Table parse(String labelColumn, String sha256) {
        Scan scan = scan(labelColumn);
        Table[] table = new Table[1];
        forEachBatch(scan, scan.rows(), sha256, batch -> table[0] = batch);
        return table[0];
    }

    /**
     * The first pass: checks every value (missing values, infinities, labels, field counts) and finds which
     * columns are numeric.
     *
     * @param labelColumn the label column's name, or null
     * @return what it found
     * @throws InvalidDataException naming the line and column of the first bad value
     */
    Scan scan(String labelColumn) {
        List<String> header = readHeader();
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, true);
        int label = labelColumn == null ? -1 : header.indexOf(labelColumn);
        boolean[] ignored = new boolean[header.size()];
        for (String c : ignore) {
            int j = header.indexOf(c);
            if (j < 0) {
                throw new InvalidDataException(source + ": no column '" + c + "' to ignore (columns: "
                        + Messages.names(header) + ")");
            }
            ignored[j] = true;
        }
        TextInNumbers text = new TextInNumbers(header.size());
        int rows = forEachRow(header, (row, line, record) -> scan(header, row, line, record, numeric, label, ignored,
                text));
        if (rows == 0) {
            throw new InvalidDataException(source + ": no data rows (only a header)");
        }
        for (int j = 0; j < header.size(); j++) {
            int present = text.present[j];
            int textCount = present - text.numbers[j];
            if (j != label && !ignored[j] && textCount > 0 && textCount <= MAX_TEXT_IN_NUMERIC * present) {
                throw error(text.firstLine[j], header.get(j), Messages.value(text.first[j]) + " is not a number,"
                        + " but " + text.numbers[j] + " of the column's " + present
                        + (present == rows ? "" : " non-missing") + " values are (a missing value is written as an"
                        + " empty field, ?, NA, N/A, NaN or null)");
            }
        }
        Scan scan = new Scan(source, header, numeric, label, labelColumn, rows, text, ignored);
        if (scan.featureColumns().isEmpty()) {
            throw new InvalidDataException(source + ": no feature columns" + (ignore.isEmpty() ? ""
                    : " besides the ignored " + Messages.names(ignore)));
        }
        return scan;
    }

    /**
     * The second pass: hands the rows to {@code consumer} as tables of at most {@code batchRows} rows, in file
     * order, columns typed as the scan found (rows numbered in the file in messages).
     *
     * @param scan the first pass's result over the same text
     * @param batchRows the most rows per table
     * @param sha256 the file's SHA-256, given to each table
     * @param consumer receives each table
     */
    void forEachBatch(Scan scan, int batchRows, String sha256, Consumer<Table> consumer) {
        List<String> header = scan.header();
        int label = scan.label();
        boolean readLabels = !labels.ignored();
        Batch[] batch = {new Batch(scan, 0, Math.min(batchRows, scan.rows()), readLabels)};
        int rows = forEachRow(header, (row, line, record) -> {
            Batch b = batch[0];
            int i = row - b.first;
            for (int j = 0; j < header.size(); j++) {
                String value = record.get(j);
                if (j == label) {
                    if (b.labels != null) {
                        b.labels[i] = parseLabel(value, line, header.get(j));
                    }
                } else if (scan.ignored()[j]) {
                    continue;
                } else if (b.numbers[j] != null) {
                    b.numbers[j][i] = isMissing(value) ? Double.NaN : Double.parseDouble(value);
                } else {
                    b.texts[j][i] = isMissing(value) ? null : value;
                }
            }
            if (i + 1 == b.size) {
                consumer.accept(toTable(sha256, b.size, header, scan, b.numbers, b.texts, b.labels, b.first));
                int next = row + 1;
                batch[0] = next < scan.rows()
                        ? new Batch(scan, next, Math.min(batchRows, scan.rows() - next), readLabels) : null;
            }
        });
        if (rows != scan.rows()) {
            throw new InvalidDataException(source + ": the file changed while it was read (" + scan.rows()
                    + " data rows, then " + rows + ")");
        }
    }

    /** Arrays for one batch of rows. */
    private static final class Batch {
        final int first;
        final int size;
        final double[][] numbers;
        final String[][] texts;
        final boolean[] labels;

        Batch(Scan scan, int first, int size, boolean readLabels) {
            this.first = first;
            this.size = size;
            int columns = scan.header().size();
            numbers = new double[columns][];
            texts = new String[columns][];
            for (int j = 0; j < columns; j++) {
                if (j == scan.label() || scan.ignored()[j]) {
                    continue;
                }
                if (scan.numeric()[j]) {
                    numbers[j] = new double[size];
                } else {
                    texts[j] = new String[size];
                }
            }
            labels = scan.label() < 0 || !readLabels ? null : new boolean[size];
        }
    }

    private Table toTable(String sha256, int rows, List<String> header, Scan scan, double[][] numbers,
            String[][] texts, boolean[] labels, int firstRow) {
        List<String> columns = new ArrayList<>();
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (int j = 0; j < header.size(); j++) {
            if (j == scan.label() || scan.ignored()[j]) {
                continue;
            }
            columns.add(header.get(j));
            if (numbers[j] != null) {
                numeric.put(header.get(j), numbers[j]);
            } else {
                text.put(header.get(j), texts[j]);
            }
        }
        return new Table(source, sha256, rows, columns, numeric, text, scan.labelColumn(), labels, firstRow);
    }

    private List<String> readHeader() {
        try (CSVParser parser = CSVParser.parse(content.open(), format)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new InvalidDataException(source + ": empty file (expected a header line)");
            }
            List<String> header = it.next().toList();
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < header.size(); j++) {
                if (header.get(j).isBlank()) {
                    throw new InvalidDataException(source + ", line 1: column " + (j + 1) + " has no name");
                }
                if (!seen.add(header.get(j))) {
                    throw new InvalidDataException(source + ", line 1: column '" + header.get(j) + "' appears twice");
                }
            }
            return header;
        } catch (IOException | UncheckedIOException e) {
            throw malformed(e);
        }
    }

    /**
     * Calls the visitor for every data record, after checking that it has as many fields as the header.
     *
     * @return the number of data records
     */
    private int forEachRow(List<String> header, RowVisitor visitor) {
        try (CSVParser parser = CSVParser.parse(content.open(), format)) {
            Iterator<CSVRecord> it = parser.iterator();
            it.next();
            int row = 0;
            while (it.hasNext()) {
                CSVRecord record = it.next();
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw new InvalidDataException(source + ", line " + line + ": " + record.size()
                            + " fields, but the header has " + header.size());
                }
                if (row == Integer.MAX_VALUE) {
                    throw new InvalidDataException(source + ", line " + line + ": more than " + Integer.MAX_VALUE
                            + " data rows");
                }
                visitor.visit(row++, line, record);
            }
            return row;
        } catch (IOException | UncheckedIOException e) {
            throw malformed(e);
        }
    }

    /** Per column: how many values are present (not missing) and numbers, and the first that is not a number. */
    static final class TextInNumbers {
        final int[] present;
        final int[] numbers;
        final long[] firstLine;
        final int[] firstRow;
        final String[] first;

        TextInNumbers(int columns) {
            present = new int[columns];
            numbers = new int[columns];
            firstLine = new long[columns];
            firstRow = new int[columns];
            first = new String[columns];
        }
    }

    private void scan(List<String> header, int row, long line, CSVRecord record, boolean[] numeric, int label,
            boolean[] ignored, TextInNumbers text) {
        for (int j = 0; j < header.size(); j++) {
            if (ignored[j] || j == label && labels.ignored()) {
                continue;
            }
            String value = record.get(j);
            String column = header.get(j);
            if (isMissing(value)) {
                if (j == label) {
                    throw error(line, column, notALabel(value));
                }
                if (!allowMissing) {
                    throw error(line, column, (value.isBlank() ? "empty value" : "missing value "
                            + Messages.value(value))
                            + " (missing values are refused unless an imputation is chosen, e.g. --impute median)");
                }
                continue;
            }
            boolean number = isNumber(value);
            if (!number) {
                if (isInfinity(value)) {
                    throw error(line, column, Messages.value(value) + " is not a finite number");
                }
            } else if (mayOverflow(value) && !Double.isFinite(Double.parseDouble(value))) {
                throw error(line, column, Messages.value(value) + " is too large for a double");
            }
            numeric[j] &= number;
            text.present[j]++;
            if (number) {
                text.numbers[j]++;
            } else if (text.first[j] == null) {
                text.first[j] = value;
                text.firstLine[j] = line;
                text.firstRow[j] = row;
            }
        }
    }

    /**
     * @param number a value that {@link #isNumber} accepts
     * @return false if it is certainly finite as a double: no exponent and fewer than 300 characters (below 1e300)
     */
    private static boolean mayOverflow(String number) {
        return number.length() >= 300 || number.indexOf('e') >= 0 || number.indexOf('E') >= 0;
    }

    private boolean parseLabel(String value, long line, String column) {
        if (!labels.anomalyValues().isEmpty()) {
            return labels.marksAnomaly(value);
        }
        return switch (value) {
            case "0" -> false;
            case "1" -> true;
            default -> throw error(line, column, notALabel(value));
        };
    }

    /** @return why a label value is refused; a missing one is named as such */
    private static String notALabel(String value) {
        return "a label must be 0 (normal) or 1 (anomaly), got " + (value.isBlank() ? "an empty value"
                : Messages.value(value)) + (isMissing(value) ? " (a missing value, never allowed in the label column)"
                : " (for other label values, name those that mark anomalies with --anomaly-value)");
    }

    private InvalidDataException error(long line, String column, String what) {
        return new InvalidDataException(source + ", line " + line + ", column '" + column + "': " + what);
    }

    private InvalidDataException malformed(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            // Only a streamed file is decoded while it is parsed (one read whole is decoded, and checked, first).
            // The decoder reads ahead of the parser, so neither the line nor the byte is known here.
            return new InvalidDataException(source + ": not valid UTF-8; save the file as UTF-8", e);
        }
        return new InvalidDataException(source + ": malformed CSV: " + cause.getMessage(), e);
    }

    /**
     * @param file a file
     * @param source its name, for messages
     * @return its bytes
     * @throws InvalidDataException if it does not exist or cannot be read
     */
    static byte[] readBytes(Path file, String source) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(source + ": file not found", e);
        } catch (IOException e) {
            throw new InvalidDataException(source + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * @param bytes text
     * @param source where it came from, for messages
     * @return it decoded as UTF-8, without a byte order mark
     * @throws InvalidDataException naming the byte if it is not UTF-8
     */
    static String decodeUtf8(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(source + ": not valid UTF-8 (at byte " + in.position()
                    + "); save the file as UTF-8", e);
        }
    }
}
