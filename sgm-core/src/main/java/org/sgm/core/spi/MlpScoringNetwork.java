package org.sgm.core.spi;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.sgm.core.tape.Tape;
import org.sgm.core.tape.Tensor;

/**
 * The paper's scoring network: {@code Linear(latent → hidden) → ReLU → Linear(hidden → 1)}, no output activation.
 *
 * @param hidden the hidden width; the paper uses 10
 */
public record MlpScoringNetwork(int hidden) implements ScoringNetwork, TapeScorer {

    /** Validates the width. */
    public MlpScoringNetwork {
        if (hidden < 1) {
            throw new IllegalArgumentException("scorer hidden width must be ≥ 1, got " + hidden);
        }
    }

    /** @return the paper's network, hidden width 10 */
    public static MlpScoringNetwork paper() {
        return new MlpScoringNetwork(10);
    }

    @Override
    public SDVariable build(SameDiff sd, SDVariable z, long latentDim, ParamInit init) {
        SDVariable h = sd.nn.relu(Layers.dense(sd, "scorer0", z, latentDim, hidden, init, true), 0);
        SDVariable s = Layers.dense(sd, "scorer1", h, hidden, 1, init, true);
        return sd.reshape("score", s, -1);
    }

    @Override
    public TapeScorer tape() {
        return this;
    }

    @Override
    public Tensor score(Tape t, Tensor z, ParamInit init) {
        Tensor h = t.relu(TapeLayers.dense(t, "scorer0", z, hidden, init, true));
        return TapeLayers.dense(t, "scorer1", h, 1, init, true);
    }
}
