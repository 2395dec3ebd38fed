package org.sgm.spark;

import com.google.inject.Guice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.sgm.core.io.ModelFile;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.data.FittedPipeline;
import org.sgm.eval.SgmEvalModule;

/**
 * Loads a model file shipped as bytes (a broadcast variable) on an executor: the bytes are written once per JVM to
 * a temporary file (the model file reader takes a path), and each caller gets its own {@link FittedPipeline}, so
 * tasks running side by side in one executor never share a network's buffers.
 */
final class ModelCache {
    private static final Map<String, Path> FILES = new HashMap<>();
    private static DetectorRegistry registry;

    private ModelCache() {}

    /** @return the registry of SGM's detectors and the Tribuo baselines, created once per JVM */
    static synchronized DetectorRegistry registry() {
        if (registry == null) {
            registry = Guice.createInjector(new SgmEvalModule()).getInstance(DetectorRegistry.class);
        }
        return registry;
    }

    /**
     * @param name the model file's name on the driver, for messages
     * @param bytes the model file's content
     * @return a freshly loaded pipeline
     */
    static FittedPipeline load(String name, byte[] bytes) {
        return FittedPipeline.load(file(name, bytes), registry());
    }

    private static synchronized Path file(String name, byte[] bytes) {
        return FILES.computeIfAbsent(ModelFile.sha256(bytes), sha -> {
            try {
                Path dir = Files.createTempDirectory("sgm-spark-model-");
                Path file = dir.resolve(Path.of(name).getFileName().toString());
                Files.write(file, bytes);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the model to a temporary file", e);
            }
        });
    }
}
