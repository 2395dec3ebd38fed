package org.sgm.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** How one input column of a {@link Table} becomes one or more features; fitted, immutable. */
sealed interface ColumnEncoder permits NumericScaler, OneHot {

    /** @return the input column's name */
    String column();

    /** @return the names of the features this column becomes, in order */
    List<String> featureNames();

    /**
     * Writes this column's features for every row of {@code table} into a row-major matrix.
     *
     * @param table the data; it has the column
     * @param out the matrix, {@code table.rows() * stride} values, all zero where this column's features go
     * @param stride the number of features per row
     * @param offset the position of this column's first feature in a row
     * @param unseen receives text values not seen in training (encoded as all zeros)
     */
    void encode(Table table, float[] out, int stride, int offset, UnseenCategories unseen);

    /** @return the fitted parameters as JSON, read back by {@link FittedPreprocessor#fromJson} */
    ObjectNode toJson();
}
