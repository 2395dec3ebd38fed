/**
 * Statistics for comparing detectors over many datasets, after Demšar (2006), "Statistical Comparisons of Classifiers
 * over Multiple Data Sets", JMLR 7:1–30: mean ± sample standard deviation over seeds, per-dataset ranks, the
 * Friedman test with the Iman–Davenport correction, the Nemenyi critical difference, and Wilcoxon signed-rank tests
 * with Holm's step-down correction.
 *
 * <p>Library: Apache Commons Statistics 1.1 ({@code commons-statistics-descriptive}, {@code -ranking},
 * {@code -distribution}, {@code -inference}). It is the maintained successor of Commons Math's statistics packages
 * (Commons Math 3.6.1, 2016, gets no releases); its Wilcoxon test handles zero differences and ties (Pratt's method,
 * tie-corrected variance) and computes exact p-values for small untied samples, where Commons Math 3 counts zero
 * differences as negative ranks and enumerates all 2ⁿ sign patterns. No Java library we found gives the studentized
 * range distribution, so the Nemenyi constants are a table (see {@link Nemenyi}).
 */
package org.sgm.eval.stats;
