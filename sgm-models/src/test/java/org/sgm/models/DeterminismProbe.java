package org.sgm.models;

import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.testing.SyntheticFixtures;

/**
 * Fits a few detectors with fixed seeds and prints their scores bit for bit, one line per model; run in-process
 * by {@link OmpDeterminismTest} and, as {@link #main}, in a child JVM with another {@code OMP_NUM_THREADS}.
 */
public final class DeterminismProbe {
    private DeterminismProbe() {}

    /** @return "THREADS n" (ND4J's thread count), then one line per model: its name and every score's bits */
    static List<String> run() {
        DetectorRegistry registry = Guice.createInjector(new SgmModelsModule()).getInstance(DetectorRegistry.class);
        FeatureMatrix x = SyntheticFixtures.subspace(300, 30, 8, 11).x();
        String training = "{\"training\": {\"epochs\": 2, \"batchSize\": 64, \"earlyStop\": false, "
                + "\"engine\": \"%s\"}}";
        List<String> lines = new ArrayList<>();
        lines.add("THREADS " + Nd4j.getEnvironment().maxThreads());
        for (String key : List.of("sg-ae", "sg-dsvdd", "sg-rsrae", "sg-dagmm", "sg-rda", "dagmm")) {
            for (String engine : List.of("fast", "samediff")) {
                double[] s = registry.create(key, HyperparameterJson.read(String.format(training, engine)))
                        .fit(x, 7).score(x);
                StringBuilder sb = new StringBuilder("SCORES ").append(key).append('/').append(engine);
                for (double v : s) {
                    sb.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v)));
                }
                lines.add(sb.toString());
            }
        }
        return lines;
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        List<String> lines = run();
        System.out.flush();
        lines.forEach(System.out::println);
        System.out.flush();
    }
}
