package org.sgm.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.sgm.core.DetectorProvider;
import org.sgm.core.SgmException;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.hyper.InvalidHyperparametersException;

/** Turns {@code --params}, {@code --epochs} and {@code --no-early-stop} into JSON laid over a model's defaults. */
final class TrainingOverrides {
    private TrainingOverrides() {}

    /**
     * @param provider the model's provider
     * @param params a JSON file of hyperparameters, or null
     * @param epochs the epoch count, or null
     * @param noEarlyStop whether to switch early stopping off
     * @return the overrides (null if none)
     */
    static JsonNode build(DetectorProvider<?> provider, Path params, Integer epochs, boolean noEarlyStop) {
        if (epochs != null && epochs < 1) {
            throw new InvalidHyperparametersException(List.of("--epochs must be ≥ 1 (got " + epochs + ")"));
        }
        ObjectNode node = params == null ? HyperparameterJson.mapper().createObjectNode() : readObject(params);
        if (epochs != null || noEarlyStop) {
            if (provider.trainsInEpochs()) {
                ObjectNode training = node.has("training") && node.get("training").isObject()
                        ? (ObjectNode) node.get("training") : node.putObject("training");
                if (epochs != null) {
                    training.put("epochs", epochs);
                }
                if (noEarlyStop) {
                    training.put("earlyStop", false);
                }
            }
        }
        return node;
    }

    private static ObjectNode readObject(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new SgmException(file + ": parameter file not found");
        } catch (CharacterCodingException e) {
            throw new SgmException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new SgmException(file + ": cannot read: " + e.getMessage());
        }
        JsonNode node;
        try {
            node = HyperparameterJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new SgmException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new SgmException(file + ": must hold a JSON object of hyperparameters");
        }
        return (ObjectNode) node;
    }
}
