package org.sgm.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureFileWriter;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.testing.SyntheticFixtures;

/**
 * Every backbone trains on a memory-mapped feature file exactly as on the same values in a Java array: the loop and
 * the hooks (Deep SVDD's centre, DAGMM's statistics, RDA's sparse part) read the rows batch by batch.
 */
class MappedBackbonesTest {
    private static final DetectorRegistry REGISTRY =
            Guice.createInjector(new SgmModelsModule()).getInstance(DetectorRegistry.class);

    @Test
    void everyBackboneTrainsOnAMappedFileAsOnTheArray() throws Exception {
        FeatureMatrix heap = SyntheticFixtures.subspace(900, 60, 8, 5).x();
        FeatureMatrix file;
        try (FeatureFileWriter w = FeatureFileWriter.createTemp(heap.columnNames())) {
            w.append(heap.toArray(), 0, heap.rows());
            file = w.finish();
        }
        assertTrue(file.isMapped());
        // RDA with a small λ so that its sparse part is not zero and the new input mixes mapped and replaced rows.
        String training = "{\"training\": {\"epochs\": 4, \"batchSize\": 128}%s}";
        for (String key : List.of("sg-dsvdd", "sg-dagmm", "sg-rsrae", "sg-rda", "rda")) {
            String extra = key.endsWith("rda") ? ", \"lambdaScale\": 0.05, \"innerEpochs\": 1" : "";
            FittedDetector a = REGISTRY.create(key, HyperparameterJson.read(String.format(training, extra)))
                    .fit(heap, 3);
            FittedDetector b = REGISTRY.create(key, HyperparameterJson.read(String.format(training, extra)))
                    .fit(file, 3);
            assertArrayEquals(a.score(heap), b.score(file), 0.0, key);
        }
    }
}
