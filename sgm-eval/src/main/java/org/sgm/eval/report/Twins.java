package org.sgm.eval.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.eval.experiment.CellRecord;

/**
 * Which model of a report is the plain twin of which score-guided model, through the registry: a model's cells name
 * the detector key they were created from, and that key's provider names its twin ({@code DetectorProvider.twinOf};
 * e.g. {@code sg-ae} → {@code ae}, {@code sg-ae@paper} → {@code ae@paper}). Where several models of the report were
 * made from the twin's key (spec aliases with other hyperparameters), the one whose name is the SG model's with the
 * key replaced by the twin's key is its twin ({@code sg-ae-wide} → {@code ae-wide}), else none. A detector the
 * registry does not know is neither guided nor paired.
 */
final class Twins {
    private final Map<String, String> twinOf = new LinkedHashMap<>();
    private final Set<String> guided = new TreeSet<>();

    private Twins() {}

    /**
     * @param cells the report's cells
     * @param registry the registry that knows the detectors' twins
     * @return the pairs
     */
    static Twins of(List<CellRecord> cells, DetectorRegistry registry) {
        Map<String, String> keyOf = new HashMap<>();
        for (CellRecord c : cells) {
            keyOf.putIfAbsent(c.model(), c.detectorKey() != null ? c.detectorKey() : c.model());
        }
        Twins t = new Twins();
        for (Map.Entry<String, String> e : keyOf.entrySet()) {
            String twinKey = registry.twinOf(e.getValue());
            if (twinKey == null) {
                continue;
            }
            t.guided.add(e.getKey());
            List<String> candidates = keyOf.entrySet().stream().filter(o -> o.getValue().equals(twinKey))
                    .map(Map.Entry::getKey).sorted().toList();
            String renamed = e.getKey().replace(e.getValue(), twinKey);
            if (candidates.size() == 1) {
                t.twinOf.put(e.getKey(), candidates.get(0));
            } else if (candidates.contains(renamed)) {
                t.twinOf.put(e.getKey(), renamed);
            }
        }
        return t;
    }

    /** @return the plain twin of a score-guided model among the report's models, or null */
    String twin(String model) {
        return twinOf.get(model);
    }

    /** @return whether the model's detector is score-guided */
    boolean guided(String model) {
        return guided.contains(model);
    }

    /** @return the name a model is grouped (ordered, coloured) under: its twin's if it has one, else its own */
    String group(String model) {
        String t = twinOf.get(model);
        return t != null ? t : model;
    }
}
