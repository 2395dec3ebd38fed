package org.sgm.eval.baselines;

import org.sgm.core.data.FeatureMatrix;
import org.sgm.data.FittedPreprocessor;
import org.sgm.data.Preprocessor;
import org.sgm.data.ReadOptions;
import org.sgm.data.Table;

/**
 * The bundled WBC dataset (ODDS: 378 rows, 30 features, 21 anomalies), z-scored, for quality sanity tests. Detectors
 * are fitted on all rows without labels and scored on the same rows (the usual transductive ODDS protocol).
 *
 * @param x the z-scored features
 * @param anomaly the labels, only for scoring the ranking
 */
record Wbc(FeatureMatrix x, boolean[] anomaly) {
    static Wbc load() {
        Table t = Table.read("builtin:wbc", ReadOptions.defaults());
        FittedPreprocessor p = Preprocessor.fit(t);
        return new Wbc(p.transform(t), t.anomalies());
    }
}
