package org.sgm.data;

import java.util.Objects;

/**
 * What a {@link Preprocessor} fits: how numeric columns are scaled and whether missing values are filled. Text
 * columns are always one-hot encoded over their training categories and left 0/1.
 *
 * @param scaling the scaling of numeric columns
 * @param imputation how missing values are filled ({@link Imputation#NONE}: they are an error)
 */
public record PreprocessingOptions(Scaling scaling, Imputation imputation) {

    /**
     * Checks that neither setting is null.
     *
     * @param scaling see the record description
     * @param imputation see the record description
     */
    public PreprocessingOptions {
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(imputation, "imputation");
    }

    /** @return the paper's preprocessing: z-score, one-hot, no imputation */
    public static PreprocessingOptions defaults() {
        return new PreprocessingOptions(Scaling.ZSCORE, Imputation.NONE);
    }
}
