package org.sgm.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sgm.core.SgmException;
import org.sgm.data.ReadOptions;
import org.sgm.data.Table;
import org.sgm.data.synth.SynthSpec.Kind;

class SyntheticDataTest {
    @TempDir
    Path dir;

    private static SynthSpec spec(Kind kind, int dims, double overlap, double noise, long seed) {
        return new SynthSpec(kind, 400, dims, 0.1, kind == Kind.TRANSITION ? 3 : 2, overlap, 5, noise, seed);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sameSeedSameFileOtherSeedOtherFile(Kind kind) throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        SyntheticData.generate(spec(kind, 3, 0.3, 0.01, 11)).writeCsv(a);
        SyntheticData.generate(spec(kind, 3, 0.3, 0.01, 11)).writeCsv(b);
        SyntheticData.generate(spec(kind, 3, 0.3, 0.01, 12)).writeCsv(c);

        assertEquals(-1, Files.mismatch(a, b), "same seed, same bytes");
        assertNotEquals(-1, Files.mismatch(a, c), "another seed, other bytes");
        Table t = Table.read(a, ReadOptions.defaults());
        // 400 rows, 40 anomalies, int(360 · 0.01 / 0.99) = 3 noise rows labelled normal
        assertEquals(403, t.rows());
        assertEquals(3, t.columns().size());
        int anomalies = 0;
        for (boolean x : t.anomalies()) {
            anomalies += x ? 1 : 0;
        }
        assertEquals(40, anomalies);
    }

    /** Mean distance of anomalies to the nearest cluster centre, in σ (the transition clusters have σ = 1). */
    private static double anomalyDistance(double overlap) {
        SyntheticData.Dataset data = SyntheticData.generate(new SynthSpec(Kind.TRANSITION, 2000, 2, 0.2, 3, overlap,
                5, 0, 1));
        double sum = 0;
        int n = 0;
        for (int i = 0; i < data.rows(); i++) {
            if (data.anomaly()[i]) {
                double best = Double.POSITIVE_INFINITY;
                for (int c = 0; c < 3; c++) {
                    double angle = 2 * Math.PI * c / 3;
                    best = Math.min(best, Math.hypot(data.x()[i][0] - 10 * Math.cos(angle),
                            data.x()[i][1] - 10 * Math.sin(angle)));
                }
                sum += best;
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void overlapMovesAnomaliesFromAShellIntoTheClusters() {
        double separated = anomalyDistance(0);
        double half = anomalyDistance(0.5);
        double mixed = anomalyDistance(1);

        assertTrue(separated > 5 && separated < 8, "shell at 5–8 σ: " + separated);
        assertTrue(mixed < 1.6, "like the normals (mean χ₂ ≈ 1.25): " + mixed);
        assertTrue(separated > half && half > mixed, separated + " > " + half + " > " + mixed);
    }

    @Test
    void dependencyAnomaliesKeepMarginalsButLoseCorrelation() {
        SyntheticData.Dataset data = SyntheticData.generate(new SynthSpec(Kind.DEPENDENCY, 20000, 2, 0.5, 1, 0, 5,
                0, 3));
        double normal = Math.abs(correlation(data, false));
        double anomalous = Math.abs(correlation(data, true));

        assertTrue(anomalous < 0.05, "independent features: " + anomalous);
        assertTrue(normal > anomalous + 0.1, "normals are correlated: " + normal);
    }

    private static double correlation(SyntheticData.Dataset data, boolean anomalies) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < data.rows(); i++) {
            if (data.anomaly()[i] == anomalies) {
                double x = data.x()[i][0];
                double y = data.x()[i][1];
                sx += x;
                sy += y;
                sxx += x * x;
                syy += y * y;
                sxy += x * y;
                n++;
            }
        }
        double cov = sxy / n - sx / n * sy / n;
        return cov / Math.sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
    }

    @Test
    void globalAnomaliesStayInTheWidenedBoundingBox() {
        SyntheticData.Dataset data = SyntheticData.generate(spec(Kind.GLOBAL, 2, 0, 0, 5));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.rows(); i++) {
            if (!data.anomaly()[i]) {
                min = Math.min(min, data.x()[i][0]);
                max = Math.max(max, data.x()[i][0]);
            }
        }
        double range = max - min;
        for (int i = 0; i < data.rows(); i++) {
            if (data.anomaly()[i]) {
                assertTrue(data.x()[i][0] >= min - 0.1 * range && data.x()[i][0] <= max + 0.1 * range);
            }
        }
    }

    @Test
    void badSettingsNameTheirOption() {
        assertTrue(assertThrows(SgmException.class, () -> new SynthSpec(Kind.DEPENDENCY, 100, 1, 0.1, 1, 0, 5, 0, 0))
                .getMessage().startsWith("--dims"));
        assertTrue(assertThrows(SgmException.class, () -> new SynthSpec(Kind.TRANSITION, 100, 2, 0.1, 1, 1.5, 5, 0,
                0)).getMessage().startsWith("--overlap"));
        assertTrue(assertThrows(SgmException.class, () -> Kind.parse("weird")).getMessage().contains("transition"));
    }
}
