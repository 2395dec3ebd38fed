package org.sgm.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.spi.LearnerGraph;
import org.sgm.core.spi.ParamInit;
import org.sgm.core.spi.RepresentationLearner;

/**
 * The loop reuses its last forward pass over the training rows (for the next epoch's τ, and handed back for the
 * test score's calibration) unless a hook replaced the input or assigned a constant after it.
 */
class PassReuseTest {

    /** Metric = the row's first value; counts the forward passes over the 20 training rows (one call each). */
    private static final class Counting extends StubNetwork {
        int passes;

        @Override
        public void evaluate(float[] x, int rows, float[] metric, float[] score, int offset) {
            passes++;
            for (int r = 0; r < rows; r++) {
                metric[offset + r] = x[r * 2];
                if (score != null) {
                    score[offset + r] = -x[r * 2];
                }
            }
        }

        @Override
        public LearnerContext hooks(FeatureMatrix train) {
            return new AbstractLearnerContext(train) {
                @Override
                public void evaluate(String variable, BatchConsumer consumer) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public INDArray constant(String name) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void assignConstant(String name, INDArray value) {
                    changed();
                }
            };
        }
    }

    /** A learner whose hooks change the input (the same rows again) at the epochs and at the end asked for. */
    private static RepresentationLearner hooks(boolean atEpochStart, boolean atEnd) {
        return new RepresentationLearner() {
            @Override
            public LearnerGraph build(SameDiff sd, SDVariable x, ParamInit init) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String metricDescription() {
                return "the first column";
            }

            @Override
            public void onEpochStart(LearnerContext ctx, int epoch) {
                if (atEpochStart) {
                    ctx.replaceInput(ctx.train());
                }
            }

            @Override
            public void onTrainingEnd(LearnerContext ctx) {
                if (atEnd) {
                    ctx.assignConstant("c", null);
                }
            }
        };
    }

    private static TrainingLoop.Result run(Counting net, RepresentationLearner learner, FeatureMatrix x) {
        return TrainingLoop.run(net, learner, net.hooks(x), x, new TrainingConfig(3, 5, 1e-3, 1.0, false),
                new ScoreGuidance(0.01, 20, 6, 90.0, null, 0.0, 0), ScoreGuidedComponents.paper(), 3L, List.of());
    }

    @Test
    void hooksThatChangeNothingLeaveTheLastPassCurrent() {
        double[][] rows = new double[20][2];
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = i;
        }
        FeatureMatrix x = FeatureMatrix.of(rows);
        Counting quiet = new Counting();
        TrainingLoop.Result r = run(quiet, hooks(false, false), x);
        assertEquals(1 + 3, quiet.passes, "one pass before the first epoch, one after each of 3");
        float[] want = new float[20];
        for (int i = 0; i < want.length; i++) {
            want[i] = i;
        }
        assertArrayEquals(want, r.metric());
        assertEquals(-19f, r.score()[19]);

        Counting busy = new Counting();
        TrainingLoop.Result changed = run(busy, hooks(true, true), x);
        assertEquals(2 * 3, busy.passes, "a pass at each epoch start after the input was replaced, one after each");
        assertNull(changed.metric(), "a constant assigned at the end: the last pass is stale");
        assertNull(changed.score());
    }
}
