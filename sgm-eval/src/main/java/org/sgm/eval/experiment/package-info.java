/**
 * Experiments: a JSON spec ({@link org.sgm.eval.experiment.ExperimentSpec}) of datasets × detectors × seeds, checked
 * and read into a plan ({@link org.sgm.eval.experiment.ExperimentPlan}), whose cells are run one at a time by
 * {@link org.sgm.eval.experiment.CellRunner} (in any process: the unit of a cluster job) and saved as
 * {@link org.sgm.eval.experiment.CellRecord} files by {@link org.sgm.eval.experiment.CellStore};
 * {@link org.sgm.eval.experiment.ExperimentRunner} runs the unfinished cells of a directory on a thread pool, so an
 * interrupted run resumes. See {@code docs/experiments.md}.
 */
package org.sgm.eval.experiment;
