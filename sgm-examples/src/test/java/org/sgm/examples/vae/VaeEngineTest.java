package org.sgm.examples.vae;

import org.junit.jupiter.api.Test;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.testing.SyntheticFixtures;
import org.sgm.core.train.EngineOracle;

/**
 * The VAE's fast version (reparameterisation with the same per-step noise, KL term) against its SameDiff graph,
 * guided and plain: the check every backbone with a fast version gets.
 */
class VaeEngineTest {

    @Test
    void fastVersionMatchesTheGraph() {
        VaeHyperparameters hp = VaeHyperparameters.defaults();
        EngineOracle.check(d -> new VaeLearner(d, hp), SyntheticFixtures.subspace(260, 30, 9, 8).x(),
                new ScoreGuidance(0.5, 20, 6, 80.0), 9);
    }
}
