package org.sgm.data;

import java.io.IOException;
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
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.io.ModelFile;

/**
 * Reads a CSV file into a {@link Table} in two passes over the decoded text (Commons CSV parses the fields, so
 * quoted fields may hold the delimiter, quotes and line breaks): the first checks every value and finds which
 * columns are numeric, the second fills arrays of exactly the right size. A column is numeric when every present
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
    /** A plain decimal number, optionally with an exponent: what counts as numeric. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> INFINITE = Set.of("inf", "infinity");
    /** What counts as a missing value (compared in lower case; blank values are missing too). */
    static final Set<String> MISSING = Set.of("?", "na", "n/a", "nan", "null");

    private final String source;
    private final String content;
    private final CSVFormat format;
    private final boolean allowMissing;

    private CsvReader(String source, String content, ReadOptions options) {
        this.source = source;
        this.content = content;
        this.format = CsvValues.format(options.delimiter());
        this.allowMissing = options.allowMissing();
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
        return new CsvReader(source, decodeUtf8(bytes, source), options)
                .parse(options.labelColumn(), ModelFile.sha256(bytes));
    }

    /**
     * @param value a value as written in a file
     * @return whether it stands for a missing value: blank, {@code ?}, {@code NA}, {@code N/A}, {@code NaN} or
     *     {@code null} (any case)
     */
    static boolean isMissing(String value) {
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
        return NUMBER.matcher(value).matches();
    }

    private Table parse(String labelColumn, String sha256) {
        List<String> header = readHeader();
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, true);
        int label = labelColumn == null ? -1 : header.indexOf(labelColumn);
        TextInNumbers text = new TextInNumbers(header.size());
        int rows = forEachRow(header, (row, line, record) -> scan(header, line, record, numeric, label, text));
        if (rows == 0) {
            throw new InvalidDataException(source + ": no data rows (only a header)");
        }
        for (int j = 0; j < header.size(); j++) {
            int present = text.present[j];
            int textCount = present - text.numbers[j];
            if (j != label && textCount > 0 && textCount <= MAX_TEXT_IN_NUMERIC * present) {
                throw error(text.firstLine[j], header.get(j), Messages.value(text.first[j]) + " is not a number,"
                        + " but " + text.numbers[j] + " of the column's " + present
                        + (present == rows ? "" : " non-missing") + " values are (a missing value is written as an"
                        + " empty field, ?, NA, N/A, NaN or null)");
            }
        }
        if (header.size() == (label < 0 ? 0 : 1)) {
            throw new InvalidDataException(source + ": no feature columns");
        }
        double[][] numbers = new double[header.size()][];
        String[][] texts = new String[header.size()][];
        for (int j = 0; j < header.size(); j++) {
            if (j != label && numeric[j]) {
                numbers[j] = new double[rows];
            } else if (j != label) {
                texts[j] = new String[rows];
            }
        }
        boolean[] labels = label < 0 ? null : new boolean[rows];
        forEachRow(header, (row, line, record) -> {
            for (int j = 0; j < header.size(); j++) {
                String value = record.get(j);
                if (j == label) {
                    labels[row] = parseLabel(value, line, header.get(j));
                } else if (numeric[j]) {
                    numbers[j][row] = isMissing(value) ? Double.NaN : Double.parseDouble(value);
                } else {
                    texts[j][row] = isMissing(value) ? null : value;
                }
            }
        });
        return toTable(sha256, rows, header, label, numbers, texts, labelColumn, labels);
    }

    private Table toTable(String sha256, int rows, List<String> header, int label, double[][] numbers,
            String[][] texts, String labelColumn, boolean[] labels) {
        List<String> columns = new ArrayList<>();
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (int j = 0; j < header.size(); j++) {
            if (j == label) {
                continue;
            }
            columns.add(header.get(j));
            if (numbers[j] != null) {
                numeric.put(header.get(j), numbers[j]);
            } else {
                text.put(header.get(j), texts[j]);
            }
        }
        return new Table(source, sha256, rows, columns, numeric, text, labelColumn, labels);
    }

    private List<String> readHeader() {
        try (CSVParser parser = CSVParser.parse(content, format)) {
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
        try (CSVParser parser = CSVParser.parse(content, format)) {
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
                visitor.visit(row++, line, record);
            }
            return row;
        } catch (IOException | UncheckedIOException e) {
            throw malformed(e);
        }
    }

    /** Per column: how many values are present (not missing) and numbers, and the first that is not a number. */
    private static final class TextInNumbers {
        final int[] present;
        final int[] numbers;
        final long[] firstLine;
        final String[] first;

        TextInNumbers(int columns) {
            present = new int[columns];
            numbers = new int[columns];
            firstLine = new long[columns];
            first = new String[columns];
        }
    }

    private void scan(List<String> header, long line, CSVRecord record, boolean[] numeric, int label,
            TextInNumbers text) {
        for (int j = 0; j < header.size(); j++) {
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
            if (isInfinity(value)) {
                throw error(line, column, Messages.value(value) + " is not a finite number");
            }
            boolean number = isNumber(value);
            if (number && !Double.isFinite(Double.parseDouble(value))) {
                throw error(line, column, Messages.value(value) + " is too large for a double");
            }
            numeric[j] &= number;
            text.present[j]++;
            if (number) {
                text.numbers[j]++;
            } else if (text.first[j] == null) {
                text.first[j] = value;
                text.firstLine[j] = line;
            }
        }
    }

    private boolean parseLabel(String value, long line, String column) {
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
                : "");
    }

    private InvalidDataException error(long line, String column, String what) {
        return new InvalidDataException(source + ", line " + line + ", column '" + column + "': " + what);
    }

    private InvalidDataException malformed(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
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
