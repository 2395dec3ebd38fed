package org.sgm.core.train;

import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.tape.Precision;
import org.sgm.models.SgmModelsModule;

/**
 * The optimizer step of every built-in backbone and its plain twin, default hyperparameters, on market.csv's shape
 * (51 features after one-hot encoding) with batch 256, on both engines. Each (model, engine) is timed three times,
 * interleaved with the others; the table gives the median ms/step and the ratio to SG-AE's fast step.
 *
 * <p>Run: {@code OMP_NUM_THREADS=1 java -cp bench/target/benchmarks.jar org.sgm.core.train.BackboneSteps}
 * (after {@code bench/backbone-steps.sh} has built it).
 */
public final class BackboneSteps {
    private static final int D = 51;
    private static final int BATCH = 256;

    private BackboneSteps() {}

    /**
     * @param args optional: the number of timed steps per measurement on the fast engine (default 400); the models
     *     (comma-separated keys, default all; the first is the reference of the last column); the engines (default
     *     {@code fast,samediff})
     */
    public static void main(String[] args) {
        int fastSteps = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int graphSteps = Math.max(20, fastSteps / 10);
        DetectorRegistry registry = Guice.createInjector(new SgmModelsModule()).getInstance(DetectorRegistry.class);
        List<String> keys = args.length > 1 ? List.of(args[1].split(",")) : List.of("sg-ae", "ae", "sg-dsvdd", "dsvdd",
                "sg-rda", "rda", "sg-rsrae", "rsrae", "sg-dagmm", "dagmm");
        List<String> engines = args.length > 2 ? List.of(args[2].split(",")) : List.of("fast", "samediff");
        Random rng = new Random(7);
        double[][] rows = new double[4096][D];
        for (double[] r : rows) {
            for (int j = 0; j < D; j++) {
                r[j] = rng.nextGaussian();
            }
        }
        FeatureMatrix data = FeatureMatrix.of(rows);
        BlasThreads.pinToOne();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int rep = 0; rep < 3; rep++) {
            for (String key : keys) {
                for (String engine : engines) {
                    TrainableNetwork net = network(registry, key, engine, data);
                    int steps = engine.equals("fast") ? fastSteps : graphSteps;
                    float[] x = new float[BATCH * D];
                    int[] order = new int[data.rows()];
                    Arrays.setAll(order, i -> i);
                    for (int i = 0; i < steps / 4; i++) { // warm-up
                        step(net, data, order, i, x);
                    }
                    long start = System.nanoTime();
                    for (int i = 0; i < steps; i++) {
                        step(net, data, order, i, x);
                    }
                    double ms = (System.nanoTime() - start) / 1e6 / steps;
                    times.computeIfAbsent(key + "|" + engine, k -> new ArrayList<>()).add(ms);
                }
            }
        }
        double base = median(times.get(keys.get(0) + "|fast"));
        System.out.println("| model | fast ms/step | SameDiff ms/step | SameDiff / fast | fast / " + keys.get(0) + " fast |");
        System.out.println("|---|---|---|---|---|");
        for (String key : keys) {
            double f = times.containsKey(key + "|fast") ? median(times.get(key + "|fast")) : Double.NaN;
            double s = times.containsKey(key + "|samediff") ? median(times.get(key + "|samediff")) : Double.NaN;
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.2f | %.1f× | %.2f× |%n", key, f, s, s / f, f / base);
        }
        System.out.println("(batch " + BATCH + ", " + D + " features, median of 3 interleaved runs of " + fastSteps
                + " fast / " + graphSteps + " SameDiff steps each; all runs: " + times + ")");
    }

    private static void step(TrainableNetwork net, FeatureMatrix data, int[] order, int i, float[] x) {
        int from = (i * BATCH) % (data.rows() - BATCH);
        data.gatherRows(order, from, from + BATCH, x);
        net.step(x, BATCH, 1.0, 0.0, 1 + i / 100);
    }

    private static TrainableNetwork network(DetectorRegistry registry, String key, String engine, FeatureMatrix data) {
        BackboneProvider<?> provider = (BackboneProvider<?>) registry.get(key);
        return build(provider, engine, data);
    }

    private static <H extends Record & ScoreGuidedHyperparameters<H>> TrainableNetwork build(
            BackboneProvider<H> provider, String engine, FeatureMatrix data) {
        H hp = provider.defaults();
        TrainingConfig training = hp.training().resolve(45_211);
        RepresentationLearner learner = provider.learner(hp.withTraining(training), D);
        ScoreGuidedComponents components = ScoreGuidedComponents.paper().withScorerHidden(hp.scorerHidden());
        TrainableNetwork net = engine.equals("fast")
                ? new TapeNetwork(learner, components, hp.guidance(), training, D, 1, Precision.FLOAT)
                : SameDiffNetwork.build(learner, components, hp.guidance(), training, D, 1);
        learner.onTrainingStart(net.hooks(data));
        learner.onEpochStart(net.hooks(data), 1);
        return net;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
