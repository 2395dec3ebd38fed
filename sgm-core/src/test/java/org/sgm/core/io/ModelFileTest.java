package org.sgm.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.EpochStats;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.SgmException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.testing.ZipEntries;

class ModelFileTest {
    @TempDir
    Path dir;

    /** A tiny detector: score = squared distance to the training mean. */
    record MeanParams(double scale) {}

    static final class MeanModel implements FittedDetector {
        final double[] mean;
        final MeanParams p;

        MeanModel(double[] mean, MeanParams p) {
            this.mean = mean;
            this.p = p;
        }

        @Override public String key() { return "mean"; }
        @Override public Record hyperparameters() { return p; }
        @Override public int inputDim() { return mean.length; }
        @Override public List<EpochStats> history() { return List.of(new EpochStats(1, 1, 1, 0, 2, 0.1, 0.5, 3)); }

        @Override
        public double[] score(FeatureMatrix x) {
            double[] s = new double[x.rows()];
            for (int i = 0; i < s.length; i++) {
                for (int j = 0; j < mean.length; j++) {
                    s[i] += p.scale() * (x.get(i, j) - mean[j]) * (x.get(i, j) - mean[j]);
                }
            }
            return s;
        }

        @Override
        public ModelState state() {
            return new ModelState(mean.length, Map.of("mean", ModelState.encode(Nd4j.createFromArray(mean))), history());
        }
    }

    static final class MeanProvider implements DetectorProvider<MeanParams> {
        @Override public String key() { return "mean"; }
        @Override public String description() { return "test"; }
        @Override public Class<MeanParams> hyperparametersType() { return MeanParams.class; }
        @Override public MeanParams defaults() { return new MeanParams(1); }

        @Override
        public AnomalyDetector create(MeanParams p) {
            return new AnomalyDetector() {
                @Override public String key() { return "mean"; }
                @Override public Record hyperparameters() { return p; }

                @Override
                public FittedDetector fit(FeatureMatrix train, FitContext ctx) {
                    double[] m = new double[train.cols()];
                    for (int i = 0; i < train.rows(); i++) {
                        for (int j = 0; j < m.length; j++) {
                            m[j] += train.get(i, j) / train.rows();
                        }
                    }
                    for (int j = 0; j < m.length; j++) {
                        m[j] = (float) m[j]; // model state is stored in single precision
                    }
                    return new MeanModel(m, p);
                }
            };
        }

        @Override
        public FittedDetector restore(MeanParams p, ModelState s) {
            return new MeanModel(ModelState.decode(s.entries().get("mean"), "mean").toDoubleVector(), p);
        }
    }

    private final DetectorRegistry registry = new DetectorRegistry(Map.of("mean", new MeanProvider()));
    private final FeatureMatrix x = FeatureMatrix.of(new double[][] {{1, 2}, {3, 5}, {0, -1}});

    private Path saved() {
        FittedDetector m = registry.create("mean", HyperparameterJson.read("{\"scale\": 2}")).fit(x, 0);
        Path file = dir.resolve("m.sgm");
        ModelFile.of(m, null, HyperparameterJson.read("{\"seed\": 0}")).write(file);
        return file;
    }

    @Test
    void roundTripRestoresScoresHistoryAndMetadata() {
        FittedDetector m = registry.create("mean", HyperparameterJson.read("{\"scale\": 2}")).fit(x, 0);
        ModelFile mf = ModelFile.read(saved());
        FittedDetector back = mf.restore(registry);
        assertArrayEquals(m.score(x), back.score(x), 0.0);
        assertEquals(m.history(), back.history());
        assertEquals(new MeanParams(2), back.hyperparameters());
        assertEquals(0, mf.provenance().get("seed").asInt());
    }

    @Test
    void truncatedFileIsRefused() throws Exception {
        Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        SgmException e = assertThrows(SgmException.class, () -> ModelFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void tamperedEntryOrMetadataIsRefused() throws Exception {
        Path file = saved();
        rewrite(file, "state/000.bin", b -> { b[b.length - 1] ^= 1; return b; });
        assertTrue(assertThrows(SgmException.class, () -> ModelFile.read(file)).getMessage()
                .contains("checksum mismatch in model entry mean"));
        Path file2 = saved();
        rewrite(file2, ModelFile.METADATA, b -> new String(b, StandardCharsets.UTF_8)
                .replace("\"scale\" : 2.0", "\"scale\" : 9.0").getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(SgmException.class, () -> ModelFile.read(file2)).getMessage()
                .contains("metadata checksum mismatch"));
    }

    @Test
    void newerFormatVersionIsRefused() throws Exception {
        Path file = saved();
        rewrite(file, ModelFile.METADATA, b -> new String(b, StandardCharsets.UTF_8)
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 99").getBytes(StandardCharsets.UTF_8));
        // re-sign the metadata so that only the version is wrong
        rewrite(file, ModelFile.METADATA_SUM, b -> Hashing.sha256(entry(file, ModelFile.METADATA))
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(assertThrows(SgmException.class, () -> ModelFile.read(file)).getMessage()
                .contains("format version 99 is newer"));
    }

    @Test
    void missingFileAndNonModelFileAreNamed() throws Exception {
        Path none = dir.resolve("none.sgm");
        assertEquals(none + ": model file not found",
                assertThrows(SgmException.class, () -> ModelFile.read(none)).getMessage());
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertTrue(assertThrows(SgmException.class, () -> ModelFile.read(text)).getMessage().startsWith(text.toString()));
    }

    @Test
    void writingReplacesAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        Path file = saved();
        saved();
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private static byte[] entry(Path zip, String name) throws Exception {
        return ZipEntries.entry(Files.readAllBytes(zip), name);
    }

    private static void rewrite(Path zip, String name, ZipEntries.Edit edit) throws Exception {
        Files.write(zip, ZipEntries.rewrite(Files.readAllBytes(zip), name, edit));
    }
}
