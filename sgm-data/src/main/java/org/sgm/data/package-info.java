/**
 * Getting data in: reading CSV, ARFF, NumPy ({@code .npy}, {@code .npz}) and MATLAB ({@code .mat} v5) files and the
 * bundled datasets ({@link BuiltinDatasets}, {@code builtin:NAME}) into a {@link Table}
 * ({@link Table#read(String, ReadOptions)}), preprocessing fitted on the training part
 * only ({@link Preprocessor}: scaling, one-hot encoding, imputation), splits
 * ({@link Splits}) and the paper's swap noise ({@link org.sgm.data.SwapNoise}). Synthetic data is in
 * {@link org.sgm.data.synth}.
 *
 * <p>Every problem with the user's data is reported as an {@link org.sgm.core.data.InvalidDataException} (data to
 * score that does not match the fitted preprocessing: its subclass {@link SchemaMismatchException})
 * whose one-line message names the file and, where there is one, the line or row and the column. Bad options (an
 * unknown scaling, a fraction out of range) are plain {@link SgmException}s.
 */
package org.sgm.data;

import org.sgm.core.SgmException;
import org.sgm.core.data.SchemaMismatchException;
