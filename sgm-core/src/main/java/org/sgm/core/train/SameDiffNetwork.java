package org.sgm.core.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.spi.LearnerGraph;
import org.sgm.core.spi.ParamInit;
import org.sgm.core.spi.PseudoLabels;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.spi.ScoreGuidedRegularizer;

/**
 * The declarative engine: a score-guided model as one SameDiff graph, the learner's network with the scoring
 * network on its latent code. It trains any backbone that declares only {@link RepresentationLearner#build}, and
 * it is the oracle the fast engine ({@link TapeNetwork}) is tested against.
 *
 * <p>The score-guided term is not part of the graph: a step first runs the graph forward for the metric and the
 * scores, computes L_SG and ∂L_SG/∂s with the one definition both engines use
 * ({@link ScoreGuidedRegularizer#loss}), and feeds {@code g = λ_DE·∂L_SG/∂s} to a graph term {@code Σ_i s_i·g_i},
 * whose gradient with respect to every weight is exactly λ_DE·∂L_SG/∂weight. The update is the one {@link Adam}.
 *
 * <p>Not thread-safe; {@link ScoreGuidedModel} serialises access.
 */
public final class SameDiffNetwork implements TrainableNetwork {
    static final String INPUT = "x";
    static final String SCORE_GRADIENT = "sgScoreGradient";

    private final SameDiff sd;
    private final boolean guided;
    private final String metricName;
    private final String scoreName;
    private final String lossName;
    private final String backboneLossName;
    private final List<String> params;
    private final DataType dtype;
    private final RepresentationLearner learner;
    private final ScoreGuidedRegularizer regularizer;
    private final ScoreGuidance guidance;
    private final Adam adam;
    private final SplittableRandom stepRng;
    private final int inputDim;
    private final Map<Integer, INDArray> batches = new HashMap<>();
    /** A copy of the graph with loss Σ score, built on the first explanation; dropped when a weight changes. */
    private final Map<String, SameDiff> explainGraphs = new HashMap<>(); // by output: score, metric
    private static final String EXPLAIN_TARGET = "explainTarget";
    /** The scorer's parameters (updated only when a step guides); empty for a plain backbone. */
    private final Set<String> scorerParams;
    private long iteration;

    private SameDiffNetwork(RepresentationLearner learner, SameDiff sd, boolean guided, String metricName,
            String scoreName, String lossName, String backboneLossName, ScoreGuidedComponents components,
            ScoreGuidance guidance, TrainingConfig training, int inputDim, DataType dtype, long seed,
            Set<String> backboneVariables) {
        this.dtype = dtype;
        this.stepRng = new SplittableRandom(seed).split();
        this.learner = learner;
        this.sd = sd;
        this.guided = guided;
        this.metricName = metricName;
        this.scoreName = scoreName;
        this.lossName = lossName;
        this.backboneLossName = backboneLossName;
        this.regularizer = components.regularizer();
        this.guidance = guidance;
        this.inputDim = inputDim;
        List<String> p = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                p.add(v.name());
            }
        }
        this.params = List.copyOf(p);
        Set<String> scorer = new HashSet<>(params);
        scorer.removeAll(backboneVariables);
        this.scorerParams = Set.copyOf(scorer);
        int[] sizes = new int[params.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = Math.toIntExact(sd.getVariable(params.get(i)).getArr().length());
        }
        double lr = training.learningRate() != null ? training.learningRate() : TrainingConfig.autoLearningRate();
        this.adam = new Adam(lr, training.gradientClip(), sizes);
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
                    backboneLoss.name(), components, guidance, training, inputDim, dtype, seed, variableNames(sd));
        }
        Set<String> backboneVariables = variableNames(sd);
        SDVariable score = components.scorer().build(sd, g.latent(), g.latentDim(), init);
        // The guidance enters as Σ s ⊙ g with g = λ_DE·∂L_SG/∂s fed per step: its gradient is the chain rule's.
        SDVariable scoreGradient = sd.placeHolder(SCORE_GRADIENT, dtype, -1);
        SDVariable loss = backboneLoss.add("totalLoss", sd.sum(score.mul(scoreGradient)));
        sd.setLossVariables(loss);
        return new SameDiffNetwork(learner, sd, true, g.metric().name(), score.name(), loss.name(), backboneLoss.name(),
                components, guidance, training, inputDim, dtype, seed, backboneVariables);
    }

    private static Set<String> variableNames(SameDiff sd) {
        Set<String> names = new HashSet<>();
        for (SDVariable v : sd.variables()) {
            names.add(v.name());
        }
        return names;
    }

    /** @return the graph, for tests */
    public SameDiff graph() {
        return sd;
    }

    @Override
    public boolean guided() {
        return guided;
    }

    @Override
    public String engine() {
        return TrainingConfig.ENGINE_SAMEDIFF;
    }

    /** A reused {@code [rows, inputDim]} array in this network's precision holding the batch. */
    private INDArray batch(float[] x, int rows) {
        INDArray target = batches.computeIfAbsent(rows, r -> Nd4j.createUninitialized(dtype, r, inputDim));
        int n = rows * inputDim;
        if (dtype == DataType.FLOAT) {
            ((FloatPointer) target.data().addressPointer()).put(x, 0, n);
        } else {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = x[i];
            }
            ((DoublePointer) target.data().addressPointer()).put(d, 0, n);
        }
        return target;
    }

    @Override
    public void evaluate(float[] x, int rows, float[] metric, float[] score, int offset) {
        INDArray in = batch(x, rows);
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

    @Override
    public void scoreGradient(float[] x, int rows, float[] score, double[] gradient) {
        inputGradient(x, rows, score, gradient, scoreName);
    }

    @Override
    public void metricGradient(float[] x, int rows, float[] metric, double[] gradient) {
        inputGradient(x, rows, metric, gradient, metricName);
    }

    private void inputGradient(float[] x, int rows, float[] value, double[] gradient, String output) {
        // A copy of the graph whose loss is Σ output and whose input is a variable: its gradient is each row's
        // ∂output_i/∂x_i (rows are independent). The gradient SameDiff 1.0.0-M2.1 returns for the input *placeholder*
        // is wrong where the input feeds several ops (DAGMM's and RSRAE's cosine, against central differences in
        // EngineOracle); as a variable it is right. The training graph and its loss stay as they are.
        INDArray in = batch(x, rows).dup();
        SameDiff graph;
        synchronized (this) {
            graph = explainGraphs.get(output);
            if (graph == null) {
                graph = sd.dup();
                graph.sum(EXPLAIN_TARGET, graph.getVariable(output));
                graph.setLossVariables(EXPLAIN_TARGET);
                graph.getVariable(INPUT).setArray(in);
                graph.getVariable(INPUT).convertToVariable();
                explainGraphs.put(output, graph);
            }
        }
        graph.getVariable(INPUT).setArray(in);
        Map<String, INDArray> out = graph.output(Map.of(), output);
        float[] s = out.get(output).castTo(DataType.FLOAT).data().asFloat();
        System.arraycopy(s, 0, value, 0, rows);
        INDArray g = graph.calculateGradients(Map.of(), INPUT).get(INPUT);
        double[] values = g.castTo(DataType.DOUBLE).data().asDouble();
        System.arraycopy(values, 0, gradient, 0, rows * inputDim);
    }

    @Override
    public double[] reconstruction(float[] x, int rows) {
        String name = learner.reconstruction();
        if (name == null) {
            return null;
        }
        if (!sd.hasVariable(name)) {
            throw new IllegalStateException("the backbone calls its reconstruction '" + name + "' but its graph has"
                    + " no such variable");
        }
        return output(batch(x, rows).dup(), name).castTo(DataType.DOUBLE).data().asDouble();
    }

    /**
     * @param x a batch
     * @param variable a variable that depends on the input only
     * @return its value for the batch
     */
    public INDArray output(INDArray x, String variable) {
        return sd.output(Map.of(INPUT, x.castTo(dtype)), variable).get(variable);
    }

    @Override
    public StepLosses step(float[] x, int rows, double threshold, double muRef, int epoch, boolean guide) {
        explainGraphs.clear(); // its weights would be stale
        Gradients gr = gradients(x, rows, threshold, muRef, guide);
        for (int i = 0; i < params.size(); i++) {
            if (guided && !guide && scorerParams.contains(params.get(i))) {
                continue; // a warm-up step trains the backbone only
            }
            INDArray value = sd.getVariable(params.get(i)).getArr();
            INDArray g = gr.grads().get(params.get(i));
            if (dtype == DataType.FLOAT) {
                float[] v = value.data().asFloat();
                adam.update(i, v, g == null ? new float[v.length] : g.castTo(DataType.FLOAT).dup('c').data().asFloat());
                ((FloatPointer) value.data().addressPointer()).put(v, 0, v.length);
            } else {
                double[] v = value.data().asDouble();
                adam.update(i, v, g == null ? new double[v.length] : g.castTo(DataType.DOUBLE).dup('c').data().asDouble());
                ((DoublePointer) value.data().addressPointer()).put(v, 0, v.length);
            }
        }
        iteration++;
        return gr.losses();
    }

    /**
     * The losses and gradients of one step.
     *
     * @param losses the losses before the update
     * @param grads the gradient of every parameter, by name
     */
    record Gradients(StepLosses losses, Map<String, INDArray> grads) {}

    /**
     * The losses and gradients of one step, without updating.
     *
     * @param x the batch
     * @param rows its rows
     * @param threshold τ
     * @param muRef μ_R
     * @return the losses and the gradient of every parameter
     */
    Gradients gradients(float[] x, int rows, double threshold, double muRef) {
        return gradients(x, rows, threshold, muRef, true);
    }

    private Gradients gradients(float[] x, int rows, double threshold, double muRef, boolean guide) {
        INDArray in = batch(x, rows);
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put(INPUT, in);
        learner.stepInputs(iteration).forEach((name, value) -> ph.put(name, Nd4j.scalar(dtype, value)));
        learner.stepArrays(rows, stepRng).forEach((name, value) -> ph.put(name, value.castTo(dtype)));
        double guidanceLoss = 0;
        if (guided && !guide) {
            // A warm-up step: the guidance term's weight is 0 (its fed gradient all zeros).
            ph.put(SCORE_GRADIENT, Nd4j.zeros(dtype, rows));
        } else if (guided) {
            Map<String, INDArray> out = sd.output(Map.of(INPUT, in), metricName, scoreName);
            double[] m = out.get(metricName).castTo(DataType.DOUBLE).data().asDouble();
            double[] s = out.get(scoreName).castTo(DataType.DOUBLE).data().asDouble();
            if (dtype == DataType.FLOAT) {
                for (int i = 0; i < rows; i++) {
                    m[i] = (float) m[i];
                }
            }
            boolean[] flags = PseudoLabels.flags(m, threshold, guidance.percentile());
            double[] dScore = new double[rows];
            guidanceLoss = regularizer.loss(s, flags, muRef, guidance, dScore);
            for (int i = 0; i < rows; i++) {
                dScore[i] *= guidance.lambdaDE();
            }
            ph.put(SCORE_GRADIENT, Nd4j.create(dScore, new long[] {rows}, DataType.DOUBLE).castTo(dtype));
        }
        OutAndGrad og = sd.calculateGradientsAndOutputs(ph, List.of(backboneLossName), params);
        double backboneLoss = og.getOutputs().get(backboneLossName).getDouble(0);
        double lambda = guided && guide ? guidance.lambdaDE() : 0;
        StepLosses losses = new StepLosses(backboneLoss + lambda * guidanceLoss, backboneLoss, guidanceLoss);
        return new Gradients(losses, og.getGradients());
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
        explainGraphs.clear();
        TrainableNetwork.assignByName(state(), saved);
    }

    @Override
    public LearnerContext hooks(FeatureMatrix train) {
        return new AbstractLearnerContext(train) {
            @Override
            public void evaluate(String variable, BatchConsumer consumer) {
                FeatureMatrix rows = input();
                float[] buffer = new float[Math.min(rows.rows(), FittedDetector.SCORING_BATCH) * inputDim];
                for (int from = 0; from < rows.rows(); from += FittedDetector.SCORING_BATCH) {
                    int to = Math.min(rows.rows(), from + FittedDetector.SCORING_BATCH);
                    rows.rowsInto(from, to, buffer);
                    consumer.accept(from, output(batch(buffer, to - from), variable));
                }
            }

            @Override
            public INDArray constant(String name) {
                return variable(name).getArr().dup();
            }

            @Override
            public void assignConstant(String name, INDArray value) {
                INDArray arr = variable(name).getArr();
                if (value.length() != arr.length()) {
                    throw new IllegalArgumentException("'" + name + "' has " + arr.length() + " values, got "
                            + value.length());
                }
                arr.assign(value.castTo(arr.dataType()).reshape(arr.shape()));
                explainGraphs.clear();
                changed();
            }

            private SDVariable variable(String name) {
                SDVariable v = sd.getVariable(name);
                if (v == null || v.getArr() == null) {
                    throw new IllegalArgumentException("no constant '" + name + "' in the graph");
                }
                return v;
            }
        };
    }
}
