package org.sgm.core.data;

/**
 * Data to score does not match what the model was fitted on: a fitted column is missing, a column was not in the
 * training data, a column that was numeric has text, a value is too far from the training data to scale, or the
 * number of features differs. The message names the file and the columns (and the row, where there is one).
 */
public class SchemaMismatchException extends InvalidDataException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the file, the columns and what the model expects
     */
    public SchemaMismatchException(String message) {
        super(message);
    }
}
