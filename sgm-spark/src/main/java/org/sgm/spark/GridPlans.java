package org.sgm.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.eval.experiment.ExperimentException;
import org.sgm.eval.experiment.ExperimentPlan;
import org.sgm.eval.experiment.ExperimentSpec;

/**
 * The experiment plan of a Spark grid task, built once per executor JVM (it reads every dataset of the spec) and
 * kept for the job's other tasks in that JVM. Keyed by the spec's JSON text and its directory; one plan is kept
 * (a JVM serves one experiment at a time), so a new spec replaces the old plan.
 */
final class GridPlans {
    private static String cachedKey;
    private static ExperimentPlan cached;

    private GridPlans() {}

    /**
     * @param specJson the normalized spec, as JSON text (shipped with the task)
     * @param specDir the directory the spec's relative dataset paths are resolved against (absolute, the same
     *     path on every executor: a shared filesystem on a cluster)
     * @return the plan of that spec, built on first use in this JVM with SGM's detectors and the Tribuo baselines
     */
    static synchronized ExperimentPlan plan(String specJson, String specDir) {
        String key = specDir + "\u0000" + specJson;
        if (!Objects.equals(key, cachedKey)) {
            JsonNode node;
            try {
                node = HyperparameterJson.mapper().readTree(specJson);
            } catch (IOException e) {
                throw new ExperimentException("the shipped spec is not JSON: " + e.getMessage(), e);
            }
            ExperimentSpec spec = ExperimentSpec.fromJson(node, "the shipped spec");
            cached = ExperimentPlan.of(spec, Path.of(specDir), ModelCache.registry());
            cachedKey = key;
        }
        return cached;
    }
}
