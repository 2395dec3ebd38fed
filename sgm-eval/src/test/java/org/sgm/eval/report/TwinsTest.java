package org.sgm.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.eval.experiment.CellRecord;

/** The report pairs SG-X with X through the registry's {@code twinOf}, whatever the spec named them. */
class TwinsTest {
    private static CellRecord cell(String model, String key) {
        CellRecord c = SyntheticCells.cell("d", model, 1, 50, 0.1, 2.0, 0, true);
        return new CellRecord(CellRecord.idOf("d", model, 1), c.dataset(), c.dataSource(), c.dataSha256(), model, key,
                c.hyperparameters(), c.seed(), c.protocol(), c.metrics(), c.testScores(), c.testLabels(), c.history(),
                c.fitSeconds(), c.scoreSeconds(), c.versions(), c.finishedAt(), null);
    }

    @Test
    void pairsFollowTheRegistryNotTheNames() {
        List<CellRecord> cells = new ArrayList<>();
        cells.add(cell("sg-ae", "sg-ae"));
        cells.add(cell("ae", "ae"));
        cells.add(cell("sg-ae-wide", "sg-ae"));
        cells.add(cell("ae-wide", "ae"));
        cells.add(cell("guided-subspace", "sg-rsrae"));   // named freely: still SG-RSRAE
        cells.add(cell("plain-subspace", "rsrae"));
        cells.add(cell("sg-dsvdd@paper", "sg-dsvdd@paper"));
        cells.add(cell("dsvdd@paper", "dsvdd@paper"));
        cells.add(cell("sg-dagmm", "sg-dagmm"));          // its twin is not in the report
        cells.add(cell("iforest", "iforest"));
        cells.add(cell("sg-unknown", "sg-unknown"));      // a detector this registry does not know
        Twins t = Twins.of(cells, DetectorRegistry.discover());
        assertEquals("ae", t.twin("sg-ae"));
        assertEquals("ae-wide", t.twin("sg-ae-wide"));
        assertEquals("plain-subspace", t.twin("guided-subspace"));
        assertEquals("dsvdd@paper", t.twin("sg-dsvdd@paper"));
        assertNull(t.twin("sg-dagmm"));
        assertTrue(t.guided("sg-dagmm") && t.guided("guided-subspace"));
        assertFalse(t.guided("ae") || t.guided("iforest") || t.guided("sg-unknown"));
        assertEquals("plain-subspace", t.group("guided-subspace"));
        assertEquals("iforest", t.group("iforest"));

        ReportData data = ReportData.of(null, cells, DetectorRegistry.discover());
        assertTrue(data.models.indexOf("plain-subspace") + 1 == data.models.indexOf("guided-subspace"),
                "a twin right before its SG model: " + data.models);
    }
}
