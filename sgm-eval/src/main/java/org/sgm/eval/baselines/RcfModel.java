package org.sgm.eval.baselines;

import com.amazon.randomcutforest.RandomCutForest;
import com.amazon.randomcutforest.state.RandomCutForestMapper;
import com.amazon.randomcutforest.state.RandomCutForestState;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.sgm.core.FitContext;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;

/**
 * Amazon's Random Cut Forest (library {@code randomcutforest-core}, Apache-2.0), a streaming detector: the
 * training rows are streamed through the forest once, in order ({@code update}), and a row's score is the
 * forest's anomaly score for it ({@code getAnomalyScore}, which does not change the forest); higher = more
 * anomalous. Seeded, sequential. The model file keeps the forest's state as the library maps it
 * ({@code RandomCutForestMapper}), written as JSON: no Java serialization.
 */
final class RcfModel extends BaselineModel<RcfHyperparameters> {
    /** The model-state entry holding the forest's state as JSON bytes. */
    static final String ENTRY = "rcf-state.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final RandomCutForest forest;

    private RcfModel(String key, RcfHyperparameters hp, RandomCutForest forest, int d) {
        super(key, hp, d);
        this.forest = forest;
    }

    static RcfModel fit(String key, RcfHyperparameters hp, FeatureMatrix x, FitContext ctx) {
        int d = x.cols();
        RandomCutForest forest = RandomCutForest.builder().dimensions(d).numberOfTrees(hp.trees())
                .sampleSize(hp.sampleSize()).randomSeed(ctx.seed()).outputAfter(1).parallelExecutionEnabled(false)
                .build();
        double[] point = new double[d];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < d; j++) {
                point[j] = x.get(i, j);
            }
            forest.update(point);
        }
        return new RcfModel(key, hp, forest, d);
    }

    static RcfModel restore(String key, RcfHyperparameters hp, ModelState state) {
        byte[] bytes = state.entries().get(ENTRY);
        if (bytes == null) {
            throw new ModelFileException(key + ": model state has no entry " + ENTRY);
        }
        RandomCutForest forest;
        try {
            forest = new RandomCutForestMapper().toModel(JSON.readValue(bytes, RandomCutForestState.class));
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(key + ": model entry " + ENTRY + " is not a Random Cut Forest state: "
                    + e.getMessage(), e);
        }
        if (forest.getDimensions() != state.inputDim() || forest.getNumberOfTrees() != hp.trees()) {
            throw new ModelFileException(key + ": model entry " + ENTRY + " holds a forest of " + forest.getNumberOfTrees()
                    + " trees over " + forest.getDimensions() + " features, expected " + hp.trees() + " over "
                    + state.inputDim());
        }
        return new RcfModel(key, hp, forest, state.inputDim());
    }

    @Override
    synchronized double[] scoreChecked(FeatureMatrix x) {
        double[] scores = new double[x.rows()];
        double[] point = new double[inputDim];
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < inputDim; j++) {
                point[j] = x.get(i, j);
            }
            scores[i] = forest.getAnomalyScore(point);
        }
        return scores;
    }

    @Override
    public synchronized ModelState state() {
        RandomCutForestMapper mapper = new RandomCutForestMapper();
        mapper.setSaveExecutorContextEnabled(true);
        mapper.setSaveTreeStateEnabled(true);
        try {
            return new ModelState(inputDim, Map.of(ENTRY, JSON.writeValueAsBytes(mapper.toState(forest))), List.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the forest's state", e);
        }
    }
}
