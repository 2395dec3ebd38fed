package org.sgm.spark;

import java.io.Serializable;

/**
 * Turns one input record (a CSV line, a Parquet row) into its fields as text, in header order.
 *
 * @param <T> the record type
 */
interface CellReader<T> extends Serializable {
    /**
     * @param record the record
     * @param row its 0-based data row position, for messages
     * @return its fields, as many as the header has
     */
    String[] cells(T record, long row);
}
