package org.sgm.core.hyper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One JSON shape for every score-guided model, {@code {"backbone": {...}, "training": {...}, "guidance": {...}}};
 * the flat shape of older model files and specs is still read; other records stay flat.
 */
class SettingsShapeTest {
    /** A score-guided model's record: two backbone fields and the shared blocks. */
    record Hp(List<Integer> widths, int scorerHidden, TrainingConfig training, ScoreGuidance guidance)
            implements ScoreGuidedHyperparameters<Hp> {
        @Override
        public Hp withGuidance(ScoreGuidance g) {
            return new Hp(widths, scorerHidden, training, g);
        }

        @Override
        public Hp withTraining(TrainingConfig t) {
            return new Hp(widths, scorerHidden, t, guidance);
        }
    }

    /** A detector that is not score-guided. */
    record Flat(int trees, int sample) {}

    private static final Hp DEFAULTS = new Hp(List.of(8, 4), 10, TrainingConfig.defaults(), ScoreGuidance.defaults());

    @Test
    void aScoreGuidedRecordIsWrittenInThreeBlocks() {
        ObjectNode tree = HyperparameterJson.toTree(DEFAULTS);
        assertEquals(List.of("backbone", "training", "guidance"), iterable(tree));
        assertEquals(List.of("widths", "scorerHidden"), iterable((ObjectNode) tree.get("backbone")));
        assertEquals(List.of("trees", "sample"), iterable(HyperparameterJson.toTree(new Flat(100, 256))));
    }

    @Test
    void bothShapesReadToTheSameRecordAndTheTreeRoundTrips() {
        Hp nested = HyperparameterJson.read(Hp.class, DEFAULTS,
                HyperparameterJson.read("{\"backbone\": {\"widths\": [6, 2]}, \"training\": {\"epochs\": 5}}"));
        Hp flat = HyperparameterJson.read(Hp.class, DEFAULTS,
                HyperparameterJson.read("{\"widths\": [6, 2], \"training\": {\"epochs\": 5}}"));
        assertEquals(nested, flat);
        assertEquals(List.of(6, 2), nested.widths());
        assertEquals(5, nested.training().epochs());
        assertEquals(nested, HyperparameterJson.read(Hp.class, DEFAULTS, HyperparameterJson.toTree(nested)));
    }

    @Test
    void mistakesInTheBackboneBlockAreNamedWithIt() {
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class,
                () -> HyperparameterJson.read(Hp.class, DEFAULTS, HyperparameterJson.read(
                        "{\"backbone\": {\"width\": [6]}, \"widths\": [3]}")));
        assertTrue(e.getMessage().contains("backbone.width is not a known parameter (known here: widths, "
                + "scorerHidden)"), e.getMessage());
        InvalidHyperparametersException twice = assertThrows(InvalidHyperparametersException.class,
                () -> HyperparameterJson.read(Hp.class, DEFAULTS, HyperparameterJson.read(
                        "{\"backbone\": {\"widths\": [6]}, \"widths\": [3]}")));
        assertTrue(twice.getMessage().contains("widths is given twice, in backbone and at the top level"),
                twice.getMessage());
        InvalidHyperparametersException notObject = assertThrows(InvalidHyperparametersException.class,
                () -> HyperparameterJson.read(Hp.class, DEFAULTS, HyperparameterJson.read("{\"backbone\": 3}")));
        assertTrue(notObject.getMessage().contains("backbone must be a JSON object"), notObject.getMessage());
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
