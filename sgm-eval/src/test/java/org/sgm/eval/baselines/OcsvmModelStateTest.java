package org.sgm.eval.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import libsvm.svm_model;
import libsvm.svm_parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.io.ModelFile;
import org.sgm.core.registry.DetectorRegistry;
import org.tribuo.Example;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyModel;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;

/**
 * The one-class SVM's fitted state: support vectors, coefficients and kernel as double arrays, scored by our own
 * decision function. It must agree with Tribuo/LibSVM's, survive a save and load exactly, still read the Tribuo
 * protobuf of older files, and refuse malformed arrays naming the entry.
 */
class OcsvmModelStateTest {
    private static final TribuoOcsvmProvider PROVIDER = new TribuoOcsvmProvider();
    private static final String KEY = TribuoOcsvmProvider.KEY;
    /** A wide kernel, so that the decision values vary over the probes (γ = 1/d also works, less visibly). */
    private static final OcsvmHyperparameters HP = new OcsvmHyperparameters(0.1, 0.05, 50);
    private static final List<String> ENTRIES =
            List.of(OcsvmModel.SUPPORT_VECTORS, OcsvmModel.COEFFICIENTS, OcsvmModel.PARAMETERS);

    /** A Gaussian cloud in 3 dimensions, centred at 1 (so that dot-product kernels see no symmetry), with zeros. */
    private static FeatureMatrix cloud(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] rows = new double[n][3];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextInt(10) == 0 ? 0 : 1 + rng.nextGaussian();
            }
        }
        return FeatureMatrix.of(rows);
    }

    /** Rows inside and far outside the cloud, and an all-zero row. */
    private static FeatureMatrix probes() {
        double[][] rows = new double[43][];
        FeatureMatrix inside = cloud(40, 99);
        for (int i = 0; i < 40; i++) {
            rows[i] = new double[] {inside.get(i, 0), inside.get(i, 1), inside.get(i, 2)};
        }
        rows[40] = new double[] {0, 0, 0};
        rows[41] = new double[] {7, -6, 7};
        rows[42] = new double[] {-3.5, 0.25, 9};
        return FeatureMatrix.of(rows);
    }

    private static OcsvmDetector detector() {
        return new OcsvmDetector(KEY, HP);
    }

    /** A Tribuo/LibSVM one-class model with the given kernel (the detector itself only fits RBF). */
    private static LibSVMAnomalyModel trainTribuo(KernelType kernel, FeatureMatrix x) {
        if (kernel == KernelType.RBF) {
            return detector().train(x, 7);
        }
        SVMParameters<Event> p = new SVMParameters<>(new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), kernel);
        p.setNu(0.1);
        p.setGamma(0.2);
        p.setCoeff(0.5);
        p.setDegree(3);
        p.setCacheSize(50);
        return (LibSVMAnomalyModel) new LibSVMAnomalyTrainer(p, 7)
                .train(TribuoFeatures.dataset(x, new AnomalyFactory(), AnomalyFactory.EXPECTED_EVENT));
    }

    /** Tribuo's decision values of the rows: LibSVM's {@code Σᵢ αᵢ k(svᵢ, x) − ρ}, positive = normal. */
    private static Event[] tribuoPredictions(LibSVMAnomalyModel tribuo, FeatureMatrix x) {
        List<Example<Event>> examples = TribuoFeatures.examples(x, AnomalyFactory.UNKNOWN_EVENT);
        Event[] out = new Event[examples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tribuo.predict(examples.get(i)).getOutput();
        }
        return out;
    }

    private static void assertMatchesTribuo(LibSVMAnomalyModel tribuo, double[] scores, FeatureMatrix x) {
        Event[] events = tribuoPredictions(tribuo, x);
        for (int i = 0; i < scores.length; i++) {
            double expected = -events[i].getScore();
            assertEquals(expected, scores[i], 1e-9 * Math.abs(expected) + 1e-12, "row " + i);
            assertEquals(scores[i] > 0, events[i].getType() == Event.EventType.ANOMALOUS, "row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(KernelType.class)
    void decisionValuesMatchTribuosPredict(KernelType kernel) {
        FeatureMatrix train = cloud(150, 1);
        LibSVMAnomalyModel tribuo = trainTribuo(kernel, train);
        OcsvmModel model = OcsvmModel.of(KEY, HP, tribuo, 3);
        FeatureMatrix probes = probes();
        double[] scores = model.score(probes);
        assertMatchesTribuo(tribuo, scores, probes);
        // Not a constant: a wrong kernel or a wrong sign would show.
        assertTrue(Arrays.stream(scores).distinct().count() > 10, Arrays.toString(scores));
        assertTrue(Arrays.stream(scores).anyMatch(s -> s > 0) && Arrays.stream(scores).anyMatch(s -> s < 0),
                kernel + ": " + Arrays.toString(scores));
        // The arrays are LibSVM's own.
        svm_model svm = tribuo.getInnerModels().get(0);
        ModelState state = model.state();
        assertArrayEquals(new long[] {svm.l, 3},
                StateArrays.doubleShape(KEY, state, OcsvmModel.SUPPORT_VECTORS, -1, 3));
        assertArrayEquals(svm.sv_coef[0], StateArrays.readDoubles(KEY, state, OcsvmModel.COEFFICIENTS, svm.l), 0.0);
        assertArrayEquals(new double[] {svm.param.kernel_type, svm.param.gamma, svm.param.degree, svm.param.coef0,
            svm.rho[0]}, StateArrays.readDoubles(KEY, state, OcsvmModel.PARAMETERS, 5), 0.0);
    }

    @Test
    void theFittedDetectorIsLibsvmsRbfModel() {
        FeatureMatrix train = cloud(150, 2);
        FittedDetector fitted = PROVIDER.create(HP).fit(train, 7);
        LibSVMAnomalyModel tribuo = detector().train(train, 7);
        assertEquals(svm_parameter.RBF, tribuo.getInnerModels().get(0).param.kernel_type);
        assertEquals(0.05, tribuo.getInnerModels().get(0).param.gamma);
        assertMatchesTribuo(tribuo, fitted.score(probes()), probes());
    }

    @ParameterizedTest
    @EnumSource(KernelType.class)
    void restoredModelScoresExactlyAsTheFittedOne(KernelType kernel) {
        OcsvmModel model = OcsvmModel.of(KEY, HP, trainTribuo(kernel, cloud(150, 3)), 3);
        ModelState state = model.state();
        assertEquals(ENTRIES, List.copyOf(state.entries().keySet()));
        FittedDetector back = PROVIDER.restore(HP, state);
        FeatureMatrix probes = probes();
        assertArrayEquals(model.score(probes), back.score(probes), 0.0);
        // Saved again, the same bytes.
        ModelState again = back.state();
        for (String entry : ENTRIES) {
            assertArrayEquals(state.entries().get(entry), again.entries().get(entry), entry);
        }
    }

    @Test
    void aSavedFileRestoresExactly(@TempDir Path dir) {
        FittedDetector fitted = PROVIDER.create(HP).fit(cloud(200, 4), 3);
        Path file = dir.resolve("ocsvm.sgm");
        ModelFile.of(fitted, null, null).write(file);
        FittedDetector back = ModelFile.read(file).restore(new DetectorRegistry(Map.of(KEY, PROVIDER)));
        assertArrayEquals(fitted.score(probes()), back.score(probes()), 0.0);
        assertFalse(ModelFile.read(file).state().entries().containsKey(OcsvmModel.LEGACY_ENTRY));
    }

    /** A state as files written before the arrays held it: Tribuo's protobuf, and nothing else. */
    private static ModelState legacyState(LibSVMAnomalyModel tribuo, int inputDim) {
        return new ModelState(inputDim, Map.of(OcsvmModel.LEGACY_ENTRY, tribuo.serialize().toByteArray()),
                List.of());
    }

    @Test
    void aLegacyTribuoProtobufStillRestoresAndScoresAsBefore(@TempDir Path dir) {
        FeatureMatrix train = cloud(150, 5);
        LibSVMAnomalyModel tribuo = detector().train(train, 11);
        FeatureMatrix probes = probes();
        // Written as a file, the way older versions wrote it.
        Path file = dir.resolve("legacy.sgm");
        new ModelFile(KEY, HyperparameterJson.toTree(HP), legacyState(tribuo, 3), null, null).write(file);
        FittedDetector back = ModelFile.read(file).restore(new DetectorRegistry(Map.of(KEY, PROVIDER)));
        double[] scores = back.score(probes);
        assertArrayEquals(PROVIDER.create(HP).fit(train, 11).score(probes), scores, 0.0);
        assertMatchesTribuo(tribuo, scores, probes);
        // Saved again, it writes the arrays only.
        ModelState resaved = back.state();
        assertEquals(ENTRIES, List.copyOf(resaved.entries().keySet()));
        assertArrayEquals(scores, PROVIDER.restore(HP, resaved).score(probes), 0.0);
    }

    @Test
    void legacyStatesAreStillChecked() {
        LibSVMAnomalyModel tribuo = detector().train(cloud(100, 6), 1);
        assertRefused(legacyState(tribuo, 5), "features, which do not match the model file's 5");
        assertRefused(new ModelState(3, Map.of(OcsvmModel.LEGACY_ENTRY, new byte[] {1, 2, 3, 4}), List.of()),
                OcsvmModel.LEGACY_ENTRY);
        // Another Tribuo class is refused by name, before Tribuo would instantiate it.
        byte[] foreign = tribuo.serialize().toBuilder()
                .setClassName("org.tribuo.anomaly.liblinear.LibLinearAnomalyModel").build().toByteArray();
        assertRefused(new ModelState(3, Map.of(OcsvmModel.LEGACY_ENTRY, foreign), List.of()),
                "holds a org.tribuo.anomaly.liblinear.LibLinearAnomalyModel");
    }

    private static ModelFileException assertRefused(ModelState state, String expected) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> PROVIDER.restore(HP, state));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(KEY + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    /** The good state with one entry replaced ({@code null} removes it). */
    private static ModelState with(ModelState good, String entry, byte[] bytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>(good.entries());
        if (bytes == null) {
            entries.remove(entry);
        } else {
            entries.put(entry, bytes);
        }
        return new ModelState(good.inputDim(), entries, List.of());
    }

    private static ModelState withParameters(ModelState good, UnaryOperator<double[]> edit) {
        double[] p = StateArrays.readDoubles(KEY, good, OcsvmModel.PARAMETERS, 5);
        return with(good, OcsvmModel.PARAMETERS, StateArrays.encodeDoubles(edit.apply(p.clone()), 5));
    }

    private static double[] set(double[] values, int index, double value) {
        values[index] = value;
        return values;
    }

    @Test
    void missingEntriesAreRefusedByName() {
        ModelState good = PROVIDER.create(HP).fit(cloud(100, 7), 1).state();
        for (String entry : ENTRIES) {
            ModelFileException e = assertRefused(with(good, entry, null), "has no entry " + entry);
            assertTrue(e.getMessage().contains("entries: ["), e.getMessage());
        }
        assertRefused(new ModelState(3, Map.of(), List.of()), "has no entry " + OcsvmModel.SUPPORT_VECTORS);
        assertRefused(new ModelState(3, Map.of("other", new byte[] {1}), List.of()), OcsvmModel.SUPPORT_VECTORS);
    }

    @Test
    void inconsistentShapesAreRefusedByName() {
        ModelState good = PROVIDER.create(HP).fit(cloud(100, 8), 1).state();
        int m = (int) StateArrays.doubleShape(KEY, good, OcsvmModel.SUPPORT_VECTORS, -1, 3)[0];
        double[] sv = StateArrays.readDoubles(KEY, good, OcsvmModel.SUPPORT_VECTORS, m, 3);
        double[] alpha = StateArrays.readDoubles(KEY, good, OcsvmModel.COEFFICIENTS, m);
        String svEntry = OcsvmModel.SUPPORT_VECTORS;
        // d ≠ the state's input dimension.
        assertRefused(new ModelState(5, good.entries(), List.of()),
                svEntry + " has shape [" + m + ", 3], expected [any, 5]");
        assertRefused(new ModelState(0, good.entries(), List.of()), "input dimension 0");
        // The support vectors flattened, or as [m, 3, 1].
        assertRefused(with(good, svEntry, StateArrays.encodeDoubles(sv, (long) m * 3)), svEntry + " has rank 1");
        assertRefused(with(good, svEntry, StateArrays.encodeDoubles(sv, m, 3, 1)), svEntry + " has rank 3");
        // No support vector at all.
        assertRefused(with(with(good, svEntry, StateArrays.encodeDoubles(new double[0], 0, 3)),
                OcsvmModel.COEFFICIENTS, StateArrays.encodeDoubles(new double[0], 0)), "holds no support vector");
        // One coefficient too many, one too few.
        assertRefused(with(good, OcsvmModel.COEFFICIENTS, StateArrays.encodeDoubles(Arrays.copyOf(alpha, m + 1),
                m + 1)), OcsvmModel.COEFFICIENTS + " has shape [" + (m + 1) + "]");
        assertRefused(with(good, OcsvmModel.COEFFICIENTS, StateArrays.encodeDoubles(Arrays.copyOf(alpha, m - 1),
                m - 1)), OcsvmModel.COEFFICIENTS + " has shape [" + (m - 1) + "]");
        // Four parameters, or six.
        assertRefused(with(good, OcsvmModel.PARAMETERS, StateArrays.encodeDoubles(new double[4], 4)),
                OcsvmModel.PARAMETERS + " has shape [4], expected [5]");
        assertRefused(with(good, OcsvmModel.PARAMETERS, StateArrays.encodeDoubles(new double[6], 6)),
                OcsvmModel.PARAMETERS + " has shape [6], expected [5]");
    }

    @Test
    void truncatedForgedOrFloatEncodedEntriesAreRefusedByName() {
        ModelState good = PROVIDER.create(HP).fit(cloud(100, 9), 1).state();
        String svEntry = OcsvmModel.SUPPORT_VECTORS;
        byte[] bytes = good.entries().get(svEntry);
        int m = (int) StateArrays.doubleShape(KEY, good, svEntry, -1, 3)[0];
        assertRefused(with(good, svEntry, Arrays.copyOf(bytes, bytes.length - 1)), svEntry);
        assertRefused(with(good, svEntry, Arrays.copyOf(bytes, bytes.length + 8)), svEntry);
        assertRefused(with(good, svEntry, new byte[] {2, 0}), svEntry + " is truncated");
        assertRefused(with(good, svEntry, Arrays.copyOf(bytes, 12)), svEntry + " is truncated");
        // The float encoding of the other baselines holds half the bytes.
        assertRefused(with(good, svEntry, StateArrays.encode(new float[m * 3], m, 3)),
                svEntry + " has " + (m * 3 * 4) + " bytes of values, expected " + (m * 3) + " doubles");
        // A forged extent far larger than the entry, and a negative one.
        byte[] forged = bytes.clone();
        ByteBuffer.wrap(forged).order(ByteOrder.LITTLE_ENDIAN).putLong(4, 1L << 40);
        assertRefused(with(good, svEntry, forged), svEntry + " has a bad shape");
        ByteBuffer.wrap(forged).order(ByteOrder.LITTLE_ENDIAN).putLong(4, Integer.MAX_VALUE);
        assertRefused(with(good, svEntry, forged), svEntry + " has " + (bytes.length - 20) + " bytes of values");
        ByteBuffer.wrap(forged).order(ByteOrder.LITTLE_ENDIAN).putLong(4, -1);
        assertRefused(with(good, svEntry, forged), svEntry + " has a bad shape");
    }

    @Test
    void nonFiniteValuesAreRefusedByName() {
        ModelState good = PROVIDER.create(HP).fit(cloud(100, 10), 1).state();
        int m = (int) StateArrays.doubleShape(KEY, good, OcsvmModel.SUPPORT_VECTORS, -1, 3)[0];
        double[] sv = StateArrays.readDoubles(KEY, good, OcsvmModel.SUPPORT_VECTORS, m, 3);
        double[] alpha = StateArrays.readDoubles(KEY, good, OcsvmModel.COEFFICIENTS, m);
        assertRefused(with(good, OcsvmModel.SUPPORT_VECTORS, StateArrays.encodeDoubles(set(sv.clone(), 4, Double.NaN),
                m, 3)), OcsvmModel.SUPPORT_VECTORS + " holds a non-finite value NaN (index 4");
        assertRefused(with(good, OcsvmModel.COEFFICIENTS, StateArrays.encodeDoubles(
                set(alpha.clone(), m - 1, Double.POSITIVE_INFINITY), m)),
                OcsvmModel.COEFFICIENTS + " holds a non-finite value Infinity");
        for (int i = 0; i < 5; i++) {
            int k = i;
            assertRefused(withParameters(good, p -> set(p, k, Double.NaN)),
                    OcsvmModel.PARAMETERS + " holds a non-finite value NaN (index " + i);
        }
    }

    @Test
    void unknownKernelsAndBadKernelParametersAreRefusedByName() {
        ModelState good = PROVIDER.create(HP).fit(cloud(100, 11), 1).state();
        String p = OcsvmModel.PARAMETERS;
        // 4 is LibSVM's precomputed kernel: not a function of the row.
        for (double type : new double[] {4, 7, -1, 2.5, 1e300}) {
            assertRefused(withParameters(good, q -> set(q, 0, type)), p + " names kernel type " + type);
        }
        assertRefused(withParameters(good, q -> set(q, 1, -0.5)), p + " has γ = -0.5");
        assertRefused(withParameters(good, q -> set(q, 2, 2.5)), p + " has degree 2.5");
        assertRefused(withParameters(good, q -> set(q, 2, -1)), p + " has degree -1.0");
        assertRefused(withParameters(good, q -> set(q, 2, 1e12)), p + " has degree 1.0E12");
        // Each of the four known kernels is accepted.
        for (int type = 0; type < 4; type++) {
            int t = type;
            FittedDetector back = PROVIDER.restore(HP, withParameters(good, q -> set(q, 0, t)));
            assertTrue(Arrays.stream(back.score(probes())).allMatch(Double::isFinite));
        }
    }

    @Test
    void theLegacyEntryNeverWinsOverTheArrays() {
        FittedDetector fitted = PROVIDER.create(HP).fit(cloud(100, 12), 1);
        ModelState good = fitted.state();
        // An unreadable legacy entry beside the arrays is ignored, as any undeclared-by-us entry.
        ModelState both = with(good, OcsvmModel.LEGACY_ENTRY, new byte[] {1, 2, 3});
        assertArrayEquals(fitted.score(probes()), PROVIDER.restore(HP, both).score(probes()), 0.0);
        // The arrays partly present: the missing one is named, the legacy entry is not tried.
        assertRefused(with(both, OcsvmModel.COEFFICIENTS, null), "has no entry " + OcsvmModel.COEFFICIENTS);
    }
}
