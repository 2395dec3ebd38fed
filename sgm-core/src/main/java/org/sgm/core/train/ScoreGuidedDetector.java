package org.sgm.core.train;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.hyper.Violations;
import org.nd4j.linalg.api.buffer.DataType;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.spi.MlpScoringNetwork;
import org.sgm.core.spi.PaperRegularizer;
import org.sgm.core.spi.RepresentationLearner;

/**
 * A score-guided model before fitting: a backbone (made for the data's width), the score-guidance components and
 * settings. {@link #fit} resolves the automatic training settings from the data's shape
 * ({@link TrainingConfig#resolve}), builds the network, runs the {@link TrainingLoop} and returns a
 * {@link ScoreGuidedModel} that stores the resolved settings.
 */
public final class ScoreGuidedDetector implements AnomalyDetector {
    /** System property that selects the training engine: {@code auto} (default) or {@code samediff}. */
    public static final String ENGINE_PROPERTY = "sgm.engine";
    /** The fused engine calls OpenBLAS on host memory: only with ND4J's CPU backend. */
    private static final String CPU_BACKEND = "CpuBackend";
    private final String key;
    private final Record hyperparameters;
    private final TrainingConfig training;
    private final ScoreGuidance guidance;
    private final ScoreGuidedComponents components;
    private final Function<TrainingConfig, Record> withTraining;
    private final BiFunction<Record, Integer, RepresentationLearner> learners;

    /**
     * A detector whose backbone does not depend on the resolved training settings (the stored hyperparameters stay
     * as given).
     *
     * @param key registry key
     * @param hyperparameters the full hyperparameter record (stored with the model)
     * @param training optimisation settings (null fields are resolved from the data when fitting)
     * @param guidance guidance settings; λ_DE = 0 gives the plain backbone
     * @param components scorer, regularizer and pseudo-labeller
     * @param learnerFactory makes the backbone for a given input width
     */
    public ScoreGuidedDetector(String key, Record hyperparameters, TrainingConfig training, ScoreGuidance guidance,
            ScoreGuidedComponents components, IntFunction<RepresentationLearner> learnerFactory) {
        this(key, hyperparameters, training, guidance, components, t -> hyperparameters, (h, d) -> learnerFactory.apply(d));
    }

    private ScoreGuidedDetector(String key, Record hyperparameters, TrainingConfig training, ScoreGuidance guidance,
            ScoreGuidedComponents components, Function<TrainingConfig, Record> withTraining,
            BiFunction<Record, Integer, RepresentationLearner> learners) {
        this.key = Objects.requireNonNull(key, "key");
        this.hyperparameters = Objects.requireNonNull(hyperparameters, "hyperparameters");
        Violations v = new Violations();
        training.check(v, "training.");
        guidance.check(v, "guidance.");
        v.throwIfAny();
        this.training = training;
        this.guidance = guidance;
        this.components = Objects.requireNonNull(components, "components");
        this.withTraining = Objects.requireNonNull(withTraining, "withTraining");
        this.learners = Objects.requireNonNull(learners, "learners");
    }

    /**
     * A detector for a score-guided hyperparameter record. When fitting, null training fields are resolved from the
     * data ({@link TrainingConfig#resolve}); the backbone is made from the record with the resolved settings, and
     * the fitted model stores that record, so the resolved values travel with the model file.
     *
     * @param <H> the record type
     * @param key registry key
     * @param hyperparameters the hyperparameters
     * @param components scorer, regularizer and pseudo-labeller
     * @param learnerFactory makes the backbone from the (resolved) record and the input width
     * @return the detector
     */
    public static <H extends Record & ScoreGuidedHyperparameters<H>> ScoreGuidedDetector of(String key,
            H hyperparameters, ScoreGuidedComponents components, BiFunction<H, Integer, RepresentationLearner> learnerFactory) {
        @SuppressWarnings("unchecked")
        BiFunction<Record, Integer, RepresentationLearner> learners = (h, d) -> learnerFactory.apply((H) h, d);
        return new ScoreGuidedDetector(key, hyperparameters, hyperparameters.training(), hyperparameters.guidance(),
                components, hyperparameters::withTraining, learners);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Record hyperparameters() {
        return hyperparameters;
    }

    @Override
    public FittedDetector fit(FeatureMatrix train, FitContext ctx) {
        if (train.rows() < 2) {
            throw new InvalidDataException("cannot fit " + key + " on " + train.rows() + " row(s): need at least 2");
        }
        if (train.cols() < 1) {
            throw new InvalidDataException("cannot fit " + key + " on data with no feature columns");
        }
        // Null settings are resolved from the data's shape (never its labels); the model keeps the resolved record.
        TrainingConfig resolved = training.resolve(train.rows());
        Record resolvedHp = withTraining.apply(resolved);
        String settings = key + ": " + training.describeResolution(train.rows());
        ctx.listeners().forEach(l -> l.onTrainingSettings(settings));
        RepresentationLearner learner = learners.apply(resolvedHp, train.cols());
        // Sub-seeds: one stream for the initial weights, another for batch order and μ_R draws.
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(ctx.seed());
        long initSeed = seeds.nextLong();
        long loopSeed = seeds.nextLong();
        TrainableNetwork net = network(learner, train.cols(), initSeed, resolved);
        LearnerContext hooks = net instanceof SameDiffNetwork sdn ? sdn.context(train, TrainingLoop.EVAL_BATCH) : null;
        List<EpochStats> history = TrainingLoop.run(net, learner, hooks, train, resolved, guidance, components,
                loopSeed, ctx.listeners());
        return new ScoreGuidedModel(key, resolvedHp, net, train.cols(), history);
    }

    /**
     * Chooses the engine: the fused SG-AE path when the learner is the plain {@link DenseAutoencoder} with the
     * paper's MLP scorer and regularizer (the same function, measured several times faster), else the SameDiff
     * graph. The system property {@code sgm.engine=samediff} forces the graph (for benchmarks and checks), and any
     * backend other than ND4J's CPU one gets the graph.
     */
    private TrainableNetwork network(RepresentationLearner learner, int inputDim, long seed, TrainingConfig training) {
        BlasThreads.pinToOne();
        boolean forceGraph = "samediff".equals(System.getProperty(ENGINE_PROPERTY))
                || !CPU_BACKEND.equals(org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName());
        if (!forceGraph && learner instanceof DenseAutoencoder ae && ae.widths()[0] == inputDim
                && components.scorer() instanceof MlpScoringNetwork mlp
                && components.regularizer() instanceof PaperRegularizer) {
            return new FusedAutoencoderNetwork(ae, mlp, guidance, training, seed, DataType.FLOAT);
        }
        return SameDiffNetwork.build(learner, components, guidance, training, inputDim, seed);
    }

    /**
     * Rebuilds a fitted model from saved arrays (used by providers' {@code restore}).
     *
     * @param state the arrays and history as saved
     * @return the fitted model
     */
    public ScoreGuidedModel restore(org.sgm.core.ModelState state) {
        // A saved model stores resolved settings, so this changes nothing for one; for hand-written hyperparameters
        // with automatic fields any row count does: the settings only size the optimizer, which scoring never uses.
        TrainingConfig resolved = training.resolve(TrainingLoop.EVAL_BATCH);
        TrainableNetwork net = network(learners.apply(withTraining.apply(resolved), state.inputDim()),
                state.inputDim(), 0L, resolved);
        java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> arrays = new java.util.LinkedHashMap<>();
        state.entries().forEach((name, bytes) -> arrays.put(name, org.sgm.core.ModelState.decode(bytes, name)));
        net.load(arrays);
        return new ScoreGuidedModel(key, hyperparameters, net, state.inputDim(), state.history());
    }
}
