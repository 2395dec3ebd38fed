package org.sgm.core.train;

import org.junit.jupiter.api.Test;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.testing.SyntheticFixtures;

/** SG-AE's network on the fast engine against its SameDiff graph (the oracle), guided and plain. */
class DenseAutoencoderEngineTest {

    @Test
    void fastEngineMatchesTheGraph() {
        EngineOracle.check(d -> new DenseAutoencoder(new int[] {d, 9, 5}),
                SyntheticFixtures.subspace(300, 30, 12, 3).x(), new ScoreGuidance(0.5, 20, 6, 70.0), 11);
    }

    @Test
    void deeperNetworkWithThePapersGuidance() {
        EngineOracle.check(d -> new DenseAutoencoder(new int[] {d, 16, 8, 3}),
                SyntheticFixtures.subspace(250, 20, 20, 4).x(), ScoreGuidance.defaults(), 5);
    }
}
