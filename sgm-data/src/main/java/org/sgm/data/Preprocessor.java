package org.sgm.data;

import java.util.ArrayList;
import java.util.List;
import org.sgm.core.data.InvalidDataException;

/**
 * Fits preprocessing on training data: numeric columns are scaled (z-score by default, as in the paper's data
 * protocol; min-max, robust or none on request), text columns are one-hot encoded over the categories seen in
 * training and left 0/1, and missing values are filled if an {@link Imputation} is chosen. Fit it on the training
 * part only, so that no test information leaks into it.
 */
public final class Preprocessor {

    private Preprocessor() {}

    /**
     * Fits the paper's preprocessing ({@link PreprocessingOptions#defaults()}).
     *
     * @param train the training part of the data (its labels, if any, are not used)
     * @return the fitted preprocessing; its features are the columns in table order, each text column expanded in
     *     place into one feature per category, {@code column=category}, categories sorted
     * @throws InvalidDataException if the table has no rows or missing values, or a numeric column's values are too
     *     large to standardise
     */
    public static FittedPreprocessor fit(Table train) {
        return fit(train, PreprocessingOptions.defaults());
    }

    /**
     * @param train the training part of the data (its labels, if any, are not used)
     * @param options the scaling of numeric columns and the imputation of missing values
     * @return the fitted preprocessing, with features as described for {@link #fit(Table)}
     * @throws InvalidDataException if the table has no rows, a column has missing values and imputation is off, a
     *     column has no values at all, or a numeric column's values are too large to scale
     */
    public static FittedPreprocessor fit(Table train, PreprocessingOptions options) {
        if (train.rows() == 0) {
            throw new InvalidDataException(train.source() + ": cannot fit the preprocessing on zero rows");
        }
        List<ColumnEncoder> encoders = new ArrayList<>();
        for (String column : train.columns()) {
            encoders.add(train.isNumeric(column)
                    ? NumericScaler.fit(train, column, options)
                    : OneHot.fit(train, column, options));
        }
        return new FittedPreprocessor(encoders);
    }
}
