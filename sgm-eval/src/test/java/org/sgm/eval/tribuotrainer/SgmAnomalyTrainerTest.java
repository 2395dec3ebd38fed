package org.sgm.eval.tribuotrainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.data.Preprocessor;
import org.sgm.data.ReadOptions;
import org.sgm.data.Table;
import org.sgm.eval.SgmEvalModule;
import org.sgm.eval.metrics.RankingMetrics;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.provenance.TrainerProvenance;

/** Trains SG-AE through Tribuo's own API on the bundled WBC data (z-scored, 378 rows, 21 anomalies). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SgmAnomalyTrainerTest {
    private static final long SEED = 11;
    private FeatureMatrix x;
    private boolean[] anomaly;
    private MutableDataset<Event> dataset;
    private AnomalyDetector sgAe;
    private SgmTribuoModel model;
    private List<Prediction<Event>> predictions;

    @BeforeAll
    void trainThroughTribuo() {
        Table t = Table.read("builtin:wbc", ReadOptions.defaults());
        x = Preprocessor.fit(t).transform(t);
        anomaly = t.anomalies();
        AnomalyFactory factory = new AnomalyFactory();
        dataset = new MutableDataset<>(new SimpleDataSourceProvenance("builtin:wbc", factory), factory);
        String[] names = x.columnNames().toArray(String[]::new);
        for (int i = 0; i < x.rows(); i++) {
            double[] values = new double[x.cols()];
            for (int j = 0; j < values.length; j++) {
                values[j] = x.get(i, j);
            }
            // Labelled as a Tribuo anomaly dataset would be; the trainer must not use the labels.
            Event label = anomaly[i] ? AnomalyFactory.ANOMALOUS_EVENT : AnomalyFactory.EXPECTED_EVENT;
            dataset.add(new ArrayExample<>(label, names, values));
        }
        DetectorRegistry registry =
                Guice.createInjector(new SgmEvalModule()).getInstance(DetectorRegistry.class);
        sgAe = registry.create("sg-ae", HyperparameterJson.read(
                "{\"training\": {\"epochs\": 10, \"batchSize\": 32, \"learningRate\": 0.001}}"));
        SgmAnomalyTrainer trainer = new SgmAnomalyTrainer(sgAe, SEED, 0.1);
        Model<Event> trained = trainer.train(dataset);
        model = assertInstanceOf(SgmTribuoModel.class, trained);
        predictions = model.predict(dataset);
    }

    /** The WBC matrix with its columns in the order of the Tribuo feature map (names sorted: f1, f10, f11, …). */
    private FeatureMatrix inFeatureMapOrder() {
        List<String> order = TribuoMatrices.columns(model.getFeatureIDMap());
        float[] data = new float[x.rows() * x.cols()];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < order.size(); j++) {
                data[i * order.size() + j] = x.get(i, x.columnNames().indexOf(order.get(j)));
            }
        }
        return FeatureMatrix.wrap(data, x.rows(), order);
    }

    @Test
    void scoresMatchTheSgmDetectorWithTheSameSeed() {
        FeatureMatrix reordered = inFeatureMapOrder();
        double[] direct = sgAe.fit(reordered, SEED).score(reordered);
        double[] viaTribuo = predictions.stream().mapToDouble(p -> p.getOutput().getScore()).toArray();
        assertArrayEquals(direct, viaTribuo, 0.0);
        // One example at a time: the same score up to float rounding (a one-row matrix product may round
        // differently from a 378-row one).
        assertEquals(viaTribuo[5], model.predict(dataset.getExample(5)).getOutput().getScore(),
                1e-6 * Math.abs(viaTribuo[5]));
    }

    @Test
    void anomaliesRankHigherAndTheThresholdFollowsTheContamination() {
        double[] scores = predictions.stream().mapToDouble(p -> p.getOutput().getScore()).toArray();
        double auc = RankingMetrics.rocAuc(anomaly, scores);
        assertTrue(auc > 0.85, "AUROC " + auc); // measured 0.962
        long flagged = predictions.stream()
                .filter(p -> p.getOutput().getType() == Event.EventType.ANOMALOUS).count();
        // 10% of 378 rows lie above the 90% quantile of the training scores.
        assertTrue(flagged == 37 || flagged == 38, "flagged " + flagged);
        for (Prediction<Event> p : predictions) {
            assertEquals(p.getOutput().getScore() > model.threshold(),
                    p.getOutput().getType() == Event.EventType.ANOMALOUS);
        }
    }

    @Test
    void provenanceRecordsTheDetectorHyperparametersAndSeed() {
        TrainerProvenance trainer = model.getProvenance().getTrainerProvenance();
        assertEquals(SgmAnomalyTrainer.class.getName(), trainer.getClassName());
        assertEquals("sg-ae", ((StringProvenance) trainer.getConfiguredParameters().get("detectorKey")).getValue());
        String json = ((StringProvenance) trainer.getConfiguredParameters().get("hyperparameters")).getValue();
        Record back = Guice.createInjector(new SgmEvalModule()).getInstance(DetectorRegistry.class)
                .create("sg-ae", HyperparameterJson.read(json)).hyperparameters();
        assertEquals(sgAe.hyperparameters(), back);
        assertEquals(SEED, ((LongProvenance) trainer.getConfiguredParameters().get("seed")).getValue());
        assertEquals(0.1, ((DoubleProvenance) trainer.getConfiguredParameters().get("contamination")).getValue());
        assertEquals(0, ((IntProvenance) trainer.getInstanceValues().get(TrainerProvenance.TRAIN_INVOCATION_COUNT))
                .getValue());
    }

    @Test
    void featuresAreMatchedByNameMissingOnesAreZero() {
        // An example with its features in another order, one feature missing and one the model never saw.
        List<String> names = new ArrayList<>(x.columnNames());
        double[] values = new double[names.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = x.get(0, j);
        }
        List<String> shuffled = new ArrayList<>();
        List<Double> shuffledValues = new ArrayList<>();
        for (int j = values.length - 1; j >= 1; j--) { // drops column 0, reverses the rest
            shuffled.add(names.get(j));
            shuffledValues.add(values[j]);
        }
        shuffled.add("not-a-feature");
        shuffledValues.add(123.0);
        Example<Event> partial = new ArrayExample<>(AnomalyFactory.UNKNOWN_EVENT,
                shuffled.toArray(String[]::new), shuffledValues.stream().mapToDouble(Double::doubleValue).toArray());
        values[0] = 0;
        Example<Event> zeroFilled = new ArrayExample<>(AnomalyFactory.UNKNOWN_EVENT, names.toArray(String[]::new),
                values);
        Prediction<Event> a = model.predict(partial);
        assertEquals(model.predict(zeroFilled).getOutput().getScore(), a.getOutput().getScore(), 0.0);
        assertEquals(values.length - 1, a.getNumActiveFeatures());
        Example<Event> unknownOnly = new ArrayExample<>(AnomalyFactory.UNKNOWN_EVENT, new String[] {"nope"},
                new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> model.predict(unknownOnly));
    }

    @Test
    void aTrainerNamedByKeyAndJsonTrainsTheSameModel() {
        String json = ((StringProvenance) model.getProvenance().getTrainerProvenance().getConfiguredParameters()
                .get("hyperparameters")).getValue();
        SgmAnomalyTrainer byKey = new SgmAnomalyTrainer("sg-ae", json, SEED, 0.1);
        assertEquals(sgAe.hyperparameters(), byKey.detector().hyperparameters());
        assertEquals(model.getProvenance().getTrainerProvenance(), byKey.getProvenance());
        assertThrows(SgmException.class, () -> new SgmAnomalyTrainer("nope", "{}", 1, 0.1));
        assertThrows(SgmException.class, () -> new SgmAnomalyTrainer("sg-ae", "{not json", 1, 0.1));
        assertThrows(SgmException.class,
                () -> new SgmAnomalyTrainer("sg-ae", "{\"training\": {\"epochs\": 0}}", 1, 0.1));
    }

    @Test
    void protobufAndJavaSerializationAreRefusedWithAPointerToModelFile() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> model.serialize());
        assertTrue(e.getMessage().contains("ModelFile"), e.getMessage());
        assertThrows(NotSerializableException.class, () -> new ObjectOutputStream(
                OutputStream.nullOutputStream()).writeObject(model));
    }

    @Test
    void contaminationOutsideItsRangeIsRefused() {
        assertThrows(SgmException.class, () -> new SgmAnomalyTrainer(sgAe, 1, 1.0));
        assertThrows(SgmException.class, () -> new SgmAnomalyTrainer(sgAe, 1, -0.1));
        assertEquals(3.0, SgmAnomalyTrainer.upperQuantile(new double[] {4, 1, 3, 2}, 1.0 / 3), 1e-12);
        assertEquals(4.0, SgmAnomalyTrainer.upperQuantile(new double[] {4, 1, 3, 2}, 0), 0.0);
        assertEquals(2.5, SgmAnomalyTrainer.upperQuantile(new double[] {4, 1, 3, 2}, 0.5), 1e-12);
    }
}
