package org.sgm.data;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sgm.core.SgmException;
import org.sgm.core.data.InvalidDataException;

/**
 * An immutable table of raw feature columns, as read from a file, plus optional anomaly labels.
 *
 * <p>Each feature column is either numeric (every present value is a finite decimal number) or text; nothing is
 * scaled or encoded here (that is the {@link Preprocessor}'s job). A missing value, read only when
 * {@link ReadOptions#allowMissing()} is set, is {@code NaN} in a numeric column and {@code null} in a text column.
 * The label column, when there is one, is not a feature column.
 */
public final class Table {
    private final String source;
    private final String sha256;
    private final int rows;
    private final List<String> columns;
    private final Map<String, double[]> numeric;
    private final Map<String, String[]> text;
    private final String labelColumn;
    private final boolean[] anomalies;
    /** Rows before this table's first row in the file (non-zero for a batch of a streamed file), for messages. */
    private final long firstRow;

    /**
     * Takes ownership of the arrays; every column has {@code rows} values.
     *
     * @param source where the data came from, for messages
     * @param sha256 the SHA-256 of the file the data was read from
     * @param rows the number of rows
     * @param columns the feature column names, in file order
     * @param numeric the numeric columns by name
     * @param text the text columns by name
     * @param labelColumn the name of the label column that was asked for (may be null), for messages
     * @param anomalies the labels ({@code true} = anomaly), or null if there are none
     */
    Table(String source, String sha256, int rows, List<String> columns, Map<String, double[]> numeric,
            Map<String, String[]> text, String labelColumn, boolean[] anomalies) {
        this(source, sha256, rows, columns, numeric, text, labelColumn, anomalies, 0);
    }

    /**
     * A batch of a file's rows: as the other constructor, with the rows numbered from {@code firstRow + 1} in
     * messages.
     */
    Table(String source, String sha256, int rows, List<String> columns, Map<String, double[]> numeric,
            Map<String, String[]> text, String labelColumn, boolean[] anomalies, long firstRow) {
        this.firstRow = firstRow;
        this.source = source;
        this.sha256 = sha256;
        this.rows = rows;
        this.columns = List.copyOf(columns);
        this.numeric = numeric;
        this.text = text;
        this.labelColumn = labelColumn;
        this.anomalies = anomalies;
    }

    /**
     * A slice of a larger data set whose values were read and checked elsewhere (by {@code sgm spark-score}, one
     * batch of a partition at a time): messages about its rows name them by their position in the whole data set.
     *
     * @param source where the data came from, for messages
     * @param firstRow the 0-based position of this slice's first row in the whole data set
     * @param rows the number of rows
     * @param columns the feature column names, in file order, each in exactly one of the two maps
     * @param numeric the numeric columns by name ({@code NaN} = missing), taken over (not copied)
     * @param text the text columns by name ({@code null} = missing), taken over (not copied)
     * @return the table, without labels
     * @throws IllegalArgumentException if a column is not in exactly one map or has not {@code rows} values
     */
    public static Table slice(String source, long firstRow, int rows, List<String> columns,
            Map<String, double[]> numeric, Map<String, String[]> text) {
        for (String c : columns) {
            int length = numeric.containsKey(c) == text.containsKey(c) ? -1
                    : numeric.containsKey(c) ? numeric.get(c).length : text.get(c).length;
            if (length != rows) {
                throw new IllegalArgumentException("column '" + c + "' must be in exactly one map with " + rows
                        + " values");
            }
        }
        if (numeric.size() + text.size() != columns.size()) {
            throw new IllegalArgumentException("the maps hold columns not listed in " + columns);
        }
        return new Table(source, "", rows, columns, new LinkedHashMap<>(numeric), new LinkedHashMap<>(text), null,
                null, firstRow);
    }

    /**
     * Reads a UTF-8 CSV file with a header line, comma-separated, quoted fields allowed.
     *
     * <p>Missing values (empty, {@code ?}, {@code NA}, {@code N/A}, {@code NaN}, {@code null}) and infinities are
     * refused, as are ragged rows, duplicated or empty column names, files that are not UTF-8, and files without
     * data rows. A column is numeric when every value is a number and text (categorical) otherwise, except that a
     * column with numbers in all but at most 10 % of its rows is refused, naming the first value that is not a
     * number.
     *
     * @param file the CSV file
     * @param labelColumn the name of the label column ({@code 0} = normal, {@code 1} = anomaly), or null; if the
     *     file has no column of that name, the table has no labels
     * @return the table
     * @throws InvalidDataException naming the file (and the line and column) if the file cannot be read as
     *     described
     */
    public static Table readCsv(Path file, String labelColumn) {
        return read(file, ReadOptions.defaults().withLabelColumn(labelColumn));
    }

    /**
     * Reads a data file, choosing the format by its extension: {@code .arff} (ARFF), {@code .npy} and
     * {@code .npz} (NumPy; an archive's arrays {@code X} and {@code y}), {@code .mat} (MATLAB v5; variables
     * {@code X} and {@code y}), anything else CSV (UTF-8, a header line, quoted fields allowed).
     *
     * @param file the file
     * @param options delimiter (CSV), label column, missing values
     * @return the table
     * @throws InvalidDataException naming the file (and the line or row, and the column) if it cannot be read
     */
    public static Table read(Path file, ReadOptions options) {
        String source = file.toString();
        byte[] bytes = CsvReader.readBytes(file, source);
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Table t;
        if (name.endsWith(".arff")) {
            t = ArffReader.read(source, bytes, options);
        } else if (name.endsWith(".npy")) {
            t = NumpyReader.readNpy(source, bytes, options);
        } else if (name.endsWith(".npz")) {
            t = NumpyReader.readNpz(source, bytes, options);
        } else if (name.endsWith(".mat")) {
            t = MatReader.read(source, bytes, options);
        } else {
            t = CsvReader.read(source, bytes, options);
        }
        return checkAnomalyValues(t, options);
    }

    /** With anomaly values given, at least one row must carry one (a misspelt value would make every row normal). */
    private static Table checkAnomalyValues(Table t, ReadOptions options) {
        if (!t.hasLabels() || options.labels().anomalyValues().isEmpty()) {
            return t;
        }
        for (boolean a : t.anomalies) {
            if (a) {
                return t;
            }
        }
        throw new InvalidDataException(t.source + ": no row has the anomaly value " + options.labels().describe()
                + " in label column '" + t.labelColumn + "'");
    }

    /**
     * Reads a data source as the user names it: {@code builtin:NAME} for a bundled dataset
     * ({@link BuiltinDatasets}), otherwise a file path, read as {@link #read(Path, ReadOptions)} does.
     *
     * @param source {@code builtin:NAME} or a path
     * @param options delimiter (CSV), label column, missing values
     * @return the table
     * @throws InvalidDataException naming the source if it cannot be read
     */
    public static Table read(String source, ReadOptions options) {
        if (BuiltinDatasets.isBuiltin(source)) {
            String name = source.substring(BuiltinDatasets.PREFIX.length());
            return checkAnomalyValues(CsvReader.read(source, BuiltinDatasets.bytes(name), options.withDelimiter(',')),
                    options);
        }
        try {
            return read(Path.of(source), options);
        } catch (InvalidPathException e) {
            throw new InvalidDataException(source + ": not a valid file name (" + e.getReason() + ")", e);
        }
    }

    /**
     * @param source {@code builtin:NAME} or a path
     * @return a short name for tables of results: the dataset name, or the file name without its extension
     */
    public static String datasetName(String source) {
        if (BuiltinDatasets.isBuiltin(source)) {
            return source.substring(BuiltinDatasets.PREFIX.length());
        }
        String n = source.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** @return where the data came from (the path as given), for messages */
    public String source() {
        return source;
    }

    /**
     * @return the 0-based position of the first row in the data set this table is a {@link #slice} of; 0 for a
     *     table read from a file
     */
    public long firstRow() {
        return firstRow;
    }

    /** @return the SHA-256 (lower-case hex) of the bytes of the file the table was read from */
    public String sha256() {
        return sha256;
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /**
     * @param index a row index of this table (0-based)
     * @return the row's number in messages: counted from 1, in the file for a batch of a streamed file
     */
    long rowNumber(int index) {
        return firstRow + index + 1;
    }

    /** @return the feature column names, in file order (the label column is not among them) */
    public List<String> columns() {
        return columns;
    }

    /**
     * @param column a feature column name
     * @return whether every value of the column is a number
     * @throws SgmException if there is no such column
     */
    public boolean isNumeric(String column) {
        requireColumn(column);
        return numeric.containsKey(column);
    }

    /**
     * @param column a numeric feature column name
     * @return a copy of its values
     * @throws SgmException if there is no such column
     * @throws IllegalArgumentException if the column is a text column
     */
    public double[] numeric(String column) {
        if (!isNumeric(column)) {
            throw new IllegalArgumentException(source + ": column '" + column + "' is not numeric");
        }
        return numeric.get(column).clone();
    }

    /**
     * @param column a text feature column name
     * @return a copy of its values
     * @throws SgmException if there is no such column
     * @throws IllegalArgumentException if the column is numeric
     */
    public String[] text(String column) {
        if (isNumeric(column)) {
            throw new IllegalArgumentException(source + ": column '" + column + "' is numeric, not text");
        }
        return text.get(column).clone();
    }

    /** @return whether the table has labels */
    public boolean hasLabels() {
        return anomalies != null;
    }

    /**
     * @return a copy of the labels, one per row, {@code true} = anomaly
     * @throws InvalidDataException if the table has no labels
     */
    public boolean[] anomalies() {
        if (anomalies == null) {
            throw new InvalidDataException(source + " has no label column"
                    + (labelColumn == null ? " (none was named)" : " '" + labelColumn + "'"));
        }
        return anomalies.clone();
    }

    /**
     * @param rowIndices the rows to keep, in order (repeats allowed)
     * @return a new table with those rows, and their labels if there are any
     */
    public Table selectRows(int[] rowIndices) {
        Map<String, double[]> newNumeric = new LinkedHashMap<>();
        numeric.forEach((name, values) -> newNumeric.put(name, select(values, rowIndices)));
        Map<String, String[]> newText = new LinkedHashMap<>();
        text.forEach((name, values) -> newText.put(name, select(values, rowIndices)));
        boolean[] newAnomalies = null;
        if (anomalies != null) {
            newAnomalies = new boolean[rowIndices.length];
            for (int i = 0; i < rowIndices.length; i++) {
                newAnomalies[i] = anomalies[rowIndices[i]];
            }
        }
        return new Table(source, sha256, rowIndices.length, columns, newNumeric, newText, labelColumn,
                newAnomalies);
    }

    private void requireColumn(String column) {
        if (!numeric.containsKey(column) && !text.containsKey(column)) {
            throw new SgmException(source + ": no column '" + column + "' (columns: " + Messages.names(columns) + ")");
        }
    }

    private static double[] select(double[] values, int[] rowIndices) {
        double[] out = new double[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            out[i] = values[rowIndices[i]];
        }
        return out;
    }

    private static String[] select(String[] values, int[] rowIndices) {
        String[] out = new String[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            out[i] = values[rowIndices[i]];
        }
        return out;
    }
}
