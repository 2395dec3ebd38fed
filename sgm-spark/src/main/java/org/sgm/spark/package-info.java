/**
 * Scoring with a model written by {@code sgm fit} on Apache Spark: {@link SparkScorer} (the library
 * entry point) and {@link SparkScoreMain} ({@code sgm spark-score}). See docs/spark.md.
 */
package org.sgm.spark;
