package org.sgm.core.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sgm.core.SgmException;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.spi.MlpScoringNetwork;
import org.sgm.core.spi.ParamInit;

/**
 * SG-AE (a {@link DenseAutoencoder} with the paper's MLP scorer and regularizer) with hand-derived gradients: the
 * same function and initial weights as the {@link SameDiffNetwork} graph, in far fewer ND4J calls.
 *
 * <p>Why it exists (measured, STACK.md §3.3 and docs/benchmarks.md): a SameDiff step runs ~77 graph ops whose
 * per-op overhead, not arithmetic, makes it 3–4× slower than PyTorch. Here a step is one GEMM per weight matrix
 * per direction into preallocated buffers, a few element-wise ops, and one clip + Adam + update on a single flat
 * parameter vector. {@code FusedAutoencoderNetworkTest} checks the loss and every gradient against the SameDiff
 * graph on the same weights and batch in double precision.
 *
 * <p>Not thread-safe.
 */
final class FusedAutoencoderNetwork implements TrainableNetwork {
    private final DataType dtype;
    private final List<Dense> encoder = new ArrayList<>();
    private final List<Dense> decoder = new ArrayList<>();
    private final List<Dense> scorer = new ArrayList<>();
    private final boolean guided;
    private final ScoreGuidance guidance;
    private final double clip;
    private final INDArray params;
    private final INDArray grads;
    private final GradientUpdater adam;
    private final Map<Integer, Buffers> buffers = new HashMap<>();
    private final int inputDim;
    private int iteration;

    /** One dense layer: views into the flat parameter and gradient vectors. */
    private record Dense(String name, int in, int out, boolean relu, INDArray w, INDArray b, INDArray dw, INDArray db) {}

    /** Activations and gradients for one batch size. */
    private final class Buffers {
        final INDArray[] enc;
        final INDArray[] dec;
        final INDArray[] sc;
        final INDArray[] dEnc;
        final INDArray[] dDec;
        final INDArray[] dSc;
        final INDArray residual;

        Buffers(int n) {
            enc = acts(encoder, n);
            dec = acts(decoder, n);
            sc = acts(scorer, n);
            dEnc = acts(encoder, n);
            dDec = acts(decoder, n);
            dSc = acts(scorer, n);
            residual = Nd4j.create(dtype, n, inputDim);
        }

        private INDArray[] acts(List<Dense> layers, int n) {
            INDArray[] a = new INDArray[layers.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = Nd4j.create(dtype, n, layers.get(i).out());
            }
            return a;
        }
    }

    /**
     * @param ae the autoencoder
     * @param scorer the scoring network (used when guided)
     * @param guidance guidance settings
     * @param training optimisation settings
     * @param seed seed of the initial weights (the same draws as {@link SameDiffNetwork#build})
     * @param dtype FLOAT for training, DOUBLE for gradient checks
     */
    FusedAutoencoderNetwork(DenseAutoencoder ae, MlpScoringNetwork scorer, ScoreGuidance guidance,
            TrainingConfig training, long seed, DataType dtype) {
        this.dtype = dtype;
        this.guided = guidance.enabled();
        this.guidance = guidance;
        this.clip = training.gradientClip();
        int[] enc = ae.widths();
        int[] dec = ae.decoderWidths();
        this.inputDim = enc[0];
        int latent = enc[enc.length - 1];
        List<int[]> shapes = new ArrayList<>();
        for (int i = 0; i + 1 < enc.length; i++) {
            shapes.add(new int[] {enc[i], enc[i + 1]});
        }
        for (int i = 0; i + 1 < dec.length; i++) {
            shapes.add(new int[] {dec[i], dec[i + 1]});
        }
        if (guided) {
            shapes.add(new int[] {latent, scorer.hidden()});
            shapes.add(new int[] {scorer.hidden(), 1});
        }
        long total = 0;
        for (int[] s : shapes) {
            total += (long) s[0] * s[1] + s[1];
        }
        params = Nd4j.create(dtype, 1, total);
        grads = Nd4j.create(dtype, 1, total);
        ParamInit init = new ParamInit(seed);
        long offset = 0;
        for (int k = 0; k < shapes.size(); k++) {
            int[] s = shapes.get(k);
            boolean isEnc = k < enc.length - 1;
            boolean isDec = !isEnc && k < enc.length - 1 + dec.length - 1;
            String name = isEnc ? "enc" + k : isDec ? "dec" + (k - enc.length + 1)
                    : "scorer" + (k - enc.length - dec.length + 2);
            boolean relu = isEnc || (isDec ? k < enc.length + dec.length - 3 : k == shapes.size() - 2);
            double bound = 1.0 / Math.sqrt(s[0]);
            INDArray w = view(params, offset, s[0], s[1]);
            INDArray dw = view(grads, offset, s[0], s[1]);
            w.assign(init.uniform(bound, s[0], s[1]));
            offset += (long) s[0] * s[1];
            INDArray b = view(params, offset, 1, s[1]);
            INDArray db = view(grads, offset, 1, s[1]);
            b.assign(init.uniform(bound, 1, s[1]));
            offset += s[1];
            Dense layer = new Dense(name, s[0], s[1], relu, w, b, dw, db);
            (isEnc ? encoder : isDec ? decoder : this.scorer).add(layer);
        }
        Adam a = new Adam(training.learningRate());
        adam = a.instantiate(Nd4j.zeros(dtype, 1, a.stateSize(total)), true);
    }

    private static INDArray view(INDArray flat, long offset, int rows, int cols) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + (long) rows * cols))
                .reshape('c', rows, cols);
    }

    @Override
    public boolean guided() {
        return guided;
    }

    private Buffers buffersFor(int n) {
        return buffers.computeIfAbsent(n, Buffers::new);
    }

    /** Forward pass into the batch's buffers; returns the metric m of every row. */
    private INDArray forward(INDArray x, Buffers buf) {
        INDArray h = layers(encoder, x, buf.enc);
        INDArray xHat = layers(decoder, h, buf.dec);
        x.sub(xHat, buf.residual);
        if (guided) {
            layers(scorer, h, buf.sc);
        }
        return buf.residual.norm2(1);
    }

    private static INDArray layers(List<Dense> layers, INDArray in, INDArray[] out) {
        INDArray h = in;
        for (int i = 0; i < layers.size(); i++) {
            Dense l = layers.get(i);
            Nd4j.gemm(h, l.w(), out[i], false, false, 1.0, 0.0);
            out[i].addiRowVector(l.b());
            if (l.relu()) {
                Transforms.relu(out[i], false);
            }
            h = out[i];
        }
        return h;
    }

    @Override
    public void evaluate(INDArray x, float[] metric, float[] score, int offset) {
        INDArray in = x.dataType() == dtype ? x : x.castTo(dtype);
        Buffers buf = buffersFor((int) in.rows());
        float[] m = forward(in, buf).castTo(DataType.FLOAT).toFloatVector();
        System.arraycopy(m, 0, metric, offset, m.length);
        if (score != null) {
            float[] s = guided ? buf.sc[1].castTo(DataType.FLOAT).reshape(-1).toFloatVector() : m;
            System.arraycopy(s, 0, score, offset, s.length);
        }
    }

    @Override
    public StepLosses step(INDArray x, double threshold, double muRef, int epoch) {
        StepLosses losses = gradients(x.dataType() == dtype ? x : x.castTo(dtype), threshold, muRef);
        Transforms.max(Transforms.min(grads, clip, false), -clip, false);
        adam.applyUpdater(grads, iteration, epoch);
        params.subi(grads);
        iteration++;
        return losses;
    }

    /**
     * Computes the losses and fills the flat gradient vector, without updating.
     *
     * @param x the batch, in this network's data type
     * @param threshold τ
     * @param muRef μ_R
     * @return the losses
     */
    StepLosses gradients(INDArray x, double threshold, double muRef) {
        int n = (int) x.rows();
        Buffers buf = buffersFor(n);
        double[] m = forward(x, buf).toDoubleVector();
        double sumSq = 0;
        for (double v : m) {
            sumSq += v * v;
        }
        double reconstruction = sumSq / ((double) n * inputDim);
        int lastDec = decoder.size() - 1;
        buf.residual.mul(-2.0 / ((double) n * inputDim), buf.dDec[lastDec]);
        backward(decoder, buf.dDec, buf.dec, buf.enc[encoder.size() - 1]);
        // gradient w.r.t. z from the decoder, before z's ReLU mask
        INDArray dZ = buf.dEnc[encoder.size() - 1];
        Nd4j.gemm(buf.dDec[0], decoder.get(0).w(), dZ, false, true, 1.0, 0.0);
        double guidanceLoss = 0;
        if (guided) {
            double[] s = buf.sc[1].toDoubleVector();
            double[] dS = new double[n];
            double lambdaOut = guidance.lambdaOut();
            double a = guidance.margin();
            double scale = guidance.lambdaDE() / n;
            for (int i = 0; i < n; i++) {
                if (m[i] >= threshold) {
                    guidanceLoss += lambdaOut * Math.max(0, a - s[i]);
                    dS[i] = a - s[i] > 0 ? -lambdaOut * scale : 0;
                } else {
                    guidanceLoss += Math.abs(s[i] - muRef);
                    dS[i] = Math.signum(s[i] - muRef) * scale;
                }
            }
            guidanceLoss /= n;
            buf.dSc[1].assign(Nd4j.create(dS, new long[] {n, 1}, dtype));
            backward(scorer, buf.dSc, buf.sc, buf.enc[encoder.size() - 1]);
            Nd4j.gemm(buf.dSc[0], scorer.get(0).w(), dZ, false, true, 1.0, 1.0);
        }
        INDArray z = buf.enc[encoder.size() - 1];
        Nd4j.exec(new ThresholdReluBp(z, dZ, dZ, 0.0));
        backward(encoder, buf.dEnc, buf.enc, x);
        double total = reconstruction + guidance.lambdaDE() * guidanceLoss;
        return new StepLosses(total, reconstruction, guided ? guidanceLoss : 0.0);
    }

    /**
     * Back-propagates through a stack whose output gradient (after the last layer's activation mask) is in
     * {@code d[last]}: fills each layer's dW and db, and {@code d[i-1]} for every layer but the first.
     */
    private static void backward(List<Dense> layers, INDArray[] d, INDArray[] act, INDArray input) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Dense l = layers.get(i);
            INDArray in = i == 0 ? input : act[i - 1];
            Nd4j.gemm(in, d[i], l.dw(), true, false, 1.0, 0.0);
            l.db().assign(d[i].sum(true, 0));
            if (i > 0) {
                Nd4j.gemm(d[i], l.w(), d[i - 1], false, true, 1.0, 0.0);
                if (layers.get(i - 1).relu()) {
                    Nd4j.exec(new ThresholdReluBp(act[i - 1], d[i - 1], d[i - 1], 0.0));
                }
            }
        }
    }

    /** @return the flat gradient vector filled by {@link #gradients} (for tests) */
    Map<String, INDArray> gradientViews() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (List<Dense> group : List.of(encoder, decoder, scorer)) {
            for (Dense l : group) {
                out.put(l.name() + "_W", l.dw());
                out.put(l.name() + "_b", l.db());
            }
        }
        return out;
    }

    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (List<Dense> group : List.of(encoder, decoder, scorer)) {
            for (Dense l : group) {
                out.put(l.name() + "_W", l.w());
                out.put(l.name() + "_b", l.b());
            }
        }
        return out;
    }

    @Override
    public void load(Map<String, INDArray> saved) {
        Map<String, INDArray> mine = state();
        if (!mine.keySet().equals(saved.keySet())) {
            throw new SgmException("model arrays " + saved.keySet() + " do not match this network's " + mine.keySet());
        }
        mine.forEach((name, arr) -> {
            INDArray value = saved.get(name);
            if (!java.util.Arrays.equals(value.shape(), arr.shape())) {
                throw new SgmException("model array '" + name + "' has shape " + java.util.Arrays.toString(value.shape())
                        + ", the network needs " + java.util.Arrays.toString(arr.shape()));
            }
            arr.assign(value);
        });
    }
}
