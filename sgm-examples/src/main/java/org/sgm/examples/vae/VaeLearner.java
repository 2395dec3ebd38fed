package org.sgm.examples.vae;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.spi.Layers;
import org.sgm.core.spi.LearnerGraph;
import org.sgm.core.spi.ParamInit;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.spi.TapeLayers;
import org.sgm.core.spi.TapeLearner;
import org.sgm.core.tape.Tape;
import org.sgm.core.tape.Tensor;

/**
 * A variational autoencoder as a score-guided backbone (D. P. Kingma, M. Welling, "Auto-Encoding Variational
 * Bayes", ICLR 2014), written only against SGM's public SPI.
 *
 * <p>Encoder d → hidden (ReLU) → (μ, log σ²); decoder latent → hidden (ReLU) → d. Training decodes a sample
 * {@code μ + σ ⊙ ε}, with ε fed per step through {@link #stepArrays} from the fit's seeded generator (so the same
 * seed gives the same model); L_B = mean over batch and features of (x − x̂)² + β·mean KL(q(z|x) ‖ N(0, I)) / d.
 * z (where the scoring network attaches) = μ. m = ‖x − dec(μ)‖₂, deterministic, used to pre-judge rows and as the
 * score of the plain {@code vae}.
 *
 * <p>{@link #build} is all a backbone needs; {@link #tape()} adds the same network on the fast engine (optional: it
 * trains several times faster there), checked against the graph by {@code VaeEngineTest}.
 */
public final class VaeLearner implements RepresentationLearner, TapeLearner {
    static final String NOISE = "vaeNoise";
    /** The decoder's output for μ, x̂, named in both engines. */
    static final String RECONSTRUCTION = "vaeReconstruction";
    private final int inputDim;
    private final VaeHyperparameters hp;

    /**
     * @param inputDim the number of features
     * @param hp the hyperparameters
     */
    public VaeLearner(int inputDim, VaeHyperparameters hp) {
        this.inputDim = inputDim;
        this.hp = hp;
    }

    @Override
    public LearnerGraph build(SameDiff sd, SDVariable x, ParamInit init) {
        int k = hp.latent();
        SDVariable h = sd.nn.relu(Layers.dense(sd, "vaeEnc", x, inputDim, hp.hidden(), init, true), 0);
        SDVariable mu = Layers.dense(sd, "vaeMu", h, hp.hidden(), k, init, true);
        SDVariable logVar = Layers.dense(sd, "vaeLogVar", h, hp.hidden(), k, init, true);
        SDVariable eps = sd.placeHolder(NOISE, init.dataType(), -1, k);
        SDVariable sample = mu.add(sd.math.exp(logVar.mul(0.5)).mul(eps));
        // one decoder, applied to the sample (training) and to μ (the metric): variables declared once
        SDVariable w1 = sd.var("vaeDec0_W", init.uniform(1.0 / Math.sqrt(k), k, hp.hidden()));
        SDVariable b1 = sd.var("vaeDec0_b", init.uniform(1.0 / Math.sqrt(k), 1, hp.hidden()));
        double bound2 = 1.0 / Math.sqrt(hp.hidden());
        SDVariable w2 = sd.var("vaeDec1_W", init.uniform(bound2, hp.hidden(), inputDim));
        SDVariable b2 = sd.var("vaeDec1_b", init.uniform(bound2, 1, inputDim));
        SDVariable xSample = sd.nn.relu(sample.mmul(w1).add(b1), 0).mmul(w2).add(b2);
        SDVariable xMean = sd.identity(RECONSTRUCTION, sd.nn.relu(mu.mmul(w1).add(b1), 0).mmul(w2).add(b2));
        SDVariable reconstruction = sd.mean(sd.math.square(x.sub(xSample)));
        SDVariable kl = sd.mean(sd.sum(logVar.add(1.0).sub(sd.math.square(mu)).sub(sd.math.exp(logVar)), false, 1))
                .mul(-0.5 / inputDim);
        SDVariable loss = reconstruction.add("vaeLoss", kl.mul(hp.beta()));
        SDVariable metric = sd.identity("vaeReconstructionError", Layers.rowNorm(sd, x.sub(xMean)));
        return new LearnerGraph(mu, k, loss, metric);
    }

    @Override
    public TapeLearner tape() {
        return this;
    }

    @Override
    public String reconstruction() {
        return RECONSTRUCTION;
    }

    @Override
    public Tensor latent(Tape t, Tensor x, ParamInit init) {
        Tensor h = t.relu(TapeLayers.dense(t, "vaeEnc", x, hp.hidden(), init, true));
        Tensor mu = TapeLayers.dense(t, "vaeMu", h, hp.latent(), init, true);
        t.output("vaeLogVar", TapeLayers.dense(t, "vaeLogVar", h, hp.latent(), init, true));
        return mu;
    }

    @Override
    public Objective objective(Tape t, Tensor x, Tensor mu, ParamInit init) {
        int k = hp.latent();
        double bound1 = 1.0 / Math.sqrt(k);
        double bound2 = 1.0 / Math.sqrt(hp.hidden());
        Tensor w1 = t.param("vaeDec0_W", k, hp.hidden(), () -> init.uniform(bound1, k, hp.hidden()));
        Tensor b1 = t.param("vaeDec0_b", 1, hp.hidden(), () -> init.uniform(bound1, 1, hp.hidden()));
        Tensor w2 = t.param("vaeDec1_W", hp.hidden(), inputDim, () -> init.uniform(bound2, hp.hidden(), inputDim));
        Tensor b2 = t.param("vaeDec1_b", 1, inputDim, () -> init.uniform(bound2, 1, inputDim));
        Tensor xMean = t.output(RECONSTRUCTION, t.dense(t.relu(t.dense(mu, w1, b1)), w2, b2));
        Tensor metric = TapeLayers.rowNorm(t, t.sub(x, xMean));
        if (!t.training()) {
            return new Objective(metric, null);
        }
        Tensor logVar = t.named("vaeLogVar");
        Tensor sample = t.add(mu, t.mul(t.exp(t.mul(logVar, 0.5)), t.stepArray(NOISE, x.rows(), k)));
        Tensor xSample = t.dense(t.relu(t.dense(sample, w1, b1)), w2, b2);
        Tensor reconstruction = t.mul(t.sum(t.rowSumSquares(t.sub(x, xSample))), 1.0 / ((double) x.rows() * inputDim));
        Tensor kl = t.mul(t.mean(t.sumRows(t.sub(t.sub(t.add(logVar, 1.0), t.square(mu)), t.exp(logVar)))),
                -0.5 / inputDim);
        return new Objective(metric, t.add(reconstruction, t.mul(kl, hp.beta())));
    }

    @Override
    public Map<String, INDArray> stepArrays(int rows, RandomGenerator rng) {
        double[] noise = new double[rows * hp.latent()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = rng.nextGaussian();
        }
        return Map.of(NOISE, Nd4j.create(noise, new long[] {rows, hp.latent()}, DataType.DOUBLE));
    }

    @Override
    public String metricDescription() {
        return "reconstruction error of the mean code ‖x − dec(μ)‖₂";
    }
}
