package org.sgm.core.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;
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
 * per-op overhead, not arithmetic, makes it 3–4× slower than PyTorch. Here a step is a handful of OpenBLAS GEMM
 * calls ({@link Gemm}; biases ride on rank-1 GEMMs with a vector of ones) into preallocated buffers, ~12
 * element-wise ND4J ops, and one clip + Adam + update on a single flat parameter vector.
 * {@code FusedAutoencoderNetworkTest} checks the loss and every gradient against the SameDiff graph on the same
 * weights and batch in double precision.
 *
 * <p>One thread: splitting a batch across this machine's two cores was measured slower (3.3–3.7 ms per
 * 1024-row step on one thread, 4.5–6.4 ms split in halves on two), so the code stays sequential.
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
    private final Pointer[] pdw;
    private final Pointer[] pdb;
    private final Map<Integer, Buffers> buffers = new HashMap<>();
    private final GradientUpdater adam;
    private final int inputDim;
    private int iteration;

    /** One dense layer: row-major W [in, out] followed by b [out] in the flat parameter vector. */
    private record Dense(int index, String name, int in, int out, boolean relu, INDArray w, INDArray b, Pointer pw,
            Pointer pb) {}

    /** Activations and their gradients for one batch size: one [n, out] array per layer. */
    private final class Buffers {
        final int n;
        final Pointer pOnes;
        final INDArray[] enc;
        final INDArray[] dec;
        final INDArray[] sc;
        final INDArray[] dEnc;
        final INDArray[] dDec;
        final INDArray[] dSc;
        final INDArray residual;
        final INDArray[] mask;
        private final INDArray ones;

        Buffers(int n) {
            this.n = n;
            ones = Nd4j.ones(dtype, n);
            pOnes = Gemm.pointer(ones, 0);
            enc = acts(encoder, n);
            dec = acts(decoder, n);
            sc = acts(scorer, n);
            dEnc = acts(encoder, n);
            dDec = acts(decoder, n);
            dSc = acts(scorer, n);
            residual = Nd4j.create(dtype, n, inputDim);
            mask = acts(all(), n);
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
        List<int[]> shapes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> relus = new ArrayList<>();
        for (int i = 0; i + 1 < enc.length; i++) {
            shapes.add(new int[] {enc[i], enc[i + 1]});
            names.add("enc" + i);
            relus.add(true);
        }
        for (int i = 0; i + 1 < dec.length; i++) {
            shapes.add(new int[] {dec[i], dec[i + 1]});
            names.add("dec" + i);
            relus.add(i + 2 < dec.length);
        }
        if (guided) {
            shapes.add(new int[] {enc[enc.length - 1], scorer.hidden()});
            names.add("scorer0");
            relus.add(true);
            shapes.add(new int[] {scorer.hidden(), 1});
            names.add("scorer1");
            relus.add(false);
        }
        long[] offsets = new long[shapes.size()];
        long total = 0;
        for (int k = 0; k < shapes.size(); k++) {
            offsets[k] = total;
            total += (long) shapes.get(k)[0] * shapes.get(k)[1] + shapes.get(k)[1];
        }
        params = Nd4j.create(dtype, 1, total);
        ParamInit init = new ParamInit(seed, dtype);
        for (int k = 0; k < shapes.size(); k++) {
            int in = shapes.get(k)[0];
            int out = shapes.get(k)[1];
            long bOffset = offsets[k] + (long) in * out;
            Dense layer = new Dense(k, names.get(k), in, out, relus.get(k), view(params, offsets[k], in, out),
                    view(params, bOffset, 1, out), Gemm.pointer(params, offsets[k]), Gemm.pointer(params, bOffset));
            double bound = 1.0 / Math.sqrt(in);
            layer.w().assign(init.uniform(bound, in, out));
            layer.b().assign(init.uniform(bound, 1, out));
            String name = names.get(k);
            (name.startsWith("enc") ? encoder : name.startsWith("dec") ? decoder : this.scorer).add(layer);
        }
        grads = Nd4j.create(dtype, 1, total);
        pdw = new Pointer[offsets.length];
        pdb = new Pointer[offsets.length];
        for (int k = 0; k < offsets.length; k++) {
            pdw[k] = Gemm.pointer(grads, offsets[k]);
            pdb[k] = Gemm.pointer(grads, offsets[k] + (long) shapes.get(k)[0] * shapes.get(k)[1]);
        }
        Adam a = new Adam(training.learningRate());
        adam = a.instantiate(Nd4j.zeros(dtype, 1, a.stateSize(total)), true);
    }

    private List<Dense> all() {
        List<Dense> out = new ArrayList<>(encoder);
        out.addAll(decoder);
        out.addAll(scorer);
        return out;
    }

    private static INDArray view(INDArray flat, long offset, int rows, int cols) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + (long) rows * cols))
                .reshape('c', rows, cols);
    }

    @Override
    public boolean guided() {
        return guided;
    }

    /** A c-order array in this network's precision with contiguous rows (copied only if it is not one). */
    private INDArray own(INDArray x) {
        INDArray in = x.dataType() == dtype ? x : x.castTo(dtype);
        return in.ordering() == 'c' && in.elementWiseStride() == 1 ? in : in.dup('c');
    }

    private Buffers buffersFor(int n) {
        return buffers.computeIfAbsent(n, Buffers::new);
    }

    /** Forward pass into the buffers; returns the metric m of every row. */
    private INDArray forward(INDArray x, Buffers buf) {
        INDArray z = layers(encoder, x, buf.enc, buf);
        INDArray xHat = layers(decoder, z, buf.dec, buf);
        x.sub(xHat, buf.residual);
        if (guided) {
            layers(scorer, z, buf.sc, buf);
        }
        return buf.residual.norm2(1);
    }

    /** out = act(in·W + 1·bᵀ) for each layer, the bias as a rank-1 GEMM with the ones vector. */
    private static INDArray layers(List<Dense> layers, INDArray in, INDArray[] out, Buffers buf) {
        INDArray h = in;
        for (int i = 0; i < layers.size(); i++) {
            Dense l = layers.get(i);
            Pointer po = Gemm.pointer(out[i], 0);
            Gemm.gemm(false, false, buf.n, l.out(), l.in(), 1.0, Gemm.pointer(h, 0), l.in(), l.pw(), l.out(), 0.0,
                    po, l.out());
            Gemm.gemm(false, false, buf.n, l.out(), 1, 1.0, buf.pOnes, 1, l.pb(), l.out(), 1.0, po, l.out());
            if (l.relu()) {
                Transforms.relu(out[i], false);
            }
            h = out[i];
        }
        return h;
    }

    @Override
    public void evaluate(INDArray x, float[] metric, float[] score, int offset) {
        INDArray in = own(x);
        Buffers buf = buffersFor((int) in.rows());
        float[] m = forward(in, buf).castTo(DataType.FLOAT).toFloatVector();
        System.arraycopy(m, 0, metric, offset, m.length);
        if (score != null) {
            float[] s = guided ? buf.sc[1].castTo(DataType.FLOAT).data().asFloat() : m;
            System.arraycopy(s, 0, score, offset, buf.n);
        }
    }

    @Override
    public void score(INDArray x, float[] score, int offset) {
        if (!guided) {
            TrainableNetwork.super.score(x, score, offset);
            return;
        }
        // s = φ(E(x)): the decoder is not needed, which halves the work for SG-AE.
        INDArray in = own(x);
        Buffers buf = buffersFor((int) in.rows());
        layers(scorer, layers(encoder, in, buf.enc, buf), buf.sc, buf);
        float[] s = buf.sc[1].castTo(DataType.FLOAT).data().asFloat();
        System.arraycopy(s, 0, score, offset, buf.n);
    }

    @Override
    public StepLosses step(INDArray x, double threshold, double muRef, int epoch) {
        StepLosses losses = gradients(own(x), threshold, muRef);
        Transforms.max(Transforms.min(grads, clip, false), -clip, false);
        adam.applyUpdater(grads, iteration, epoch);
        params.subi(grads);
        iteration++;
        return losses;
    }

    /**
     * Computes the losses and fills the flat gradient vector, without updating.
     *
     * @param x the batch: c-order, in this network's data type
     * @param threshold τ
     * @param muRef μ_R
     * @return the losses
     */
    StepLosses gradients(INDArray x, double threshold, double muRef) {
        int n = (int) x.rows();
        Buffers buf = buffersFor(n);
        double[] m = forward(x, buf).toDoubleVector();
        double sumSquares = 0;
        for (double v : m) {
            sumSquares += v * v;
        }
        INDArray z = buf.enc[encoder.size() - 1];
        INDArray dZ = buf.dEnc[encoder.size() - 1];
        buf.residual.mul(-2.0 / ((double) n * inputDim), buf.dDec[decoder.size() - 1]);
        backward(decoder, buf.dDec, buf.dec, z, dZ, 0.0, buf);
        double guidanceSum = 0;
        if (guided) {
            double[] s = buf.sc[1].data().asDouble();
            double[] dS = new double[n];
            double lambdaOut = guidance.lambdaOut();
            double a = guidance.margin();
            double scale = guidance.lambdaDE() / n;
            for (int i = 0; i < n; i++) {
                if (m[i] >= threshold) {
                    guidanceSum += lambdaOut * Math.max(0, a - s[i]);
                    dS[i] = a - s[i] > 0 ? -lambdaOut * scale : 0;
                } else {
                    guidanceSum += Math.abs(s[i] - muRef);
                    dS[i] = Math.signum(s[i] - muRef) * scale;
                }
            }
            buf.dSc[1].assign(Nd4j.create(dS, new long[] {n, 1}, dtype));
            backward(scorer, buf.dSc, buf.sc, z, dZ, 1.0, buf);
        }
        reluMask(z, dZ, buf.mask[encoder.size() - 1]);
        backward(encoder, buf.dEnc, buf.enc, x, null, 0.0, buf);
        double reconstruction = sumSquares / ((double) n * inputDim);
        double guidanceLoss = guidanceSum / n;
        double total = reconstruction + guidance.lambdaDE() * guidanceLoss;
        return new StepLosses(total, reconstruction, guided ? guidanceLoss : 0.0);
    }

    /**
     * d ⊙= 1[act &gt; 0], as sign(act) (act ≥ 0 after a ReLU) times d: two plain ND4J ops, measured ~25 µs on
     * 1024 × 40 against ~500 µs for the {@code ThresholdReluBp} custom op.
     */
    private static void reluMask(INDArray act, INDArray d, INDArray tmp) {
        Nd4j.getExecutioner().exec(new Sign(act, tmp));
        d.muli(tmp);
    }

    /**
     * Back-propagates through a stack whose output gradient (after the last layer's activation mask) is in
     * {@code d[last]}: fills each layer's dW (inᵀ·d) and db (1ᵀ·d), {@code d[i-1]} (d·Wᵀ,
     * masked by the ReLU) for every layer but the first, and, if {@code dInput} is given,
     * {@code dInput = dInBeta·dInput + d[0]·W₀ᵀ}.
     */
    private void backward(List<Dense> layers, INDArray[] d, INDArray[] act, INDArray input, INDArray dInput,
            double dInBeta, Buffers buf) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Dense l = layers.get(i);
            INDArray in = i == 0 ? input : act[i - 1];
            Pointer pd = Gemm.pointer(d[i], 0);
            Gemm.gemm(true, false, l.in(), l.out(), buf.n, 1.0, Gemm.pointer(in, 0), l.in(), pd, l.out(), 0.0,
                    pdw[l.index()], l.out());
            Gemm.gemm(false, false, 1, l.out(), buf.n, 1.0, buf.pOnes, buf.n, pd, l.out(), 0.0, pdb[l.index()],
                    l.out());
            INDArray target = i > 0 ? d[i - 1] : dInput;
            if (target != null) {
                Gemm.gemm(false, true, buf.n, l.in(), l.out(), 1.0, pd, l.out(), l.pw(), l.out(), i > 0 ? 0.0 : dInBeta,
                        Gemm.pointer(target, 0), l.in());
                if (i > 0 && layers.get(i - 1).relu()) {
                    reluMask(act[i - 1], d[i - 1], buf.mask[layers.get(i - 1).index()]);
                }
            }
        }
    }

    /** @return views of the gradient vector filled by {@link #gradients}, by parameter name (for tests) */
    Map<String, INDArray> gradientViews() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        long offset = 0;
        for (Dense l : all()) {
            out.put(l.name() + "_W", view(grads, offset, l.in(), l.out()));
            offset += (long) l.in() * l.out();
            out.put(l.name() + "_b", view(grads, offset, 1, l.out()));
            offset += l.out();
        }
        return out;
    }

    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Dense l : all()) {
            out.put(l.name() + "_W", l.w());
            out.put(l.name() + "_b", l.b());
        }
        return out;
    }

    @Override
    public void load(Map<String, INDArray> saved) {
        TrainableNetwork.assignByName(state(), saved);
    }
}
