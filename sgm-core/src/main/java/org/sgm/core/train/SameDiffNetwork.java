package org.sgm.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.LearnerGraph;
import org.sgm.core.spi.ParamInit;
import org.sgm.core.spi.RepresentationLearner;

/**
 * A score-guided model as one SameDiff graph: the learner's network, the scoring network on its latent code, and
 * {@code L = L_B + λ_DE·L_SG}. Steps use SameDiff's gradients, element-wise value clipping and ND4J's Adam
 * (STACK.md §1.2: a hand-written step is what the per-epoch threshold and alternating objectives need).
 *
 * <p>Not thread-safe; {@link ScoreGuidedModel} serialises access.
 */
public final class SameDiffNetwork implements TrainableNetwork {
    static final String INPUT = "x";
    static final String THRESHOLD = "thr";
    static final String MU_REF = "muRef";

    private final SameDiff sd;
    private final boolean guided;
    private final String metricName;
    private final String scoreName;
    private final String lossName;
    private final String backboneLossName;
    private final String guidanceLossName;
    private final List<String> params;
    private final Map<String, GradientUpdater> updaters = new LinkedHashMap<>();
    private final double clip;
    private final DataType dtype;
    private final RepresentationLearner learner;
    private final java.util.SplittableRandom stepRng;
    private int iteration;

    private SameDiffNetwork(RepresentationLearner learner, SameDiff sd, boolean guided, String metricName, String scoreName, String lossName,
            String backboneLossName, String guidanceLossName, TrainingConfig training, DataType dtype, long seed) {
        this.dtype = dtype;
        this.stepRng = new java.util.SplittableRandom(seed).split();
        this.learner = learner;
        this.sd = sd;
        this.guided = guided;
        this.metricName = metricName;
        this.scoreName = scoreName;
        this.lossName = lossName;
        this.backboneLossName = backboneLossName;
        this.guidanceLossName = guidanceLossName;
        this.clip = training.gradientClip();
        List<String> p = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                p.add(v.name());
            }
        }
        this.params = List.copyOf(p);
        Adam adam = new Adam(training.learningRate());
        for (String name : params) {
            long n = sd.getVariable(name).getArr().length();
            INDArray view = Nd4j.zeros(dtype, 1, adam.stateSize(n));
            updaters.put(name, adam.instantiate(view, true));
        }
    }

    /**
     * Builds the graph.
     *
     * @param learner the backbone
     * @param components scoring network, regularizer and pseudo-labeller
     * @param guidance the guidance settings (λ_DE = 0: no scoring network, plain backbone)
     * @param training optimisation settings
     * @param inputDim number of features
     * @param seed seed of the initial weights
     * @return the network
     */
    public static SameDiffNetwork build(RepresentationLearner learner, ScoreGuidedComponents components,
            ScoreGuidance guidance, TrainingConfig training, int inputDim, long seed) {
        return build(learner, components, guidance, training, inputDim, seed, DataType.FLOAT);
    }

    /**
     * As {@link #build(RepresentationLearner, ScoreGuidedComponents, ScoreGuidance, TrainingConfig, int, long)},
     * in a given precision (DOUBLE for gradient checks).
     *
     * @param learner the backbone
     * @param components scoring network, regularizer and pseudo-labeller
     * @param guidance the guidance settings
     * @param training optimisation settings
     * @param inputDim number of features
     * @param seed seed of the initial weights
     * @param dtype the precision of weights and inputs
     * @return the network
     */
    public static SameDiffNetwork build(RepresentationLearner learner, ScoreGuidedComponents components,
            ScoreGuidance guidance, TrainingConfig training, int inputDim, long seed, DataType dtype) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, dtype, -1, inputDim);
        ParamInit init = new ParamInit(seed, dtype);
        LearnerGraph g = learner.build(sd, x, init);
        SDVariable backboneLoss = g.loss();
        if (!guidance.enabled()) {
            sd.setLossVariables(backboneLoss);
            return new SameDiffNetwork(learner, sd, false, g.metric().name(), g.metric().name(), backboneLoss.name(),
                    backboneLoss.name(), null, training, dtype, seed);
        }
        SDVariable thr = sd.placeHolder(THRESHOLD, dtype);
        SDVariable muRef = sd.placeHolder(MU_REF, dtype);
        SDVariable score = components.scorer().build(sd, g.latent(), g.latentDim(), init);
        // The flag is a step function of the metric: GreaterThanOrEqual has a zero gradient, so no gradient flows
        // through the pseudo-labels, as in the paper.
        SDVariable flag = sd.gte(g.metric(), thr).castTo(dtype);
        SDVariable guidanceLoss = components.regularizer().loss(sd, score, flag, muRef, guidance);
        SDVariable loss = backboneLoss.add("totalLoss", guidanceLoss.mul(guidance.lambdaDE()));
        sd.setLossVariables(loss);
        return new SameDiffNetwork(learner, sd, true, g.metric().name(), score.name(), loss.name(), backboneLoss.name(),
                guidanceLoss.name(), training, dtype, seed);
    }

    /** @return the graph, for learner hooks */
    public SameDiff graph() {
        return sd;
    }

    @Override
    public boolean guided() {
        return guided;
    }

    @Override
    public void evaluate(INDArray x, float[] metric, float[] score, int offset) {
        INDArray in = x.dataType() == dtype ? x : x.castTo(dtype);
        Map<String, INDArray> out = guided && score != null
                ? sd.output(Map.of(INPUT, in), metricName, scoreName)
                : sd.output(Map.of(INPUT, in), metricName);
        float[] m = out.get(metricName).castTo(DataType.FLOAT).data().asFloat();
        System.arraycopy(m, 0, metric, offset, m.length);
        if (score != null) {
            float[] s = guided ? out.get(scoreName).castTo(DataType.FLOAT).data().asFloat() : m;
            System.arraycopy(s, 0, score, offset, s.length);
        }
    }

    /**
     * @param x a batch
     * @param variable a variable that depends on the input only
     * @return its value for the batch
     */
    public INDArray output(INDArray x, String variable) {
        return sd.output(Map.of(INPUT, x), variable).get(variable);
    }

    @Override
    public StepLosses step(INDArray x, double threshold, double muRef, int epoch) {
        OutAndGrad og = gradients(x, threshold, muRef);
        Map<String, INDArray> grads = og.getGradients();
        for (String p : params) {
            INDArray g = grads.get(p);
            if (g == null) {
                continue; // a parameter the loss does not depend on
            }
            Transforms.max(Transforms.min(g, clip, false), -clip, false);
            updaters.get(p).applyUpdater(g, iteration, epoch);
            sd.getVariable(p).getArr().subi(g);
        }
        iteration++;
        Map<String, INDArray> out = og.getOutputs();
        double total = out.get(lossName).getDouble(0);
        return guided
                ? new StepLosses(total, out.get(backboneLossName).getDouble(0), out.get(guidanceLossName).getDouble(0))
                : new StepLosses(total, total, 0.0);
    }

    /**
     * The losses and gradients of one step, without updating.
     *
     * @param x the batch
     * @param threshold τ
     * @param muRef μ_R
     * @return outputs (losses) and gradients by parameter name
     */
    OutAndGrad gradients(INDArray x, double threshold, double muRef) {
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put(INPUT, x.dataType() == dtype ? x : x.castTo(dtype));
        learner.stepInputs(iteration).forEach((name, value) -> ph.put(name, Nd4j.scalar(dtype, value)));
        learner.stepArrays((int) x.rows(), stepRng).forEach((name, value) -> ph.put(name, value.castTo(dtype)));
        List<String> outputs = new ArrayList<>(List.of(lossName));
        if (guided) {
            ph.put(THRESHOLD, Nd4j.scalar(dtype, threshold));
            ph.put(MU_REF, Nd4j.scalar(dtype, muRef));
            outputs.add(backboneLossName);
            outputs.add(guidanceLossName);
        }
        return sd.calculateGradientsAndOutputs(ph, outputs, params);
    }

    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if ((v.getVariableType() == VariableType.VARIABLE || v.getVariableType() == VariableType.CONSTANT)
                    && v.getArr() != null) {
                out.put(v.name(), v.getArr());
            }
        }
        return out;
    }

    @Override
    public void load(Map<String, INDArray> saved) {
        TrainableNetwork.assignByName(state(), saved);
    }

    /**
     * @param train the training data
     * @param batchSize rows per forward batch
     * @return a context for learner hooks
     */
    TrainingContext context(FeatureMatrix train, int batchSize) {
        return new TrainingContext(train) {
            @Override
            public SameDiff graph() {
                return sd;
            }

            @Override
            public INDArray evaluate(String variable) {
                FeatureMatrix rows = input();
                List<INDArray> parts = new ArrayList<>();
                for (int from = 0; from < rows.rows(); from += batchSize) {
                    int to = Math.min(rows.rows(), from + batchSize);
                    parts.add(output(rows.toINDArray(from, to), variable).dup());
                }
                return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(new INDArray[0]));
            }
        };
    }
}
