package org.sgm.eval.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code exportSplits} option: every dataset × seed split as CSV files under {@code DIR/splits}. */
final class SplitExport {
    private SplitExport() {}


    /** Writes the splits that are missing although every cell of their dataset and seed is finished. */
    static void exportMissing(ExperimentPlan plan, Path dir, List<CellKey> todo) {
        Set<String> pending = new LinkedHashSet<>();
        todo.forEach(k -> pending.add(CellRunner.splitStem(k.dataset(), k.seed())));
        for (ExperimentPlan.Dataset d : plan.datasets()) {
            for (long seed : plan.seeds()) {
                String stem = CellRunner.splitStem(d.name(), seed);
                Path splits = dir.resolve("splits");
                if (!pending.contains(stem) && !(Files.isRegularFile(splits.resolve(stem + ".train.csv"))
                        && Files.isRegularFile(splits.resolve(stem + ".test.csv")))) {
                    CellRunner.exportSplit(CellRunner.prepare(plan, d.name(), seed), splits, stem);
                }
            }
        }
    }
}
