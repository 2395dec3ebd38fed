package org.sgm.examples.java;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.eval.experiment.ExperimentRunner;
import org.sgm.eval.report.ExperimentReport;

/**
 * An experiment run from Java instead of {@code sgm experiment run}: a spec written in code, run resumably into a
 * directory with the registry of every detector module on the classpath, then the report. Run it with
 * {@code java -cp ... org.sgm.examples.java.ExperimentFromJava DIR [EPOCHS]}.
 */
public final class ExperimentFromJava {
    private ExperimentFromJava() {}

    /**
     * @param args the output directory, and optionally the epochs of the deep models (default 20)
     * @throws Exception if the spec cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "experiment-from-java");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Files.createDirectories(dir);
        Path spec = Files.writeString(dir.resolveSibling(dir.getFileName() + ".spec.json"), """
                {"name": "from-java", "datasets": ["builtin:wbc", "builtin:thyroid"],
                 "detectors": [
                   {"key": "sg-ae", "hyperparameters": {"training": {"epochs": %d}}},
                   {"key": "ae", "hyperparameters": {"training": {"epochs": %d}}},
                   "iforest"],
                 "seeds": 2, "protocol": {"kind": "paper"}}
                """.formatted(epochs, epochs));
        ExperimentRunner.Summary summary = ExperimentRunner.run(spec, dir, 2, DetectorRegistry.discover(),
                System.out::println);
        ExperimentReport.writeForDirectory(dir, summary.cells(), System.out::println);
        System.out.println(summary.ran() + " cells run, " + summary.skipped() + " finished before; report in " + dir);
    }
}
