package org.sgm.spark;

import java.math.BigDecimal;
import org.apache.spark.sql.Row;

/**
 * Writes a Parquet row's values as the text a CSV file would hold, so that they go through exactly the checks and
 * parsing of CSV values: a double as {@link Double#toString} (which parses back to the same double), a float as its
 * exact double, an integer or decimal in full, text as it is, null as an empty (missing) value.
 */
final class ParquetRowReader implements CellReader<Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public String[] cells(Row record, long row) {
        String[] out = new String[record.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = text(record.get(j));
        }
        return out;
    }

    /**
     * @param value a Parquet value as Spark reads it
     * @return its text
     */
    static String text(Object value) {
        if (value == null) {
            return "";
        } else if (value instanceof Double d) {
            return Double.toString(d);
        } else if (value instanceof Float f) {
            return Double.toString(f.doubleValue());
        } else if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return value.toString();
    }
}
