package org.sgm.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.sgm.core.io.Hashing;
import org.sgm.core.io.ModelFile;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.data.FittedPipeline;

/**
 * Loads a model file shipped as bytes (a broadcast variable) on an executor: the bytes are written once per JVM to
 * a temporary file (the model file reader takes a path), and each caller gets its own {@link FittedPipeline}, so
 * tasks running side by side in one executor never share a network's buffers.
 */
final class ModelCache {
    private static final Map<String, Path> FILES = new HashMap<>();

    private ModelCache() {}

    /**
     * @return the registry of every detector module on the executor's classpath ({@link DetectorRegistry#discover()}),
     *     the same the driver and the {@code sgm} program use
     */
    static DetectorRegistry registry() {
        return DetectorRegistry.discover();
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
        return FILES.computeIfAbsent(Hashing.sha256(bytes), sha -> {
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
