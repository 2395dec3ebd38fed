package org.sgm.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.hyper.HyperparameterJson;

/**
 * A text column, one-hot encoded over the categories seen in training; the features are left 0/1 (not scaled).
 * A category not seen in training is encoded as all zeros, with one warning per column and call. A missing value
 * ({@code null}) becomes {@code fill}.
 *
 * @param column the column name
 * @param categories the categories seen in training, sorted
 * @param fill the category that replaces a missing value, or null if missing values are an error
 */
record OneHot(String column, List<String> categories, String fill) implements ColumnEncoder {
    /** A text column with more distinct values than this is refused (one feature each would be far too wide). */
    static final int MAX_CATEGORIES = 1000;
    /** A text column with more than half its rows distinct is refused, once it has more than this many values. */
    static final int MIN_DISTINCT_CHECKED = 20;

    /**
     * @param column the column name
     * @param categories the categories seen in training, sorted
     * @param fill the category that replaces a missing value, or null
     */
    OneHot {
        categories = List.copyOf(categories);
    }

    /**
     * @param train the training data
     * @param column a text column of it
     * @param options whether missing values are filled (with the most frequent category, the first in sorted
     *     order on a tie)
     * @return the fitted encoder
     * @throws InvalidDataException if the column has missing values and imputation is off, or has no values at all
     */
    static OneHot fit(Table train, String column, PreprocessingOptions options) {
        CategoryCounts counts = new CategoryCounts();
        counts.add(train.text(column), 0);
        return fit(train.source(), column, counts, options);
    }

    /**
     * Fits on a column's category counts (the same computation for a table in memory and for counts gathered from
     * a streamed file).
     *
     * @param source the data's name, for messages
     * @param column the column name
     * @param tally the column's categories and counts, and its first missing value
     * @param options whether missing values are filled
     * @return the fitted encoder
     * @throws InvalidDataException as {@link #fit(Table, String, PreprocessingOptions)}
     */
    static OneHot fit(String source, String column, CategoryCounts tally, PreprocessingOptions options) {
        if (tally.firstMissing >= 0 && options.imputation() == Imputation.NONE) {
            throw new InvalidDataException(source + ", row " + (tally.firstMissing + 1) + ", column '" + column
                    + "': missing value (choose an imputation, e.g. --impute median, to fill it)");
        }
        Map<String, Integer> counts = tally.counts;
        if (counts.isEmpty()) {
            throw new InvalidDataException(source + ", column '" + column + "': every value is missing");
        }
        long present = 0;
        for (int c : counts.values()) {
            present += c;
        }
        int distinct = counts.size();
        if (distinct > MAX_CATEGORIES || distinct > MIN_DISTINCT_CHECKED && distinct > present / 2) {
            throw new InvalidDataException(source + ", column '" + column + "': " + distinct + " distinct values in "
                    + present + " rows, too many categories to one-hot encode (more than " + (distinct > MAX_CATEGORIES
                    ? MAX_CATEGORIES : "half the rows") + "; an id, a timestamp, or numbers with a decimal comma?);"
                    + " leave it out with --ignore-columns " + column);
        }
        String fill = null;
        if (options.imputation() != Imputation.NONE) {
            int best = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    fill = e.getKey();
                }
            }
        }
        return new OneHot(column, List.copyOf(counts.keySet()), fill);
    }

    /** The categories of a text column and how often each occurs, gathered a batch of rows at a time. */
    static final class CategoryCounts {
        /** Category → count, sorted. */
        final Map<String, Integer> counts = new TreeMap<>();
        /** The index of the first row with a missing value, or −1. */
        int firstMissing = -1;

        /**
         * @param values a batch of the column's values, {@code null} where missing
         * @param firstRow the index of the batch's first row in the data
         */
        void add(String[] values, int firstRow) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    if (firstMissing < 0) {
                        firstMissing = firstRow + i;
                    }
                } else {
                    counts.merge(values[i], 1, Integer::sum);
                }
            }
        }
    }

    @Override
    public List<String> featureNames() {
        return categories.stream().map(c -> column + "=" + c).toList();
    }

    @Override
    public void encode(Table table, float[] out, int stride, int offset, UnseenCategories unseen) {
        String[] values = table.isNumeric(column) ? asCategories(table.numeric(column)) : table.text(column);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < categories.size(); k++) {
            index.put(categories.get(k), k);
        }
        for (int i = 0; i < values.length; i++) {
            String value = values[i] == null ? fill : values[i];
            if (value == null) {
                throw new InvalidDataException(Messages.at(table, i, column)
                        + ": missing value (the model was fitted without imputation)");
            }
            Integer k = index.get(value);
            if (k != null) {
                out[i * stride + offset + k] = 1f;
            } else {
                unseen.add(column, value);
            }
        }
    }

    /**
     * Maps numbers back to categories: a column that had text in training may be all numbers in new data, and
     * then the table holds numbers, not the text as written. A number matches the category with the same value;
     * {@code NaN} (missing) stays missing.
     */
    private String[] asCategories(double[] numbers) {
        Map<Double, String> byValue = new HashMap<>();
        for (String c : categories) {
            if (CsvReader.isNumber(c)) {
                byValue.putIfAbsent(Double.parseDouble(c), c);
            }
        }
        String[] out = new String[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            out[i] = Double.isNaN(numbers[i]) ? null : byValue.getOrDefault(numbers[i], Double.toString(numbers[i]));
        }
        return out;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = HyperparameterJson.mapper().createObjectNode().put("name", column).put("kind", "text");
        categories.forEach(node.putArray("categories")::add);
        if (fill != null) {
            node.put("fill", fill);
        }
        return node;
    }

    /** @return whether {@code fill}, if set, is one of the categories */
    boolean fillIsKnown() {
        return fill == null || categories.contains(fill);
    }
}
