package org.sgm.cli;

import org.sgm.data.Imputation;
import org.sgm.data.PreprocessingOptions;
import org.sgm.data.Scaling;
import picocli.CommandLine.Option;

/** The preprocessing fitted on training data: {@code --scaling} and {@code --impute}. */
final class PreprocessingFlags {
    @Option(names = "--scaling", paramLabel = "zscore|minmax|robust|none", defaultValue = "zscore",
            description = "Scaling of numeric columns, fitted on the training data (default: ${DEFAULT-VALUE}).")
    String scaling;

    @Option(names = "--impute", paramLabel = "none|mean|median", defaultValue = "none",
            description = "Fill missing values with training statistics (text columns: the most frequent "
                    + "category); none makes a missing value an error (default: ${DEFAULT-VALUE}).")
    String impute;

    /** @return the options these flags describe */
    PreprocessingOptions options() {
        return new PreprocessingOptions(Scaling.parse(scaling), Imputation.parse(impute));
    }
}
