package org.sgm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sgm.core.SgmException;
import org.sgm.data.Splits;
import org.sgm.eval.EvaluationProtocol.Kind;

/** Each named protocol's split sizes on 1000 rows with 100 anomalies. */
class EvaluationProtocolTest {
    private static final boolean[] LABELS = new boolean[1000];

    static {
        for (int i = 0; i < 1000; i += 10) {
            LABELS[i] = true;
        }
    }

    private static long anomalies(int[] rows) {
        return Arrays.stream(rows).filter(i -> LABELS[i]).count();
    }

    private static Splits.Split split(Kind kind) {
        return EvaluationProtocol.of(kind, 1).split(LABELS, 7);
    }

    @Test
    void paperIsStratified602020WithOnePercentNoise() {
        Splits.Split s = split(Kind.PAPER);

        assertEquals(600, s.train().length);
        assertEquals(200, s.validation().length);
        assertEquals(200, s.test().length);
        assertEquals(60, anomalies(s.train()));
        assertEquals(20, anomalies(s.test()));
        assertEquals(0.01, EvaluationProtocol.of(Kind.PAPER, 1).noiseRate());
    }

    @Test
    void paperWithTrainingAnomalyRateSubsamplesTrainOnly() {
        Splits.Split s = EvaluationProtocol.of(Kind.PAPER, 1).withTrainAnomalyRate(0.02).split(LABELS, 7);

        assertEquals(540 + 11, s.train().length); // round(0.02 · 540 / 0.98) = 11 anomalies kept
        assertEquals(11, anomalies(s.train()));
        assertEquals(200, s.test().length);
        assertEquals(20, anomalies(s.test()));
    }

    @Test
    void adbenchIsStratified7030() {
        Splits.Split s = split(Kind.ADBENCH);

        assertEquals(700, s.train().length);
        assertEquals(300, s.test().length);
        assertEquals(30, anomalies(s.test()));
        assertEquals(0.0, EvaluationProtocol.of(Kind.ADBENCH, 1).noiseRate());
    }

    @Test
    void pyodIsRandom6040() {
        Splits.Split s = split(Kind.PYOD);

        assertEquals(600, s.train().length);
        assertEquals(400, s.test().length);
    }

    @Test
    void cleanTrainsOnHalfTheNormals() {
        Splits.Split s = split(Kind.CLEAN);

        assertEquals(450, s.train().length);
        assertEquals(0, anomalies(s.train()));
        assertEquals(550, s.test().length);
        assertEquals(100, anomalies(s.test()));
    }

    @Test
    void stratifiedKeepsTheOldDefaults() {
        EvaluationProtocol p = EvaluationProtocol.defaults();
        assertEquals(Kind.STRATIFIED, p.kind());
        assertEquals(0.2, p.testFraction());
        assertEquals("label", p.labelColumn());
        assertEquals(800, p.split(LABELS, 1).train().length);
        assertEquals(500, p.withTestFraction(0.5).split(LABELS, 1).test().length);
    }

    @Test
    void namesAndMisuseAreReported() {
        assertEquals(Kind.ADBENCH, Kind.parse("adbench"));
        SgmException unknown = assertThrows(SgmException.class, () -> Kind.parse("odds"));
        assertTrue(unknown.getMessage().contains("stratified, paper, adbench, pyod, clean"), unknown.getMessage());
        assertThrows(SgmException.class, () -> EvaluationProtocol.of(Kind.PAPER, 1).withTestFraction(0.3));
        assertThrows(SgmException.class, () -> EvaluationProtocol.of(Kind.CLEAN, 1).withTrainAnomalyRate(0.1));
        assertThrows(SgmException.class, () -> EvaluationProtocol.of(Kind.PAPER, 1).withTrainAnomalyRate(1.5));
    }
}
