package org.sgm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.SgmException;

/** The catalogue of bundled datasets agrees with the files it lists, and {@code builtin:NAME} reads them. */
class BuiltinDatasetsTest {

    @Test
    void catalogueMatchesTheBundledFiles() {
        List<BuiltinDatasets.Dataset> all = BuiltinDatasets.list();
        assertEquals(List.of("cardio", "thyroid", "wbc"), all.stream().map(BuiltinDatasets.Dataset::name).toList());
        for (BuiltinDatasets.Dataset d : all) {
            Table t = Table.read(d.source(), ReadOptions.defaults());
            assertEquals("builtin:" + d.name(), t.source());
            assertEquals(d.rows(), t.rows(), d.name());
            assertEquals(d.features(), t.columns().size(), d.name());
            int anomalies = 0;
            for (boolean a : t.anomalies()) {
                anomalies += a ? 1 : 0;
            }
            assertEquals(d.anomalies(), anomalies, d.name());
            assertEquals(d.sha256(), t.sha256(), d.name());
            assertTrue(!d.citation().isBlank() && !d.description().isBlank(), d.name());
        }
        assertEquals(176.0 / 1831, BuiltinDatasets.get("cardio").anomalyRate(), 1e-12);
    }

    @Test
    void unknownNameListsTheBundledOnes() {
        SgmException e = assertThrows(SgmException.class, () -> Table.read("builtin:nope", ReadOptions.defaults()));
        assertEquals("builtin:nope: no bundled dataset of that name; bundled: cardio, thyroid, wbc"
                + " (see sgm datasets)", e.getMessage());
    }

    @Test
    void datasetNamesForResultTables() {
        assertEquals("cardio", Table.datasetName("builtin:cardio"));
        assertEquals("market", Table.datasetName("../shared/datasets/market.csv"));
        assertEquals("x.y", Table.datasetName("/a/b/x.y.npz"));
    }
}
