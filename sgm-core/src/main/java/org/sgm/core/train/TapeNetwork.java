package org.sgm.core.train;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.spi.ParamInit;
import org.sgm.core.spi.PseudoLabels;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.spi.ScoreGuidedRegularizer;
import org.sgm.core.spi.TapeLearner;
import org.sgm.core.spi.TapeScorer;
import org.sgm.core.tape.Params;
import org.sgm.core.tape.Precision;
import org.sgm.core.tape.Tape;
import org.sgm.core.tape.Tensor;

/**
 * The fast engine: a score-guided model whose backbone and scorer run on a {@link Tape}. A step is the backbone's
 * forward pass, the scorer, the one definition of L_SG ({@link ScoreGuidedRegularizer#loss}) whose gradient enters
 * through the scores, one backward pass and the one {@link Adam}; matrix products go to OpenBLAS, everything else
 * is plain Java on reused arrays.
 *
 * <p>It computes the same function as {@link SameDiffNetwork} from the same initial weights (parameters are
 * declared by a first pass in the SameDiff graph's order, with the same names and draws), which the oracle tests
 * check in double precision. Not thread-safe.
 */
final class TapeNetwork implements TrainableNetwork {
    private final RepresentationLearner learner;
    private final TapeLearner backbone;
    private final TapeScorer scorer;
    private final ScoreGuidedRegularizer regularizer;
    private final ScoreGuidance guidance;
    private final boolean guided;
    private final Params params;
    private final Tape tape;
    private final ParamInit init;
    private final Adam adam;
    private final List<Params.Entry> trainable;
    /** The backbone's parameters come first in {@link #trainable}; the scorer's follow. */
    private final int backboneParams;
    private final int inputDim;
    private final SplittableRandom stepRng;
    private long iteration;


    /**
     * @param learner the backbone; {@link RepresentationLearner#tape()} must not be null
     * @param components the scorer (whose {@code tape()} must not be null when guided), regularizer and labeller
     * @param guidance the guidance settings (λ_DE = 0: no scorer, plain backbone)
     * @param training optimisation settings (learning rate and clipping are used)
     * @param inputDim the number of features
     * @param seed the seed of the initial weights and step inputs (as {@link SameDiffNetwork#build})
     * @param precision FLOAT to train, DOUBLE for gradient checks
     */
    TapeNetwork(RepresentationLearner learner, ScoreGuidedComponents components, ScoreGuidance guidance,
            TrainingConfig training, int inputDim, long seed, Precision precision) {
        this(learner, components, guidance, training, inputDim, seed, precision, null);
    }

    /**
     * A network that may allocate only the arrays of a saved model ({@link Params#restrictTo}).
     *
     * @param saved the number of values of every saved array, by name; null: no restriction
     */
    TapeNetwork(RepresentationLearner learner, ScoreGuidedComponents components, ScoreGuidance guidance,
            TrainingConfig training, int inputDim, long seed, Precision precision, Map<String, Long> saved) {
        this.learner = learner;
        this.backbone = learner.tape();
        this.guided = guidance.enabled();
        this.scorer = guided ? components.scorer().tape() : null;
        if (backbone == null || guided && scorer == null) {
            throw new IllegalArgumentException("the fast engine needs the backbone's and the scorer's tape versions");
        }
        this.regularizer = components.regularizer();
        this.guidance = guidance;
        this.inputDim = inputDim;
        this.params = new Params(precision);
        if (saved != null) {
            params.restrictTo(saved);
        }
        this.tape = new Tape(params);
        this.init = new ParamInit(seed, precision == Precision.FLOAT ? DataType.FLOAT : DataType.DOUBLE);
        this.stepRng = new SplittableRandom(seed).split();
        // Declaration pass: every parameter is created here, in the order the SameDiff graph creates them
        // (backbone, then scorer), so both engines draw the same initial weights from the same seed.
        tape.reset(false);
        Tensor x = tape.input(new float[2 * inputDim], 2, inputDim);
        Tensor z = backbone.latent(tape, x, init);
        backbone.objective(tape, x, z, init);
        this.backboneParams = params.trainable().size();
        if (guided) {
            scorer.score(tape, z, init);
        }
        tape.reset();
        this.trainable = params.trainable();
        int[] sizes = new int[trainable.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = trainable.get(i).size();
        }
        double lr = training.learningRate() != null ? training.learningRate() : TrainingConfig.autoLearningRate();
        this.adam = new Adam(lr, training.gradientClip(), sizes);
    }

    @Override
    public boolean guided() {
        return guided;
    }

    @Override
    public String engine() {
        return TrainingConfig.ENGINE_FAST;
    }

    /** @return the parameter store (for tests and the oracle) */
    Params params() {
        return params;
    }

    @Override
    public void evaluate(float[] x, int rows, float[] metric, float[] score, int offset) {
        tape.reset(false);
        Tensor in = tape.input(x, rows, inputDim);
        Tensor z = backbone.latent(tape, in, init);
        TapeLearner.Objective o = backbone.objective(tape, in, z, init);
        o.metric().copyTo(metric, offset);
        if (score != null) {
            (guided ? scorer.score(tape, z, init) : o.metric()).copyTo(score, offset);
        }
        tape.reset();
    }

    @Override
    public void scoreGradient(float[] x, int rows, float[] score, double[] gradient) {
        inputGradient(x, rows, score, gradient, !guided);
    }

    @Override
    public void metricGradient(float[] x, int rows, float[] metric, double[] gradient) {
        inputGradient(x, rows, metric, gradient, true);
    }

    private void inputGradient(float[] x, int rows, float[] value, double[] gradient, boolean ofMetric) {
        tape.reset(true);
        Tensor in = tape.variableInput(x, rows, inputDim);
        Tensor z = backbone.latent(tape, in, init);
        Tensor s = ofMetric ? backbone.objective(tape, in, z, init).metric() : scorer.score(tape, z, init);
        s.copyTo(value, 0);
        tape.backward(tape.sum(s));
        System.arraycopy(tape.gradient(in), 0, gradient, 0, rows * inputDim);
        params.zeroGrad(); // the parameters' gradients of this pass are not a training step's
        tape.reset();
    }

    @Override
    public double[] reconstruction(float[] x, int rows) {
        String name = learner.reconstruction();
        if (name == null) {
            return null;
        }
        tape.reset(false);
        Tensor in = tape.input(x, rows, inputDim);
        Tensor z = backbone.latent(tape, in, init);
        backbone.objective(tape, in, z, init);
        Tensor value = tape.named(name);
        if (value == null) {
            tape.reset();
            throw new IllegalStateException("the backbone calls its reconstruction '" + name + "' but its fast pass"
                    + " names no such value");
        }
        double[] out = value.toDoubles();
        tape.reset();
        return out;
    }

    @Override
    public void score(float[] x, int rows, float[] score, int offset) {
        if (!guided) {
            TrainableNetwork.super.score(x, rows, score, offset);
            return;
        }
        // s = φ(z(x)): what the backbone computes after z (an autoencoder's decoder) is not needed.
        tape.reset(false);
        Tensor in = tape.input(x, rows, inputDim);
        scorer.score(tape, backbone.latent(tape, in, init), init).copyTo(score, offset);
        tape.reset();
    }

    @Override
    public StepLosses step(float[] x, int rows, double threshold, double muRef, int epoch, boolean guide) {
        StepLosses losses = gradients(x, rows, threshold, muRef, guide);
        // A warm-up step trains the backbone only: the scorer's parameters and their optimizer state are left alone.
        int updated = guided && !guide ? backboneParams : trainable.size();
        for (int i = 0; i < updated; i++) {
            Params.Entry e = trainable.get(i);
            if (e.floats() != null) {
                adam.update(i, e.floats(), e.gradFloats());
            } else {
                adam.update(i, e.doubles(), e.gradDoubles());
            }
        }
        iteration++;
        tape.reset();
        return losses;
    }

    /**
     * The losses of one step and every parameter's gradient ({@link Params.Entry#gradFloats()}), without updating.
     *
     * @param x the batch
     * @param rows its rows
     * @param threshold τ
     * @param muRef μ_R
     * @return the losses
     */
    StepLosses gradients(float[] x, int rows, double threshold, double muRef) {
        return gradients(x, rows, threshold, muRef, true);
    }

    private StepLosses gradients(float[] x, int rows, double threshold, double muRef, boolean guide) {
        tape.reset(true);
        params.zeroGrad();
        learner.stepInputs(iteration).forEach(tape::feedScalar);
        learner.stepArrays(rows, stepRng).forEach(tape::feedArray);
        Tensor in = tape.input(x, rows, inputDim);
        Tensor z = backbone.latent(tape, in, init);
        TapeLearner.Objective o = backbone.objective(tape, in, z, init);
        double backboneLoss = o.loss().scalar();
        double guidanceLoss = 0;
        if (guided && guide) {
            Tensor s = scorer.score(tape, z, init);
            double[] scores = s.toDoubles();
            double[] metric = new double[rows];
            for (int i = 0; i < rows; i++) {
                metric[i] = o.metric().get(i, 0);
            }
            boolean[] flags = PseudoLabels.flags(metric, threshold, guidance.percentile());
            double[] dScore = new double[rows];
            guidanceLoss = regularizer.loss(scores, flags, muRef, guidance, dScore);
            for (int i = 0; i < rows; i++) {
                dScore[i] *= guidance.lambdaDE();
            }
            tape.addGradient(s, dScore);
        }
        tape.backward(o.loss());
        double lambda = guided && guide ? guidance.lambdaDE() : 0;
        return new StepLosses(backboneLoss + lambda * guidanceLoss, backboneLoss, guidanceLoss);
    }

    @Override
    public Map<String, INDArray> state() {
        return params.export();
    }

    @Override
    public void releaseBuffers() {
        tape.releaseArrays();
    }

    @Override
    public void load(Map<String, INDArray> saved) {
        TrainableNetwork.checkNames(state(), saved);
        saved.forEach(params::assign);
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
                    tape.reset(false);
                    Tensor in = tape.input(buffer, to - from, inputDim);
                    backbone.objective(tape, in, backbone.latent(tape, in, init), init);
                    Tensor value = tape.named(variable);
                    if (value == null) {
                        throw new IllegalArgumentException("no value named '" + variable + "' in the backbone's "
                                + "fast pass (name it with Tape.output)");
                    }
                    consumer.accept(from, Nd4j.create(value.toDoubles(), new long[] {to - from, value.cols()},
                            DataType.DOUBLE));
                    tape.reset();
                }
            }

            @Override
            public INDArray constant(String name) {
                return params.value(name);
            }

            @Override
            public void assignConstant(String name, INDArray value) {
                params.assign(name, value);
                changed();
            }
        };
    }
}
