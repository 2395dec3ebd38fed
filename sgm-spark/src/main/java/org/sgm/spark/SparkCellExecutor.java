package org.sgm.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.sgm.core.SgmException;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.eval.experiment.CellExecutor;
import org.sgm.eval.experiment.CellKey;
import org.sgm.eval.experiment.CellOutcome;
import org.sgm.eval.experiment.CellRecord;
import org.sgm.eval.experiment.CellRunner;
import org.sgm.eval.experiment.CellStore;
import org.sgm.eval.experiment.ExperimentException;
import org.sgm.eval.experiment.ExperimentPlan;
import org.sgm.eval.experiment.ExperimentRunner;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.reflect.ClassTag;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs an experiment's cells as Spark tasks, for {@link ExperimentRunner#run(ExperimentPlan, Path, CellExecutor,
 * Consumer, Predicate)} (which does the checks, the lock, resume, progress and failures on the
 * driver). Each cell is one partition, so Spark spreads them over every task slot. A task rebuilds the plan from
 * the shipped spec once per executor JVM ({@link GridPlans}), runs the cell with {@link CellRunner#run}, writes its
 * file into the experiment directory with {@link CellStore#write} (atomically: a retried or speculative copy of a
 * task rewrites the same file) and sends back only a {@link CellOutcome}; the driver prints each progress line as
 * its task ends.
 *
 * <p>The executors read the datasets from the spec's paths and write to the experiment directory: on a cluster both
 * must be on a filesystem every node mounts at the same path.
 */
public final class SparkCellExecutor implements CellExecutor {
    private final SparkContext sc;
    private final Path specDir;

    /**
     * @param sc the Spark context
     * @param specDir the directory the spec's relative dataset paths are resolved against (null: the working
     *     directory)
     */
    public SparkCellExecutor(SparkContext sc, Path specDir) {
        this.sc = sc;
        this.specDir = (specDir == null ? Path.of("") : specDir).toAbsolutePath().normalize();
    }

    @Override
    public int parallelism() {
        return Math.max(1, sc.defaultParallelism());
    }

    @Override
    public String describe(int cells) {
        return "Spark (master " + sc.master() + ", " + parallelism() + " task slot(s))";
    }

    @Override
    public void run(ExperimentPlan plan, Path dir, List<CellKey> todo, Consumer<CellOutcome> ended) {
        if (todo.isEmpty()) {
            return;
        }
        String specJson;
        try {
            specJson = HyperparameterJson.mapper().writeValueAsString(plan.specJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the spec as JSON", e);
        }
        RDD<CellKey> keys = new JavaSparkContext(sc).parallelize(todo, todo.size()).rdd();
        ClassTag<ArrayList<CellOutcome>> tag = ClassTag$.MODULE$.apply(ArrayList.class);
        sc.setJobDescription("sgm experiment " + plan.name() + ": " + todo.size() + " cells");
        try {
            sc.runJob(keys, new RunCells(specJson, specDir.toString(), dir.toAbsolutePath().normalize().toString()),
                    new Ended(ended), tag);
        } catch (Exception e) { // a cell's own failure is an outcome; this is Spark's (e.g. executors lost)
            if (e instanceof SgmException se) {
                throw se;
            }
            throw new ExperimentException("the Spark job stopped (" + String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse(e.toString()) + "); the cells finished so far are saved in " + dir
                    + ": run the command again to resume", e);
        }
    }

    /** The task: runs its partition's cells, writes their files, returns their outcomes. */
    static final class RunCells extends AbstractFunction1<Iterator<CellKey>, ArrayList<CellOutcome>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String specJson;
        private final String specDir;
        private final String outDir;

        RunCells(String specJson, String specDir, String outDir) {
            this.specJson = specJson;
            this.specDir = specDir;
            this.outDir = outDir;
        }

        @Override
        public ArrayList<CellOutcome> apply(Iterator<CellKey> keys) {
            ArrayList<CellOutcome> out = new ArrayList<>();
            Path dir = Path.of(outDir);
            while (keys.hasNext()) {
                CellKey key = keys.next();
                long t0 = System.nanoTime();
                try {
                    ExperimentPlan plan = GridPlans.plan(specJson, specDir);
                    CellRunner.PreparedSplit split = CellRunner.prepare(plan, key.dataset(), key.seed());
                    if (plan.exportSplits()) {
                        exportIfMissing(split, dir, key);
                    }
                    CellRecord cell = CellRunner.run(plan, key, split);
                    CellStore.write(dir, cell);
                    out.add(CellOutcome.finished(key, cell, (System.nanoTime() - t0) / 1e9));
                } catch (RuntimeException e) {
                    out.add(CellOutcome.failed(key, e, (System.nanoTime() - t0) / 1e9));
                }
            }
            return out;
        }

        private static void exportIfMissing(CellRunner.PreparedSplit split, Path dir, CellKey key) {
            Path splits = dir.resolve("splits");
            String stem = CellRunner.splitStem(key.dataset(), key.seed());
            if (!(Files.isRegularFile(splits.resolve(stem + ".train.csv"))
                    && Files.isRegularFile(splits.resolve(stem + ".test.csv")))) {
                CellRunner.exportSplit(split, splits, stem); // atomic: tasks of one split write the same bytes
            }
        }
    }

    /** On the driver, as each task ends: its outcomes to the runner. */
    private static final class Ended extends AbstractFunction2<Object, ArrayList<CellOutcome>, BoxedUnit>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final transient Consumer<CellOutcome> ended;

        Ended(Consumer<CellOutcome> ended) {
            this.ended = ended;
        }

        @Override
        public BoxedUnit apply(Object partition, ArrayList<CellOutcome> outcomes) {
            outcomes.forEach(ended);
            return BoxedUnit.UNIT;
        }
    }
}
