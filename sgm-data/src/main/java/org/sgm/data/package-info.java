/**
 * Getting data in: reading CSV files into a {@link org.sgm.data.Table}, preprocessing fitted on the training part
 * only ({@link org.sgm.data.Preprocessor}), stratified splits ({@link org.sgm.data.Splits}) and the paper's swap
 * noise ({@link org.sgm.data.SwapNoise}).
 *
 * <p>Every problem with the user's data is reported as an {@link org.sgm.core.SgmException} whose one-line message
 * names the file and, where there is one, the line and the column.
 */
package org.sgm.data;
