package org.sgm.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sgm.core.DetectorProvider;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.train.BackboneProvider;
import org.sgm.core.train.ScoreGuidedComponents;

/**
 * The detector contract for a backbone's SG model and its plain twin, from one subclass whose constructor passes the
 * SG provider's constructor ({@code SgAeProvider::new}, given the paper's components) and a short fit's overrides
 * (and the twin's, if it needs others); the {@link Guided} and {@link Plain} classes run
 * {@link AnomalyDetectorContractTest} on each. Overrides are JSON whose field names may go unquoted, e.g.
 * {@code "{training: {epochs: 40}}"}.
 */
public abstract class BackboneContractTest {
    /** The shared mapper, also reading unquoted field names (the trees are the same as from quoted ones). */
    private static final ObjectReader JSON = HyperparameterJson.mapper().reader()
            .with(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES);
    private final Function<ScoreGuidedComponents, ? extends BackboneProvider<?>> provider;
    private final String overrides;
    private final String plainOverrides;

    /**
     * @param provider the SG model's provider from components; its twin is {@link BackboneProvider#plain()}
     * @param overrides JSON laid over the defaults of both, for a short fit
     */
    protected BackboneContractTest(Function<ScoreGuidedComponents, ? extends BackboneProvider<?>> provider,
            String overrides) {
        this(provider, overrides, overrides);
    }

    /**
     * @param provider the SG model's provider from components; its twin is {@link BackboneProvider#plain()}
     * @param overrides JSON laid over the SG model's defaults for a short fit
     * @param plainOverrides JSON laid over the twin's defaults
     */
    protected BackboneContractTest(Function<ScoreGuidedComponents, ? extends BackboneProvider<?>> provider,
            String overrides, String plainOverrides) {
        this.provider = provider;
        this.overrides = overrides;
        this.plainOverrides = plainOverrides;
    }

    private BackboneProvider<?> provider() {
        return provider.apply(ScoreGuidedComponents.paper());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
        }
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
            return read(BackboneContractTest.this.overrides);
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
            return read(BackboneContractTest.this.plainOverrides);
        }
    }
}
