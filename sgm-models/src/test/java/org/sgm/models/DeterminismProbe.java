package org.sgm.models;

import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.testing.SyntheticFixtures;
import org.sgm.core.train.ScoreGuidedDetector;

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
        String training = "{\"training\": {\"epochs\": 2, \"batchSize\": 64, \"earlyStop\": false}}";
        List<String> lines = new ArrayList<>();
        lines.add("THREADS " + Nd4j.getEnvironment().maxThreads());
        String[][] runs = {{"sg-ae", "auto"}, {"sg-ae", "samediff"}, {"sg-dsvdd", "auto"}, {"sg-rsrae", "auto"},
            {"sg-dagmm", "auto"}};
        for (String[] r : runs) {
            if (r[1].equals("samediff")) {
                System.setProperty(ScoreGuidedDetector.ENGINE_PROPERTY, "samediff");
            }
            try {
                double[] s = registry.create(r[0], HyperparameterJson.read(training)).fit(x, 7).score(x);
                StringBuilder sb = new StringBuilder("SCORES ").append(r[0]).append('/').append(r[1]);
                for (double v : s) {
                    sb.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v)));
                }
                lines.add(sb.toString());
            } finally {
                System.clearProperty(ScoreGuidedDetector.ENGINE_PROPERTY);
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
