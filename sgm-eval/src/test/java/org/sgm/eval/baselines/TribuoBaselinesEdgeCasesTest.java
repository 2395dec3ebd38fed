package org.sgm.eval.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.registry.DetectorRegistry;

/** Degenerate training sets every Tribuo baseline must fit (or refuse with a one-line message). */
class TribuoBaselinesEdgeCasesTest {
    static Stream<DetectorProvider<?>> providers() {
        return Stream.of(new TribuoOcsvmProvider(), new TribuoLinearOcsvmProvider(), new TribuoKMeansProvider(),
                new TribuoHdbscanProvider());
    }

    private static FittedDetector fit(DetectorProvider<?> p, FeatureMatrix train) {
        return new DetectorRegistry(Map.of(p.key(), p)).create(p.key(), null).fit(train, 3);
    }

    private static void assertFiniteScores(DetectorProvider<?> p, FittedDetector model) {
        double[] s = model.score(FeatureMatrix.of(new double[][] {{0, 0}, {1, 2}, {-5, 7}}));
        assertEquals(3, s.length);
        assertTrue(Arrays.stream(s).allMatch(Double::isFinite), p.key() + ": " + Arrays.toString(s));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void oneOrTwoRows(DetectorProvider<?> p) {
        assertFiniteScores(p, fit(p, FeatureMatrix.of(new double[][] {{1, 2}})));
        assertFiniteScores(p, fit(p, FeatureMatrix.of(new double[][] {{1, 2}, {2, 1}})));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void identicalRows(DetectorProvider<?> p) {
        double[][] rows = new double[30][];
        Arrays.setAll(rows, i -> new double[] {1, 2});
        assertFiniteScores(p, fit(p, FeatureMatrix.of(rows)));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void emptyTrainingSetsAreRefused(DetectorProvider<?> p) {
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> fit(p, FeatureMatrix.of(new double[0][])));
        assertTrue(e.getMessage().startsWith(p.key() + ": cannot fit on 0 rows"), e.getMessage());
    }
}
