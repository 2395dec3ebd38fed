/**
 * Getting data in: reading CSV, ARFF, NumPy ({@code .npy}, {@code .npz}) and MATLAB ({@code .mat} v5) files and the
 * bundled datasets ({@link org.sgm.data.BuiltinDatasets}, {@code builtin:NAME}) into a {@link org.sgm.data.Table}
 * ({@link org.sgm.data.Table#read(String, org.sgm.data.ReadOptions)}), preprocessing fitted on the training part
 * only ({@link org.sgm.data.Preprocessor}: scaling, one-hot encoding, imputation), splits
 * ({@link org.sgm.data.Splits}) and the paper's swap noise ({@link org.sgm.data.SwapNoise}). Synthetic data is in
 * {@link org.sgm.data.synth}.
 *
 * <p>Every problem with the user's data is reported as an {@link org.sgm.core.data.InvalidDataException} (data to
 * score that does not match the fitted preprocessing: its subclass {@link org.sgm.core.data.SchemaMismatchException})
 * whose one-line message names the file and, where there is one, the line or row and the column. Bad options (an
 * unknown scaling, a fraction out of range) are plain {@link org.sgm.core.SgmException}s.
 */
package org.sgm.data;
