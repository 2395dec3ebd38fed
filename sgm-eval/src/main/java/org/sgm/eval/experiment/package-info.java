/**
 * Experiments: a JSON spec ({@link ExperimentSpec}) of datasets × detectors × seeds, checked
 * and read into a plan ({@link ExperimentPlan}), whose cells are run one at a time by
 * {@link CellRunner} (in any process: the unit of a cluster job) and saved as
 * {@link CellRecord} files by {@link CellStore};
 * {@link ExperimentRunner} runs the unfinished cells of a directory on a thread pool, so an
 * interrupted run resumes. See {@code docs/experiments.md}.
 */
package org.sgm.eval.experiment;
