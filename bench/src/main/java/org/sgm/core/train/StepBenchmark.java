package org.sgm.core.train;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sgm.core.FittedDetector;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.tape.Precision;

/**
 * One SG-AE training step and one scoring batch on market.csv's shape (51 features, widths 51→40→20, scorer
 * 20→10→1, batch 1024), on both engines. Lives in {@code org.sgm.core.train} to reach the package-private networks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=2G"})
public class StepBenchmark {
    @Param({"fast", "samediff"})
    public String engine;

    private TrainableNetwork net;
    private float[] batch;
    private float[] scoreBatch;
    private float[] metric;
    private float[] score;

    @Setup
    public void setUp() {
        DenseAutoencoder ae = new DenseAutoencoder(new int[] {51, 40, 20});
        TrainingConfig t = TrainingConfig.paper();
        ScoreGuidance g = ScoreGuidance.paper();
        BlasThreads.pinToOne();
        net = engine.equals("fast")
                ? new TapeNetwork(ae, ScoreGuidedComponents.paper(), g, t, 51, 1, Precision.FLOAT)
                : SameDiffNetwork.build(ae, ScoreGuidedComponents.paper(), g, t, 51, 1);
        Random rng = new Random(1);
        batch = new float[1024 * 51];
        scoreBatch = new float[FittedDetector.SCORING_BATCH * 51];
        for (int i = 0; i < scoreBatch.length; i++) {
            scoreBatch[i] = (float) rng.nextGaussian();
        }
        System.arraycopy(scoreBatch, 0, batch, 0, batch.length);
        metric = new float[FittedDetector.SCORING_BATCH];
        score = new float[FittedDetector.SCORING_BATCH];
    }

    /** One optimizer step on 1024 rows. */
    @Benchmark
    public StepLosses trainStep() {
        return net.step(batch, 1024, 3.0, 0.0, 1);
    }

    /** The per-epoch pass over 4096 rows: metric and score. */
    @Benchmark
    public float[] evaluateBatch() {
        net.evaluate(scoreBatch, FittedDetector.SCORING_BATCH, metric, score, 0);
        return score;
    }

    /** Scoring 4096 rows with a fitted model: the score only. */
    @Benchmark
    public float[] scoreBatch() {
        net.score(scoreBatch, FittedDetector.SCORING_BATCH, score, 0);
        return score;
    }
}
