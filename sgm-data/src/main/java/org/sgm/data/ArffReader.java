package org.sgm.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.io.Hashing;

/**
 * Reads ARFF files (Weka's and ELKI's format): numeric ({@code numeric}, {@code real}, {@code integer}), nominal
 * ({@code {a, b, c}}) and {@code string} attributes, dense {@code @data} rows, {@code ?} for a missing value,
 * {@code %} comments, values and names quoted with {@code '} or {@code "}. Nominal and string attributes become
 * text columns (one-hot encoded by the {@link Preprocessor}).
 *
 * <p>The class attribute becomes the labels: the attribute named by the label column option or, if there is none
 * of that name, the last attribute when it is nominal with label values only (Weka's convention puts the class
 * last). A label is an anomaly if it is {@code 1}, {@code yes}, {@code true}, {@code outlier}, {@code anomaly} or
 * {@code abnormal}, normal if {@code 0}, {@code no}, {@code false}, {@code inlier} or {@code normal} (any case).
 */
final class ArffReader {
    private static final Set<String> ANOMALY = Set.of("1", "yes", "true", "outlier", "anomaly", "abnormal");
    private static final Set<String> NORMAL = Set.of("0", "no", "false", "inlier", "normal");

    private final String source;
    private final ReadOptions options;
    private final List<Attribute> attributes = new ArrayList<>();
    private boolean[] ignored;

    /** One {@code @attribute}: its name and, for a nominal one, its values (null for numeric or string). */
    private record Attribute(String name, boolean numeric, List<String> values) {}

    private ArffReader(String source, ReadOptions options) {
        this.source = source;
        this.options = options;
    }

    /**
     * @param source the file's name, for messages
     * @param bytes the file (UTF-8)
     * @param options label column and missing values
     * @return the table
     */
    static Table read(String source, byte[] bytes, ReadOptions options) {
        return new ArffReader(source, options).parse(CsvReader.decodeUtf8(bytes, source), Hashing.sha256(bytes));
    }

    private Table parse(String text, String sha256) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        int k = readHeader(lines);
        int label = labelAttribute();
        ignored = new boolean[attributes.size()];
        List<String> names = attributes.stream().map(Attribute::name).toList();
        for (String c : options.ignoreColumns()) {
            int j = names.indexOf(c);
            if (j < 0) {
                throw new InvalidDataException(source + ": no attribute '" + c + "' to ignore (attributes: "
                        + Messages.names(names) + ")");
            }
            if (j == label) {
                throw new InvalidDataException(source + ": attribute '" + c + "' is the class attribute; it cannot"
                        + " be ignored");
            }
            ignored[j] = true;
        }
        List<String[]> rows = new ArrayList<>();
        for (k++; k < lines.length; k++) {
            String line = lines[k].strip();
            if (line.isEmpty() || line.startsWith("%")) {
                continue;
            }
            if (line.startsWith("{")) {
                throw error(k, "sparse ARFF rows ({index value, ...}) are not supported; write the data dense");
            }
            List<String> values = Tokens.split(line, ',', source + ", line " + (k + 1));
            if (values.size() != attributes.size()) {
                throw error(k, values.size() + " values, but " + attributes.size() + " attributes are declared");
            }
            rows.add(values.toArray(String[]::new));
            checkRow(k, values, label, rows.size());
        }
        if (rows.isEmpty()) {
            throw new InvalidDataException(source + ": no data rows after @data");
        }
        return toTable(rows, label, sha256);
    }

    /** @return the index of the {@code @data} line */
    private int readHeader(String[] lines) {
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k].strip();
            String lower = line.toLowerCase(Locale.ROOT);
            if (line.isEmpty() || line.startsWith("%") || lower.startsWith("@relation")) {
                continue;
            }
            if (lower.startsWith("@attribute")) {
                attributes.add(attribute(k, line.substring("@attribute".length()).strip()));
            } else if (lower.startsWith("@data")) {
                if (attributes.isEmpty()) {
                    throw error(k, "@data before any @attribute");
                }
                return k;
            } else {
                throw error(k, "expected @relation, @attribute or @data, got " + Messages.value(line));
            }
        }
        throw new InvalidDataException(source + ": no @data section; is this an ARFF file?");
    }

    private Attribute attribute(int k, String rest) {
        List<String> nameAndType = Tokens.nameAndRest(rest, source + ", line " + (k + 1));
        String name = nameAndType.get(0);
        String type = nameAndType.get(1);
        if (attributes.stream().anyMatch(a -> a.name().equals(name))) {
            throw error(k, "attribute '" + name + "' is declared twice");
        }
        String lowerType = type.toLowerCase(Locale.ROOT);
        if (type.startsWith("{")) {
            if (!type.endsWith("}")) {
                throw error(k, "nominal values of '" + name + "' lack the closing '}'");
            }
            List<String> values = Tokens.split(type.substring(1, type.length() - 1), ',', source + ", line "
                    + (k + 1));
            return new Attribute(name, false, values);
        }
        if (lowerType.equals("numeric") || lowerType.equals("real") || lowerType.equals("integer")) {
            return new Attribute(name, true, null);
        }
        if (lowerType.equals("string")) {
            return new Attribute(name, false, null);
        }
        throw error(k, "attribute '" + name + "' has type " + Messages.value(type)
                + ", which is not supported (numeric, real, integer, string or {nominal values})");
    }

    private int labelAttribute() {
        if (options.labelColumn() == null) {
            return -1;
        }
        for (int j = 0; j < attributes.size(); j++) {
            if (attributes.get(j).name().equals(options.labelColumn())) {
                return j;
            }
        }
        Attribute last = attributes.get(attributes.size() - 1);
        boolean nominal = last.values() != null && !last.values().isEmpty();
        boolean labelsOnly = nominal && (options.labels().anomalyValues().isEmpty()
                ? last.values().stream().map(v -> v.toLowerCase(Locale.ROOT))
                        .allMatch(v -> ANOMALY.contains(v) || NORMAL.contains(v))
                : last.values().stream().anyMatch(options.labels()::marksAnomaly));
        return labelsOnly && attributes.size() > 1 ? attributes.size() - 1 : -1;
    }

    private void checkRow(int k, List<String> values, int label, int row) {
        for (int j = 0; j < values.size(); j++) {
            if (ignored[j] || j == label && options.labels().ignored()) {
                continue;
            }
            Attribute a = attributes.get(j);
            String v = values.get(j);
            if (v.equals("?")) {
                if (j == label || !options.allowMissing()) {
                    throw error(k, "attribute '" + a.name() + "': missing value '?'" + (j == label
                            ? " in the class attribute"
                            : " (missing values are refused unless an imputation is chosen, e.g. --impute median)"));
                }
            } else if (j == label) {
                String lower = v.toLowerCase(Locale.ROOT);
                if (options.labels().isStandard() && !ANOMALY.contains(lower) && !NORMAL.contains(lower)) {
                    throw error(k, "class attribute '" + a.name() + "': " + Messages.value(v) + " is not a label"
                            + " (anomaly: 1, yes, true, outlier, anomaly, abnormal; normal: 0, no, false, inlier,"
                            + " normal; for other values, name those that mark anomalies with --anomaly-value)");
                }
            } else if (a.numeric()) {
                if (!CsvReader.isNumber(v) || !Double.isFinite(Double.parseDouble(v))) {
                    throw error(k, "attribute '" + a.name() + "': " + Messages.value(v) + " is not a finite number");
                }
            } else if (a.values() != null && !a.values().contains(v)) {
                throw error(k, "attribute '" + a.name() + "': " + Messages.value(v)
                        + " is not one of its declared values " + a.values());
            }
        }
    }

    private Table toTable(List<String[]> rows, int label, String sha256) {
        int n = rows.size();
        List<String> columns = new ArrayList<>();
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (int j = 0; j < attributes.size(); j++) {
            if (j == label || ignored[j]) {
                continue;
            }
            Attribute a = attributes.get(j);
            columns.add(a.name());
            if (a.numeric()) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    String v = rows.get(i)[j];
                    values[i] = v.equals("?") ? Double.NaN : Double.parseDouble(v);
                }
                numeric.put(a.name(), values);
            } else {
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    String v = rows.get(i)[j];
                    values[i] = v.equals("?") ? null : v;
                }
                text.put(a.name(), values);
            }
        }
        boolean[] anomalies = null;
        if (label >= 0 && !options.labels().ignored()) {
            anomalies = new boolean[n];
            boolean standard = options.labels().isStandard();
            for (int i = 0; i < n; i++) {
                String v = rows.get(i)[label];
                anomalies[i] = standard ? ANOMALY.contains(v.toLowerCase(Locale.ROOT))
                        : options.labels().marksAnomaly(v);
            }
        }
        if (columns.isEmpty()) {
            throw new InvalidDataException(source + ": no feature attributes");
        }
        return new Table(source, sha256, n, columns, numeric, text,
                label >= 0 ? attributes.get(label).name() : options.labelColumn(), anomalies);
    }

    private InvalidDataException error(int lineIndex, String what) {
        return new InvalidDataException(source + ", line " + (lineIndex + 1) + ": " + what);
    }

    /** Splits ARFF text into values: separated by a character, optionally quoted with ' or " (\ escapes). */
    static final class Tokens {
        private Tokens() {}

        /**
         * @param text the text
         * @param separator the separator outside quotes
         * @param where the place, for messages
         * @return the values, stripped of surrounding blanks and quotes
         */
        static List<String> split(String text, char separator, String where) {
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i <= text.length()) {
                StringBuilder value = new StringBuilder();
                i = skipBlanks(text, i);
                if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
                    i = quoted(text, i, value, where);
                    i = skipBlanks(text, i);
                    if (i < text.length() && text.charAt(i) != separator) {
                        throw new InvalidDataException(where + ": unexpected text after a quoted value");
                    }
                    out.add(value.toString());
                } else {
                    int end = text.indexOf(separator, i);
                    end = end < 0 ? text.length() : end;
                    out.add(text.substring(Math.min(i, end), end).strip());
                    i = end;
                }
                i++;
            }
            return out;
        }

        /**
         * @param text an attribute declaration after {@code @attribute}
         * @param where the place, for messages
         * @return the name (unquoted) and the rest (the type)
         */
        static List<String> nameAndRest(String text, String where) {
            StringBuilder name = new StringBuilder();
            int i;
            if (text.startsWith("'") || text.startsWith("\"")) {
                i = quoted(text, 0, name, where);
            } else {
                i = 0;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '{') {
                    name.append(text.charAt(i++));
                }
            }
            String rest = text.substring(i).strip();
            if (name.length() == 0 || rest.isEmpty()) {
                throw new InvalidDataException(where + ": expected @attribute NAME TYPE");
            }
            return List.of(name.toString(), rest);
        }

        private static int quoted(String text, int start, StringBuilder value, String where) {
            char quote = text.charAt(start);
            int i = start + 1;
            while (i < text.length() && text.charAt(i) != quote) {
                if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                    i++;
                }
                value.append(text.charAt(i++));
            }
            if (i >= text.length()) {
                throw new InvalidDataException(where + ": a quoted value lacks its closing " + quote);
            }
            return i + 1;
        }

        private static int skipBlanks(String text, int i) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}
