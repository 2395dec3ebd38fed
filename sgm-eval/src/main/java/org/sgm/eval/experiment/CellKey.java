package org.sgm.eval.experiment;

import java.io.Serializable;

/**
 * One cell of an experiment: a dataset × a detector × a seed, by name. Serializable, so that a cluster job can
 * ship keys to its tasks and run each with {@link CellRunner#run(ExperimentPlan, CellKey)}.
 *
 * @param dataset the dataset's name (see {@link ExperimentPlan.Dataset#name()})
 * @param model the detector's name in the spec (see {@link ExperimentPlan.Model#name()})
 * @param seed the seed of the split, the noise and the fit
 */
public record CellKey(String dataset, String model, long seed) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** @return the cell's identity and file name stem, as {@link CellRecord#idOf} */
    public String id() {
        return CellRecord.idOf(dataset, model, seed);
    }

    @Override
    public String toString() {
        return dataset + " × " + model + " × seed " + seed;
    }
}
