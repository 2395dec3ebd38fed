package org.sgm.core.train;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.hyper.Violations;
import org.nd4j.linalg.api.buffer.DataType;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.spi.MlpScoringNetwork;
import org.sgm.core.spi.PaperRegularizer;
import org.sgm.core.spi.RepresentationLearner;

/**
 * A score-guided model before fitting: a backbone (made for the data's width by {@code learnerFactory}), the
 * score-guidance components and settings. {@link #fit} builds the network, runs the {@link TrainingLoop} and
 * returns a {@link ScoreGuidedModel}.
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
    private final IntFunction<RepresentationLearner> learnerFactory;

    /**
     * @param key registry key
     * @param hyperparameters the full hyperparameter record (stored with the model)
     * @param training optimisation settings
     * @param guidance guidance settings; λ_DE = 0 gives the plain backbone
     * @param components scorer, regularizer and pseudo-labeller
     * @param learnerFactory makes the backbone for a given input width
     */
    public ScoreGuidedDetector(String key, Record hyperparameters, TrainingConfig training, ScoreGuidance guidance,
            ScoreGuidedComponents components, IntFunction<RepresentationLearner> learnerFactory) {
        this.key = Objects.requireNonNull(key, "key");
        this.hyperparameters = Objects.requireNonNull(hyperparameters, "hyperparameters");
        Violations v = new Violations();
        training.check(v, "training.");
        guidance.check(v, "guidance.");
        v.throwIfAny();
        this.training = training;
        this.guidance = guidance;
        this.components = Objects.requireNonNull(components, "components");
        this.learnerFactory = Objects.requireNonNull(learnerFactory, "learnerFactory");
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
        RepresentationLearner learner = learnerFactory.apply(train.cols());
        // Sub-seeds: one stream for the initial weights, another for batch order and μ_R draws.
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(ctx.seed());
        long initSeed = seeds.nextLong();
        long loopSeed = seeds.nextLong();
        TrainableNetwork net = network(learner, train.cols(), initSeed);
        LearnerContext hooks = net instanceof SameDiffNetwork sdn ? sdn.context(train, TrainingLoop.EVAL_BATCH) : null;
        List<EpochStats> history = TrainingLoop.run(net, learner, hooks, train, training, guidance, components,
                loopSeed, ctx.listeners());
        return new ScoreGuidedModel(key, hyperparameters, net, train.cols(), history);
    }

    /**
     * Chooses the engine: the fused SG-AE path when the learner is the plain {@link DenseAutoencoder} with the
     * paper's MLP scorer and regularizer (the same function, measured several times faster), else the SameDiff
     * graph. The system property {@code sgm.engine=samediff} forces the graph (for benchmarks and checks), and any
     * backend other than ND4J's CPU one gets the graph.
     */
    private TrainableNetwork network(RepresentationLearner learner, int inputDim, long seed) {
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
        TrainableNetwork net = network(learnerFactory.apply(state.inputDim()), state.inputDim(), 0L);
        java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> arrays = new java.util.LinkedHashMap<>();
        state.entries().forEach((name, bytes) -> arrays.put(name, org.sgm.core.ModelState.decode(bytes, name)));
        net.load(arrays);
        return new ScoreGuidedModel(key, hyperparameters, net, state.inputDim(), state.history());
    }
}
