package org.sgm.eval.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.eval.EvaluationProtocol;
import org.sgm.eval.SgmEvalModule;

/** A spec is checked as a whole: every problem is reported at once, each naming its field. */
class ExperimentSpecTest {
    static final DetectorRegistry REGISTRY =
            Guice.createInjector(new SgmEvalModule()).getInstance(DetectorRegistry.class);

    @TempDir
    Path dir;

    private Path spec(String json) throws IOException {
        return Files.writeString(dir.resolve("spec.json"), json);
    }

    @Test
    void namesThatWouldMakeCellIdsCollideOrHideAreRefused() throws IOException {
        Path file = spec("""
                {"name": "x", "datasets": ["a__b.csv", ".hidden.csv", "plain.csv"],
                 "detectors": [{"key": "ae", "name": "b__c"}, {"key": "ae", "name": ".dot"}, {"key": "sg-ae"}]}""");
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class, () -> ExperimentSpec.read(file));
        assertEquals(4, e.violations().size(), e.getMessage());
        assertTrue(e.violations().get(0).startsWith("datasets[0] 'a__b.csv': its name 'a__b' contains '__'"),
                e.violations().get(0));
        assertTrue(e.violations().get(1).contains("starts with '.'"), e.violations().get(1));
        assertTrue(e.violations().get(2).startsWith("detectors[0].name 'b__c' contains '__'"), e.violations().get(2));
        assertTrue(e.violations().get(3).startsWith("detectors[1].name '.dot' starts with '.'"), e.violations().get(3));
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsField() throws IOException {
        Path file = spec("""
                {"nmae": "x", "datasets": [], "detectors": [{"key": "ae"}, {"name": "b", "hyperparameters": 3}],
                 "seeds": 0, "protocol": {"kind": "paper", "testFraction": 0.3, "nosie": 0.1, "noise": 1.5,
                 "preprocessing": {"scaling": "log"}}, "metrics": ["roc_auc", "f2"], "threads": 0,
                 "exportSplits": "yes"}""");
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class,
                () -> ExperimentSpec.read(file));
        // What binding meets comes first (an object's unknown fields once the object is read), then the values.
        List<String> expected = List.of(
                "protocol.nosie is not a known field",
                "exportSplits must be true or false (got \"yes\")",
                "nmae is not a known field (known here: name, datasets, detectors, seeds, protocol, metrics, threads,"
                        + " exportSplits)",
                "name is missing",
                "datasets must be a non-empty list",
                "detectors[1].key is missing",
                "detectors[1].hyperparameters must be a JSON object (got 3)",
                "seeds must be a count in [1, 100000] or a list of seeds (got 0)",
                "protocol.testFraction applies to the stratified protocol only",
                "protocol.noise must be in [0, 1) (got 1.5)",
                "protocol.preprocessing.scaling: unknown scaling 'log'; known: zscore, minmax, robust, none",
                "metrics[1]: unknown metric \"f2\"; known: roc_auc, average_precision, precision_at_n, best_f1,"
                        + " f1_at_contamination",
                "threads must be an integer ≥ 1 (got 0)");
        assertEquals(expected.size(), e.violations().size(), e.getMessage());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(e.violations().get(i).startsWith(expected.get(i)), e.violations().get(i));
        }
        assertTrue(e.getMessage().startsWith(file + ": 13 problems: protocol.nosie is not a known field"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @Test
    void wrongJsonTypesAreReportedTogetherNamingTheFieldAndNeitherCoercedNorAlsoCalledMissing() {
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class, () ->
                ExperimentSpec.fromJson(org.sgm.core.hyper.HyperparameterJson.read("""
                {"name": 3, "datasets": "a.csv", "detectors": ["ae", 5, {"key": true}], "seeds": 2,
                 "protocol": {"noise": "0.1", "preprocessing": []}, "threads": 1.5, "metrics": ["roc_auc", 3]}"""),
                        "w"));
        assertEquals(List.of("name must be a string (got 3)", "datasets must be a list (got \"a.csv\")",
                "detectors[1] must be a JSON object (got 5)", "detectors[2].key must be a string (got true)",
                "protocol.noise must be a number (got \"0.1\")",
                "protocol.preprocessing must be a JSON object (got [])", "threads must be an integer (got 1.5)",
                "metrics[1] must be a string (got 3)"), e.violations());
        // An empty string for an object is the one value that stops binding: it is reported, naming its field.
        e = assertThrows(InvalidExperimentException.class, () -> ExperimentSpec.fromJson(
                org.sgm.core.hyper.HyperparameterJson.read("""
                {"name": "e", "datasets": ["builtin:wbc"], "detectors": ["ae"], "protocol": ""}"""), "e"));
        assertEquals(List.of("protocol must be a JSON object (got \"\")"), e.violations());
    }

    @Test
    void defaultsAreFilledInSoStatingThemChangesNothing() throws IOException {
        ExperimentSpec terse = ExperimentSpec.fromJson(org.sgm.core.hyper.HyperparameterJson.read("""
                {"name": "t", "datasets": ["builtin:wbc"], "detectors": ["ae"]}"""), "a");
        ExperimentSpec stated = ExperimentSpec.fromJson(org.sgm.core.hyper.HyperparameterJson.read("""
                {"name": "t", "datasets": ["builtin:wbc"], "detectors": [{"key": "ae", "name": "ae",
                 "hyperparameters": {}}], "seeds": [0, 1, 2], "protocol": {"kind": "stratified",
                 "testFraction": 0.2, "noise": 0, "labelColumn": "label", "delimiter": ",",
                 "preprocessing": {"scaling": "zscore", "impute": "none"}},
                 "metrics": ["roc_auc", "average_precision"], "exportSplits": false}"""), "b");
        assertEquals(stated.toJson(), terse.toJson());
        ExperimentSpec nulls = ExperimentSpec.fromJson(org.sgm.core.hyper.HyperparameterJson.read("""
                {"name": "t", "datasets": ["builtin:wbc"], "detectors": [{"key": "ae", "name": null,
                 "hyperparameters": null}], "seeds": null, "protocol": {"kind": null, "noise": null,
                 "preprocessing": null}, "metrics": null, "threads": null, "exportSplits": null}"""), "n");
        assertEquals(terse.toJson(), nulls.toJson(), "a field given as null is left out");
        assertEquals(List.of(0L, 1L, 2L), terse.seeds());
        assertEquals(List.of("wbc__ae__seed0", "wbc__ae__seed1", "wbc__ae__seed2"), terse.cellIds());
        // The normalized form is itself a valid spec, and maps onto the protocol one to one.
        assertEquals(terse.toJson(), ExperimentSpec.fromJson(terse.toJson(), "c").toJson());
        EvaluationProtocol p = terse.evaluationProtocol();
        assertEquals(EvaluationProtocol.Kind.STRATIFIED, p.kind());
        assertEquals(0.2, p.testFraction());
        assertEquals(terse.protocol(), ExperimentSpec.ProtocolSpec.of(p));
    }

    @Test
    void anomalyValuesAndIgnoredColumnsReachTheProtocol() {
        ExperimentSpec s = ExperimentSpec.fromJson(org.sgm.core.hyper.HyperparameterJson.read("""
                {"name": "c", "datasets": ["credit.csv"], "detectors": ["iforest"],
                 "protocol": {"labelColumn": "class", "anomalyValues": ["bad"], "ignoreColumns": ["id", "when"]}}"""),
                "c");
        EvaluationProtocol p = s.evaluationProtocol();
        assertEquals(List.of("bad"), p.read().labels().anomalyValues());
        assertEquals(List.of("id", "when"), p.read().ignoreColumns());
        assertEquals(s.protocol(), ExperimentSpec.ProtocolSpec.of(p));
        assertEquals(s.toJson(), ExperimentSpec.fromJson(s.toJson(), "d").toJson(), "normalized form is a spec");
        assertTrue(s.toJson().toString().contains("\"anomalyValues\":[\"bad\"]"), s.toJson().toString());

        InvalidExperimentException e = assertThrows(InvalidExperimentException.class, () ->
                ExperimentSpec.fromJson(org.sgm.core.hyper.HyperparameterJson.read("""
                {"name": "c", "datasets": ["credit.csv"], "detectors": ["iforest"],
                 "protocol": {"anomalyValues": [], "ignoreColumns": ["label"]}}"""), "c"));
        assertEquals(List.of("protocol.anomalyValues must be a non-empty list of strings (got [])",
                "protocol.ignoreColumns: the ignored column 'label' is the label column"), e.violations());
        e = assertThrows(InvalidExperimentException.class, () ->
                ExperimentSpec.fromJson(org.sgm.core.hyper.HyperparameterJson.read("""
                {"name": "c", "datasets": ["credit.csv"], "detectors": ["iforest"],
                 "protocol": {"anomalyValues": ["bad", " "]}}"""), "c"));
        assertEquals(List.of("protocol.anomalyValues[1] must be a non-empty string (got \" \")"), e.violations());
    }

    @Test
    void explicitSeedsPaperProtocolAndAliases() {
        ExperimentSpec s = ExperimentSpec.fromJson(org.sgm.core.hyper.HyperparameterJson.read("""
                {"name": "p", "datasets": ["builtin:wbc"], "seeds": [7, 3],
                 "detectors": [{"key": "ae"}, {"key": "ae", "name": "ae-long",
                                "hyperparameters": {"training": {"epochs": 5}}}],
                 "protocol": {"kind": "paper", "trainAnomalyRate": 0.02}}"""), "p");
        assertEquals(List.of(7L, 3L), s.seeds());
        assertEquals(0.01, s.protocol().noise(), "the paper protocol's own noise");
        assertEquals(null, s.protocol().testFraction());
        assertEquals(List.of("wbc__ae__seed7", "wbc__ae-long__seed7", "wbc__ae__seed3", "wbc__ae-long__seed3"),
                s.cellIds());
        InvalidExperimentException dup = assertThrows(InvalidExperimentException.class, () ->
                ExperimentSpec.fromJson(org.sgm.core.hyper.HyperparameterJson.read("""
                {"name": "p", "datasets": ["builtin:wbc", "other/wbc.csv"], "seeds": [1, 1],
                 "detectors": ["ae", {"key": "sg-ae", "name": "ae"}]}"""), "p"));
        assertEquals(3, dup.violations().size(), dup.getMessage());
        assertTrue(dup.getMessage().contains("datasets[1] 'other/wbc.csv' has the same name as 'builtin:wbc'"),
                dup.getMessage());
        assertTrue(dup.getMessage().contains("detectors[1].name 'ae' is taken by another detector"),
                dup.getMessage());
        assertTrue(dup.getMessage().contains("seeds[1] repeats the seed 1"), dup.getMessage());
    }

    @Test
    void notJsonOrMissingIsOneLineNamingTheFile() throws IOException {
        Path bad = spec("{\"name\": \"x\",\n \"datasets\": [}");
        ExperimentException e = assertThrows(ExperimentException.class, () -> ExperimentSpec.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": not valid JSON at line 2"), e.getMessage());
        Path none = dir.resolve("none.json");
        assertEquals(none + ": experiment spec not found",
                assertThrows(ExperimentException.class, () -> ExperimentSpec.read(none)).getMessage());
    }

    @Test
    void thePlanChecksKeysHyperparametersAndDataTogether() throws IOException {
        Files.writeString(dir.resolve("oneclass.csv"), "a,label\n1,0\n2,0\n3,0\n4,1\n");
        Path file = spec("""
                {"name": "x", "datasets": ["oneclass.csv", "missing.csv", "builtin:wbc"],
                 "detectors": [{"key": "nope"}, {"key": "sg-ae", "hyperparameters": {"training": {"epochs": 0}}},
                               {"key": "ae"}]}""");
        ExperimentSpec spec = ExperimentSpec.read(file);
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class,
                () -> ExperimentPlan.of(spec, dir, REGISTRY));
        assertEquals(4, e.violations().size(), e.getMessage());
        assertTrue(e.violations().get(0).startsWith("unknown model 'nope'; known models: ae, dagmm, dsvdd, ecod,"),
                e.violations().get(0));
        assertTrue(e.violations().get(0).contains("tribuo-ocsvm"), e.violations().get(0));
        assertEquals("invalid hyperparameters: sg-ae: training.epochs must be ≥ 1 (got 0)", e.violations().get(1));
        assertTrue(e.violations().get(2).startsWith(dir.resolve("oneclass.csv") + ": label column 'label' has 3"
                + " normal (0) and 1 anomalous (1) row(s)"), e.violations().get(2));
        assertTrue(e.violations().get(3).startsWith(dir.resolve("missing.csv").toString()), e.violations().get(3));
    }
}
