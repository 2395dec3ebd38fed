package org.sgm.cli;

import java.util.List;
import org.sgm.data.ReadOptions;
import picocli.CommandLine.Option;

/** How data files are read: the label column and the CSV delimiter. */
final class InputOptions {
    @Option(names = "--label-column", paramLabel = "NAME|none", defaultValue = "label",
            description = "Label column (1 = anomaly), or none (default: ${DEFAULT-VALUE}). NumPy and MATLAB files "
                    + "take their labels from y; ARFF files from this attribute or a nominal class attribute last.")
    String labelColumn;

    @Option(names = "--ignore-columns", split = ",", paramLabel = "COLUMN[,COLUMN...]",
            description = "Columns to leave out as the file is read (an id, a timestamp); a model remembers them, so "
                    + "`sgm score` leaves them out too.")
    List<String> ignoreColumns = List.of();

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV field separator: one character, or tab, semicolon, space, pipe (default: "
                    + "'${DEFAULT-VALUE}').")
    String delimiter;

    /** @return the label column, or null for {@code none} */
    String label() {
        return "none".equals(labelColumn) ? null : labelColumn;
    }

    /**
     * @param allowMissing whether missing values are read (an imputation will fill them)
     * @return the read options these flags describe
     */
    ReadOptions read(boolean allowMissing) {
        return new ReadOptions(ReadOptions.parseDelimiter(delimiter), label(), allowMissing)
                .withIgnoreColumns(ignoreColumns);
    }
}
