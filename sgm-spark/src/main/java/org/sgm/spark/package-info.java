/**
 * Scoring with a model written by {@code sgm fit} on Apache Spark: {@link org.sgm.spark.SparkScorer} (the library
 * entry point) and {@link org.sgm.spark.SparkScoreMain} ({@code sgm spark-score}). See docs/spark.md.
 */
package org.sgm.spark;
