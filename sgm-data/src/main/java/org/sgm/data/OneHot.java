package org.sgm.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sgm.core.hyper.HyperparameterJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text column, one-hot encoded over the categories seen in training; the features are left 0/1 (not scaled).
 * A category not seen in training is encoded as all zeros, with one warning per column and call.
 *
 * @param column the column name
 * @param categories the categories seen in training, sorted
 */
record OneHot(String column, List<String> categories) implements ColumnEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(FittedPreprocessor.class);

    /**
     * @param column the column name
     * @param categories the categories seen in training, sorted
     */
    OneHot {
        categories = List.copyOf(categories);
    }

    /**
     * @param train the training data
     * @param column a text column of it
     * @return the fitted encoder
     */
    static OneHot fit(Table train, String column) {
        return new OneHot(column, List.copyOf(new TreeSet<>(Arrays.asList(train.text(column)))));
    }

    @Override
    public List<String> featureNames() {
        return categories.stream().map(c -> column + "=" + c).toList();
    }

    @Override
    public void encode(Table table, float[] out, int stride, int offset) {
        String[] values = table.isNumeric(column) ? asCategories(table.numeric(column)) : table.text(column);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < categories.size(); k++) {
            index.put(categories.get(k), k);
        }
        int unseen = 0;
        String example = null;
        for (int i = 0; i < values.length; i++) {
            Integer k = index.get(values[i]);
            if (k != null) {
                out[i * stride + offset + k] = 1f;
            } else if (unseen++ == 0) {
                example = values[i];
            }
        }
        if (unseen > 0) {
            LOG.warn("{}, column '{}': {} value(s) not seen in training (e.g. {}), encoded as all zeros",
                    table.source(), column, unseen, Messages.value(example));
        }
    }

    /**
     * Maps numbers back to categories: a column that had text in training may be all numbers in new data, and
     * then the table holds numbers, not the text as written. A number matches the category with the same value.
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
            out[i] = byValue.getOrDefault(numbers[i], Double.toString(numbers[i]));
        }
        return out;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = HyperparameterJson.mapper().createObjectNode().put("name", column).put("kind", "text");
        categories.forEach(node.putArray("categories")::add);
        return node;
    }
}
