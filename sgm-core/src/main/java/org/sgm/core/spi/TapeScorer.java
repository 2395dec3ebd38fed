package org.sgm.core.spi;

import org.sgm.core.tape.Tape;
import org.sgm.core.tape.Tensor;

/** A scoring network on the fast engine: the same function as its SameDiff {@link ScoringNetwork#build}. */
public interface TapeScorer {

    /**
     * @param t the tape
     * @param z the latent code, {@code [n, latentDim]}
     * @param init the seeded initialiser (used only when a parameter is first declared)
     * @return the scores, {@code [n, 1]}
     */
    Tensor score(Tape t, Tensor z, ParamInit init);
}
