package org.sgm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.data.ReadOptions;
import org.sgm.data.Table;
import org.sgm.eval.tribuotrainer.SgmAnomalyTrainer;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The VAE backbone is registered only by this jar's {@code META-INF/services} entry (no SGM code names its module):
 * the {@code sgm} program and the Tribuo trainer find it by key. (sgm-spark's {@code SparkExperimentTest} runs it on
 * Spark's executors.)
 */
class VaeDiscoveredTest {
    @Test
    void theProgramFitsAndScoresIt(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("vae.sgm");
        var fit = CliRoundTripTest.sgm("fit", "--model", "sg-vae", "--data", "builtin:wbc",
                "--epochs", "2", "--seed", "1", "--out", model.toString(), "--quiet");
        assertEquals(0, fit.status(), fit.err());
        Path scores = dir.resolve("scores.csv");
        var score = CliRoundTripTest.sgm("score", "--model", model.toString(), "--data",
                "builtin:wbc", "--out", scores.toString());
        assertEquals(0, score.status(), score.err());
        List<String> lines = Files.readAllLines(scores);
        assertEquals("score", lines.get(0));
        assertEquals(379, lines.size(), "378 wbc rows and the header");
    }

    @Test
    void tribuoTrainsItFromItsKey() {
        Table wbc = Table.read("builtin:wbc", ReadOptions.defaults());
        AnomalyFactory factory = new AnomalyFactory();
        MutableDataset<Event> data = new MutableDataset<>(new SimpleDataSourceProvenance("wbc", factory), factory);
        String[] names = wbc.columns().toArray(String[]::new); // features only: the label column is read apart
        for (int i = 0; i < wbc.rows(); i++) {
            double[] v = new double[names.length];
            for (int j = 0; j < v.length; j++) {
                v[j] = wbc.numeric(names[j])[i];
            }
            data.add(new ArrayExample<>(AnomalyFactory.EXPECTED_EVENT, names, v));
        }
        SgmAnomalyTrainer trainer = new SgmAnomalyTrainer("sg-vae", "{\"training\": {\"epochs\": 2}}", 3, 0.1);
        Model<Event> model = trainer.train(data);
        assertEquals("sg-vae", trainer.detector().key());
        assertEquals(wbc.rows(), model.predict(data).size());
        assertTrue(model.predict(data).stream().allMatch(p -> Double.isFinite(p.getOutput().getScore())));
    }
}
