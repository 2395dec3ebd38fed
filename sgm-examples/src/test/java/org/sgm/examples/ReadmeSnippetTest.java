package org.sgm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.FitContext;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.threshold.Threshold;
import org.sgm.data.BuiltinDatasets;
import org.sgm.data.Explanation;
import org.sgm.data.FittedPipeline;
import org.sgm.data.ReadOptions;
import org.sgm.data.Table;

/** README's second "Use it from Java" snippet (with sgm-data), compiled and run on the bundled wbc file. */
class ReadmeSnippetTest {
    @Test
    void theSnippetRuns(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("train.csv"), BuiltinDatasets.bytes("wbc"));
        Files.write(dir.resolve("new.csv"), BuiltinDatasets.bytes("wbc"));
        DetectorRegistry registry = DetectorRegistry.discover();
        AnomalyDetector detector = registry.create("sg-ae", HyperparameterJson.read("{\"training\": {\"epochs\": 2}}"));
        Path model = dir.resolve("model.sgm");
        String train = dir.resolve("train.csv").toString();
        String fresh = dir.resolve("new.csv").toString();

        // --- README ---
        Table table = Table.read(train, ReadOptions.defaults());
        FittedPipeline pipeline = FittedPipeline.fit(detector, table, "label", FitContext.of(42));
        pipeline.save(model);
        FittedPipeline loaded = FittedPipeline.load(model, registry);
        double[] s = loaded.score(Table.read(fresh, loaded.readOptions()));
        boolean[] isAnomaly = Threshold.flag(s, loaded.cutoff(Threshold.contamination(0.05)));
        Explanation why = loaded.explain(Table.read(fresh, loaded.readOptions()), Explanation.Method.GRADIENTS, 128);
        // --- end ---

        assertEquals(table.rows(), s.length);
        assertEquals(s.length, isAnomaly.length);
        assertEquals(s.length, why.scores().length);
    }
}
