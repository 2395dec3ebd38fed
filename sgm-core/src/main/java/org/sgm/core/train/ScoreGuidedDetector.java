package org.sgm.core.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.TrainingListener;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.hyper.InvalidHyperparametersException;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.ScoreGuidedHyperparameters;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.hyper.Violations;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.spi.ScoringNetwork;
import org.sgm.core.tape.Precision;

/**
 * A score-guided model before fitting: a backbone (made for the data's width), the score-guidance components and
 * settings. {@link #fit} resolves the automatic training settings from the data's shape
 * ({@link TrainingConfig#resolve}), builds the network, runs the {@link TrainingLoop} and returns a
 * {@link ScoreGuidedModel} that stores the resolved settings.
 */
public final class ScoreGuidedDetector implements AnomalyDetector {
    private final String key;
    private final Record hyperparameters;
    private final TrainingConfig training;
    private final ScoreGuidance guidance;
    private final ScoreGuidedComponents components;
    private final Function<TrainingConfig, Record> withTraining;
    private final BiFunction<Record, Integer, RepresentationLearner> learners;

    /**
     * A detector whose backbone does not depend on the resolved training settings (the stored hyperparameters stay
     * as given).
     *
     * @param key registry key
     * @param hyperparameters the full hyperparameter record (stored with the model)
     * @param training optimisation settings (null fields are resolved from the data when fitting)
     * @param guidance guidance settings; λ_DE = 0 gives the plain backbone
     * @param components scorer, regularizer and pseudo-labeller
     * @param learnerFactory makes the backbone for a given input width
     */
    public ScoreGuidedDetector(String key, Record hyperparameters, TrainingConfig training, ScoreGuidance guidance,
            ScoreGuidedComponents components, IntFunction<RepresentationLearner> learnerFactory) {
        this(key, hyperparameters, training, guidance, components, t -> hyperparameters, (h, d) -> learnerFactory.apply(d));
    }

    private ScoreGuidedDetector(String key, Record hyperparameters, TrainingConfig training, ScoreGuidance guidance,
            ScoreGuidedComponents components, Function<TrainingConfig, Record> withTraining,
            BiFunction<Record, Integer, RepresentationLearner> learners) {
        this.key = Objects.requireNonNull(key, "key");
        this.hyperparameters = Objects.requireNonNull(hyperparameters, "hyperparameters");
        Violations v = new Violations();
        training.check(v, "training.");
        guidance.check(v, "guidance.");
        v.throwIfAny();
        this.training = training;
        this.guidance = guidance;
        this.components = Objects.requireNonNull(components, "components");
        this.withTraining = Objects.requireNonNull(withTraining, "withTraining");
        this.learners = Objects.requireNonNull(learners, "learners");
    }

    /**
     * A detector for a score-guided hyperparameter record. When fitting, null training fields are resolved from the
     * data ({@link TrainingConfig#resolve}); the backbone is made from the record with the resolved settings, and
     * the fitted model stores that record, so the resolved values travel with the model file.
     *
     * @param <H> the record type
     * @param key registry key
     * @param hyperparameters the hyperparameters
     * @param components scorer, regularizer and pseudo-labeller
     * @param learnerFactory makes the backbone from the (resolved) record and the input width
     * @return the detector
     */
    public static <H extends Record & ScoreGuidedHyperparameters<H>> ScoreGuidedDetector of(String key,
            H hyperparameters, ScoreGuidedComponents components, BiFunction<H, Integer, RepresentationLearner> learnerFactory) {
        @SuppressWarnings("unchecked")
        BiFunction<Record, Integer, RepresentationLearner> learners = (h, d) -> learnerFactory.apply((H) h, d);
        return new ScoreGuidedDetector(key, hyperparameters, hyperparameters.training(), hyperparameters.guidance(),
                components, hyperparameters::withTraining, learners);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Record hyperparameters() {
        return hyperparameters;
    }

    @Override
    public FittedDetector fit(FeatureMatrix train, FitContext ctx) {
        if (train.rows() < 2) {
            throw new InvalidDataException("cannot fit " + key + " on " + train.rows() + " row(s): need at least 2");
        }
        if (train.cols() < 1) {
            throw new InvalidDataException("cannot fit " + key + " on data with no feature columns");
        }
        // Null settings are resolved from the data's shape (never its labels); the model keeps the resolved record,
        // with the engine it trained on.
        TrainingConfig fromShape = training.resolve(train.rows());
        Record learnerHp = withTraining.apply(fromShape);
        RepresentationLearner learner = learners.apply(learnerHp, train.cols());
        String engine = engine(learner, training.engine());
        TrainingConfig resolved = fromShape.withEngine(engine);
        Record resolvedHp = withTraining.apply(resolved);
        String settings = key + ": " + training.describeResolution(train.rows()) + ", engine " + engine
                + (TrainingConfig.ENGINE_AUTO.equals(training.engine()) ? " (auto)" : " (given)");
        ctx.listeners().forEach(l -> l.onTrainingSettings(settings));
        // Sub-seeds: one stream for the initial weights, another for batch order and μ_R draws; each further
        // ensemble member draws its own two from the same generator, so a one-member fit is as before ensembles.
        SplittableRandom seeds = new SplittableRandom(ctx.seed());
        int k = resolved.members();
        List<MemberTask> tasks = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            long initSeed = seeds.nextLong();
            long loopSeed = seeds.nextLong();
            RepresentationLearner memberLearner = i == 0 ? learner : learners.apply(learnerHp, train.cols());
            tasks.add(new MemberTask(i, k, memberLearner, initSeed, loopSeed));
        }
        List<MemberTask.Fit> fits = Math.min(k, ctx.threads()) > 1
                ? MemberTask.inParallel(tasks, Math.min(k, ctx.threads()), ctx.listeners(),
                        (task, listeners) -> train(task, train, resolved, engine, listeners))
                : tasks.stream().map(task -> train(task, train, resolved, engine, ctx.listeners())).toList();
        return new ScoreGuidedModel(key, resolvedHp, fits.stream().map(MemberTask.Fit::member).toList(), part(),
                train.cols(), fits.get(0).history());
    }

    /** One member's training: its network, loop and calibration. */
    private MemberTask.Fit train(MemberTask task, FeatureMatrix train, TrainingConfig resolved, String engine,
            List<TrainingListener> listeners) {
        if (task.members() > 1) {
            listeners.forEach(l -> l.onMemberStart(task.index() + 1, task.members()));
        }
        TrainableNetwork net = network(task.learner(), train.cols(), task.initSeed(), resolved, engine);
        TrainingLoop.Result fitted = TrainingLoop.run(net, task.learner(), net.hooks(train), train, resolved, guidance,
                components, task.loopSeed(), listeners);
        ScoreGuidedModel.Member member = new ScoreGuidedModel.Member(net, calibrate(net, train, fitted,
                task.members()));
        net.releaseBuffers(); // the fitted model keeps weights, not the training's work arrays
        return new MemberTask.Fit(member, fitted.history());
    }

    /** What the test score reads of φ and m. */
    private ScoreGuidedModel.Part part() {
        if (!guidance.enabled()) {
            return ScoreGuidedModel.Part.METRIC;
        }
        return guidance.testScore() == ScoreGuidance.TestScore.SCORER_AND_METRIC ? ScoreGuidedModel.Part.BOTH
                : ScoreGuidedModel.Part.SCORER;
    }

    /**
     * The mapping of φ and m fitted on the training rows under the final weights (the loop's last pass when it
     * is still current, else one more forward pass), or null in a one-member model whose test score is not
     * {@code scorer+metric} (it scores with the raw φ, or m where the model is plain).
     */
    private TestScoreCalibration calibrate(TrainableNetwork net, FeatureMatrix train, TrainingLoop.Result fitted,
            int members) {
        if (members == 1 && part() != ScoreGuidedModel.Part.BOTH) {
            return null;
        }
        float[] metric = fitted.metric();
        float[] score = fitted.score();
        if (metric == null) {
            metric = new float[train.rows()];
            score = new float[train.rows()];
            TrainingLoop.forwardPass(net, train, metric, score);
        }
        // A plain network's score is its metric: one array, whose percentiles the calibration then takes once.
        return TestScoreCalibration.of(part() == ScoreGuidedModel.Part.METRIC ? metric : score, metric,
                guidance.percentile());
    }

    /**
     * Which engine trains: what the backbone provides decides, unless {@code training.engine} says otherwise. The
     * fast engine needs the backbone's and (when guided) the scorer's tape versions
     * ({@link RepresentationLearner#tape()}, {@link ScoringNetwork#tape()}).
     *
     * @param learner the backbone
     * @param setting {@code training.engine}
     * @return {@value TrainingConfig#ENGINE_FAST} or {@value TrainingConfig#ENGINE_SAMEDIFF}
     */
    private String engine(RepresentationLearner learner, String setting) {
        boolean fast = learner.tape() != null && (!guidance.enabled() || components.scorer().tape() != null);
        if (TrainingConfig.ENGINE_SAMEDIFF.equals(setting)) {
            return TrainingConfig.ENGINE_SAMEDIFF;
        }
        if (TrainingConfig.ENGINE_FAST.equals(setting) && !fast) {
            throw new InvalidHyperparametersException(List.of("training.engine is \"fast\" but "
                    + key + (learner.tape() == null ? "'s backbone" : "'s scoring network")
                    + " has no fast version; use \"auto\" or \"samediff\""));
        }
        return fast ? TrainingConfig.ENGINE_FAST : TrainingConfig.ENGINE_SAMEDIFF;
    }

    private TrainableNetwork network(RepresentationLearner learner, int inputDim, long seed, TrainingConfig training,
            String engine) {
        BlasThreads.pinToOne();
        return TrainingConfig.ENGINE_FAST.equals(engine)
                ? new TapeNetwork(learner, components, guidance, training, inputDim, seed, Precision.FLOAT)
                : SameDiffNetwork.build(learner, components, guidance, training, inputDim, seed);
    }

    /**
     * Rebuilds a fitted model from saved arrays (used by providers' {@code restore}).
     *
     * @param state the arrays and history as saved
     * @return the fitted model
     */
    public ScoreGuidedModel restore(ModelState state) {
        // A saved model stores resolved settings, so this changes nothing for one; for hand-written hyperparameters
        // with automatic fields any row count does: the settings only size the optimizer, which scoring never uses.
        TrainingConfig resolved = training.resolve(FittedDetector.SCORING_BATCH);
        RepresentationLearner learner = learners.apply(withTraining.apply(resolved), state.inputDim());
        // Both engines name and shape their arrays alike, so either can load a model the other trained; a model
        // that trained on SameDiff is scored there, one that trained on the fast engine (or an older file) on the
        // fast engine where the backbone has one.
        String engine = engine(learner, TrainingConfig.ENGINE_SAMEDIFF.equals(training.engine())
                ? TrainingConfig.ENGINE_SAMEDIFF : TrainingConfig.ENGINE_AUTO);
        // The saved arrays are decoded first (their size is bounded by the file's) and bound what the network may
        // allocate: every network reads each of its inputDim features through some saved weight, so a larger
        // inputDim is a corrupt or forged file; and the fast engine allocates no array the file does not hold with
        // the same number of values (a forged layer width). A backbone without a fast version is built by
        // SameDiff unchecked; its arrays are checked after, by name and shape. Member i ≥ 1 of an ensemble has its
        // entries under "member<i>/".
        TreeMap<Integer, Map<String, INDArray>> byMember = new TreeMap<>();
        Map<Integer, TestScoreCalibration> calibrations = new HashMap<>();
        long values = 0;
        for (Map.Entry<String, byte[]> e : state.entries().entrySet()) {
            int member = 0;
            String name = e.getKey();
            if (name.startsWith(ScoreGuidedModel.MEMBER_PREFIX) && name.indexOf('/') > 0) {
                String index = name.substring(ScoreGuidedModel.MEMBER_PREFIX.length(), name.indexOf('/'));
                if (!index.matches("[1-9][0-9]{0,5}")) {
                    throw new ModelFileException("model entry " + name + ": not a member's entry");
                }
                member = Integer.parseInt(index);
                name = name.substring(name.indexOf('/') + 1);
            }
            Map<String, INDArray> memberArrays = byMember.computeIfAbsent(member, i -> new LinkedHashMap<>());
            INDArray a = ModelState.decode(e.getValue(), e.getKey());
            if (name.equals(TestScoreCalibration.STATE_NAME)) {
                calibrations.put(member, TestScoreCalibration.fromArray(a)); // not a network array
                continue;
            }
            memberArrays.put(name, a);
            values += a.length();
        }
        List<Map<String, INDArray>> arrays = new ArrayList<>(byMember.values());
        if (!byMember.isEmpty() && byMember.lastKey() != arrays.size() - 1) {
            throw new ModelFileException("the model file holds entries of ensemble members " + byMember.keySet()
                    + ", not 0 to " + (arrays.size() - 1) + ": the file is corrupt or was edited");
        }
        if (arrays.isEmpty()) {
            throw new ModelFileException("the model file holds no network arrays: the file is corrupt or was edited");
        }
        Integer declared = training.members();
        if (arrays.size() > TrainingConfig.MAX_MEMBERS || declared != null && declared != arrays.size()) {
            throw new ModelFileException("the model's hyperparameters say training.members " + (declared == null
                    ? "(automatic, at most " + TrainingConfig.MAX_MEMBERS + ")" : declared)
                    + " but the file holds " + arrays.size() + " network(s): the file is corrupt or was edited");
        }
        if (state.inputDim() > values) {
            throw new ModelFileException("the model's input dimension " + state.inputDim()
                    + " is more than all its saved arrays hold together (" + values + " values): the file is"
                    + " corrupt or was edited");
        }
        boolean checkable = learner.tape() != null && (!guidance.enabled() || components.scorer().tape() != null);
        ScoreGuidedModel.Part part = part();
        List<ScoreGuidedModel.Member> members = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i++) {
            Map<String, Long> counts = new HashMap<>();
            arrays.get(i).forEach((name, a) -> counts.put(name, a.length()));
            RepresentationLearner memberLearner = i == 0 ? learner
                    : learners.apply(withTraining.apply(resolved), state.inputDim());
            BlasThreads.pinToOne();
            TrainableNetwork net;
            if (TrainingConfig.ENGINE_FAST.equals(engine)) {
                net = new TapeNetwork(memberLearner, components, guidance, resolved, state.inputDim(), 0L,
                        Precision.FLOAT, counts);
            } else {
                if (checkable) {
                    new TapeNetwork(memberLearner, components, guidance, resolved, state.inputDim(), 0L,
                            Precision.FLOAT, counts);
                }
                net = SameDiffNetwork.build(memberLearner, components, guidance, resolved, state.inputDim(), 0L);
            }
            net.load(arrays.get(i));
            // A one-member file written before the combined test score existed has no calibration: it scores with
            // φ, as it did; one whose test score is φ or m alone stores none. Every member of an ensemble has one.
            TestScoreCalibration c = arrays.size() == 1 && part != ScoreGuidedModel.Part.BOTH ? null
                    : calibrations.get(i);
            if (arrays.size() > 1 && c == null) {
                throw new ModelFileException("ensemble member " + i + " has no " + TestScoreCalibration.STATE_NAME
                        + ": the file is corrupt or was edited");
            }
            members.add(new ScoreGuidedModel.Member(net, c));
        }
        return new ScoreGuidedModel(key, hyperparameters, members, part, state.inputDim(), state.history());
    }
}
