package org.sgm.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sgm.core.DetectorProvider;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.train.BackboneProvider;

/**
 * The detector contract for a backbone's SG model and its plain twin, from one subclass: supply the SG provider
 * and a short fit's overrides (and, if the twin needs others, {@link #plainOverrides()}); the {@link Guided} and
 * {@link Plain} classes run {@link AnomalyDetectorContractTest} on each.
 */
public abstract class BackboneContractTest {
    /** @return the SG model's provider; its twin is {@link BackboneProvider#plain()} */
    protected abstract BackboneProvider<?> provider();

    /** @return JSON laid over the SG model's defaults for a short fit */
    protected abstract JsonNode overrides();

    /** @return JSON laid over the twin's defaults (the SG model's by default) */
    protected JsonNode plainOverrides() {
        return overrides();
    }

    @Test
    void theTwinIsThePlainBackbone() {
        BackboneProvider<?> sg = provider();
        BackboneProvider<?> plain = sg.plain();
        assertEquals(plain.key(), sg.twinOf());
        assertEquals(null, plain.twinOf());
        assertEquals(0.0, ((ScoreGuidedHyperparameters<?>) plain.defaults()).guidance().lambdaDE());
        assertEquals(sg.hyperparametersType(), plain.hyperparametersType());
        assertEquals(sg.twinOf() + "@" + BackboneProvider.PAPER, sg.preset(BackboneProvider.PAPER).twinOf());
        Assertions.assertTrue(sg.trainsInEpochs() && plain.trainsInEpochs()
                && sg.preset(BackboneProvider.PAPER).trainsInEpochs(), "--epochs applies to both and the preset");
    }

    /** The SG model's contract. */
    @Nested
    class Guided extends AnomalyDetectorContractTest {
        @Override
        protected DetectorProvider<?> provider() {
            return BackboneContractTest.this.provider();
        }

        @Override
        protected JsonNode overrides() {
            return BackboneContractTest.this.overrides();
        }
    }

    /** The plain twin's contract. */
    @Nested
    class Plain extends AnomalyDetectorContractTest {
        @Override
        protected DetectorProvider<?> provider() {
            return BackboneContractTest.this.provider().plain();
        }

        @Override
        protected JsonNode overrides() {
            return BackboneContractTest.this.plainOverrides();
        }
    }
}
