package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sgm.core.data.FeatureMatrix;

/** Reads the real market.csv (UCI Bank Marketing) of the shared benchmark data, if it is there. */
class MarketDataTest {
    private static final Path MARKET = Path.of("../../shared/datasets/market.csv");

    @Test
    void readsAndPreprocessesMarket() {
        assumeTrue(Files.isRegularFile(MARKET), "no " + MARKET.toAbsolutePath());

        Table t = Table.readCsv(MARKET, "label");

        assertEquals("3f4daac9ae9865982b763107f72b15c8970dd6f15ad1f2109dfc58c7860768b0", t.sha256());
        assertEquals(45211, t.rows());
        assertEquals(16, t.columns().size());
        assertEquals(9, t.columns().stream().filter(c -> !t.isNumeric(c)).count());
        int anomalies = 0;
        for (boolean a : t.anomalies()) {
            anomalies += a ? 1 : 0;
        }
        assertEquals(5289, anomalies);
        FittedPreprocessor p = Preprocessor.fit(t);
        assertEquals(51, p.featureNames().size());
        assertTrue(p.featureNames().contains("job=admin."), p.featureNames().toString());
        FeatureMatrix x = p.transform(t);
        assertEquals(45211, x.rows());
        assertEquals(51, x.cols());
    }
}
