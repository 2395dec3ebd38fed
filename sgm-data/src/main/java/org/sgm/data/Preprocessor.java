package org.sgm.data;

import java.util.ArrayList;
import java.util.List;
import org.sgm.core.data.InvalidDataException;

/**
 * Fits the preprocessing of the paper's data protocol on training data: numeric columns are z-scored with the
 * training mean and population standard deviation, text columns are one-hot encoded over the categories seen in
 * training and left 0/1. Fit it on the training part only, so that no test information leaks into it.
 */
public final class Preprocessor {

    private Preprocessor() {}

    /**
     * @param train the training part of the data (its labels, if any, are not used)
     * @return the fitted preprocessing; its features are the columns in table order, each text column expanded in
     *     place into one feature per category, {@code column=category}, categories sorted
     * @throws InvalidDataException if the table has no rows, or a numeric column's values are too large to standardise
     */
    public static FittedPreprocessor fit(Table train) {
        if (train.rows() == 0) {
            throw new InvalidDataException(train.source() + ": cannot fit the preprocessing on zero rows");
        }
        List<ColumnEncoder> encoders = new ArrayList<>();
        for (String column : train.columns()) {
            encoders.add(train.isNumeric(column) ? ZScore.fit(train, column) : OneHot.fit(train, column));
        }
        return new FittedPreprocessor(encoders);
    }
}
