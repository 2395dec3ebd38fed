package org.sgm.examples.java;

import java.util.List;
import org.sgm.data.ReadOptions;
import org.sgm.data.Table;
import org.sgm.eval.tribuotrainer.SgmAnomalyTrainer;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.evaluation.AnomalyEvaluation;
import org.tribuo.anomaly.evaluation.AnomalyEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * SGM inside Tribuo: SG-AE as a Tribuo {@code Trainer<Event>} ({@link SgmAnomalyTrainer}) on a Tribuo anomaly
 * dataset, evaluated with Tribuo's own {@link AnomalyEvaluator}. The labels are Tribuo's (expected/anomalous); the
 * trainer never reads them. Run it with {@code java -cp ... org.sgm.examples.java.SgmInsideTribuo [EPOCHS]}.
 */
public final class SgmInsideTribuo {
    private SgmInsideTribuo() {}

    /**
     * @param args optionally the epochs (default 20)
     */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        AnomalyEvaluation evaluation = run(epochs);
        System.out.println(evaluation);
    }

    /**
     * @param epochs the epochs of SG-AE
     * @return Tribuo's evaluation of SG-AE trained and scored on the bundled wbc data (flags at 10 % contamination)
     */
    public static AnomalyEvaluation run(int epochs) {
        Table wbc = Table.read("builtin:wbc", ReadOptions.defaults());
        String[] names = wbc.columns().toArray(String[]::new); // the features (the label column is read apart)
        boolean[] anomaly = wbc.anomalies();
        AnomalyFactory factory = new AnomalyFactory();
        MutableDataset<Event> data = new MutableDataset<>(new SimpleDataSourceProvenance("builtin:wbc", factory),
                factory);
        for (int i = 0; i < wbc.rows(); i++) {
            double[] values = new double[names.length];
            for (int j = 0; j < names.length; j++) {
                values[j] = wbc.numeric(names[j])[i];
            }
            Event truth = anomaly[i] ? AnomalyFactory.ANOMALOUS_EVENT : AnomalyFactory.EXPECTED_EVENT;
            data.add(new ArrayExample<>(truth, names, values));
        }
        SgmAnomalyTrainer trainer = new SgmAnomalyTrainer("sg-ae",
                "{\"training\": {\"epochs\": " + epochs + "}}", 42, 0.1);
        Model<Event> model = trainer.train(data);
        List<Prediction<Event>> predictions = model.predict(data);
        return new AnomalyEvaluator().evaluate(model, predictions, data.getProvenance());
    }
}
