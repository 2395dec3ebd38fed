package org.sgm.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sgm.core.EpochStats;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.SchemaMismatchException;
import org.sgm.core.explain.Differentiable;

/**
 * A fitted score-guided model. Its test score is the scorer's output {@code φ(z(x))} (the paper), or φ and the
 * backbone metric m combined by a {@link TestScoreCalibration} (guidance {@code testScore: "scorer+metric"}, the
 * default), or m for a plain backbone (λ_DE = 0). A model of several members ({@code training.members}, an
 * ensemble over initialisations) scores the mean of its members' scores, each mapped by the member's own
 * calibration so that its training rows' median is 0 and their ε-th percentile 1 (whichever of φ, m or both the
 * test score reads). Immutable; scoring is serialised because the networks reuse buffers and are not thread-safe.
 */
public final class ScoreGuidedModel implements FittedDetector, Differentiable {
    /** The prefix of the model-file entries of member {@code i ≥ 1}; member 0's entries carry no prefix. */
    static final String MEMBER_PREFIX = "member";

    /** What the test score reads of each member's two outputs. */
    enum Part { SCORER, METRIC, BOTH }

    /**
     * One trained network of the model.
     *
     * @param net the network
     * @param calibration its training rows' medians and scales; null only in a one-member model whose score is
     *     the raw φ or m
     */
    record Member(TrainableNetwork net, TestScoreCalibration calibration) {}

    private final String key;
    private final Record hyperparameters;
    private final List<Member> members;
    private final Part part;
    private final int inputDim;
    private final List<EpochStats> history;

    ScoreGuidedModel(String key, Record hyperparameters, List<Member> members, Part part, int inputDim,
            List<EpochStats> history) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one member");
        }
        if (members.size() > 1 && members.stream().anyMatch(m -> m.calibration() == null)) {
            throw new IllegalArgumentException("every member of an ensemble needs its calibration");
        }
        this.key = key;
        this.hyperparameters = hyperparameters;
        this.members = List.copyOf(members);
        this.part = part;
        this.inputDim = inputDim;
        this.history = List.copyOf(history);
    }

    /**
     * @return the first member's calibration: how its φ and m are mapped into the test score; null in a one-member
     *     model whose score is φ alone (the paper's test score, or a model file written before the combination
     *     existed) or m (a plain backbone)
     */
    public TestScoreCalibration calibration() {
        return members.get(0).calibration();
    }

    /** @return the number of networks whose scores the model averages ({@code training.members}) */
    public int members() {
        return members.size();
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
    public int inputDim() {
        return inputDim;
    }

    /** Whether the test score is the raw output of the one network (φ, or m for a plain backbone). */
    private boolean raw() {
        return members.size() == 1 && (part != Part.BOTH || members.get(0).calibration() == null);
    }

    /** A member's test score of a row from its φ (m for a plain network) and m. */
    private double memberScore(Member member, float score, float metric) {
        if (raw()) {
            return score;
        }
        TestScoreCalibration c = member.calibration();
        return switch (part) {
            case BOTH -> c.combine(score, metric);
            case SCORER -> c.scorePart(score);
            case METRIC -> c.metricPart(metric);
        };
    }

    @Override
    public synchronized double[] score(FeatureMatrix x) {
        check(x);
        double[] out = new double[x.rows()];
        float[] score = new float[x.rows()];
        if (raw()) {
            TrainingLoop.scorePass(members.get(0).net(), x, score);
            for (int i = 0; i < out.length; i++) {
                out[i] = score[i];
            }
            return out;
        }
        float[] metric = new float[x.rows()];
        for (Member member : members) {
            TrainingLoop.forwardPass(member.net(), x, metric, score);
            for (int i = 0; i < out.length; i++) {
                out[i] += memberScore(member, score[i], metric[i]);
            }
            release(member);
        }
        divide(out, members.size());
        return out;
    }

    @Override
    public synchronized ScoreGradients scoreGradients(FeatureMatrix x) {
        check(x);
        int n = x.rows();
        double[] scores = new double[n];
        double[] gradients = new double[n * inputDim];
        int batch = FittedDetector.SCORING_BATCH;
        float[] buffer = new float[Math.min(n, batch) * inputDim];
        float[] s = new float[Math.min(n, batch)];
        float[] m = new float[s.length];
        double[] g = new double[Math.min(n, batch) * inputDim];
        double[] gm = new double[g.length];
        boolean raw = raw();
        for (Member member : members) {
            TrainableNetwork net = member.net();
            TestScoreCalibration c = member.calibration();
            for (int from = 0; from < n; from += batch) {
                int to = Math.min(n, from + batch);
                int rows = to - from;
                x.rowsInto(from, to, buffer);
                net.scoreGradient(buffer, rows, s, g);
                if (!raw && part == Part.BOTH) {
                    net.metricGradient(buffer, rows, m, gm);
                } else {
                    System.arraycopy(s, 0, m, 0, rows); // a plain network's score is m; φ-only never reads m
                }
                // Each member's score is linear in φ and m: its gradient is ∇φ / scale_φ + ∇m / scale_m (or one
                // of the two, or the raw ∇φ of a one-member model).
                for (int k = 0; k < rows * inputDim; k++) {
                    double gk = raw ? g[k] : switch (part) {
                        case BOTH -> g[k] / c.scoreScale() + gm[k] / c.metricScale();
                        case SCORER -> g[k] / c.scoreScale();
                        case METRIC -> g[k] / c.metricScale();
                    };
                    gradients[from * inputDim + k] += gk;
                }
                for (int i = 0; i < rows; i++) {
                    scores[from + i] += memberScore(member, s[i], m[i]);
                }
            }
            release(member);
        }
        divide(scores, members.size());
        divide(gradients, members.size());
        return new ScoreGradients(scores, gradients, inputDim);
    }

    /** The members' mean reconstruction, or null if the backbone has none. */
    @Override
    public synchronized double[] reconstruction(FeatureMatrix x) {
        check(x);
        int n = x.rows();
        double[] out = new double[n * inputDim];
        int batch = FittedDetector.SCORING_BATCH;
        float[] buffer = new float[Math.min(n, batch) * inputDim];
        for (Member member : members) {
            for (int from = 0; from < n; from += batch) {
                int to = Math.min(n, from + batch);
                x.rowsInto(from, to, buffer);
                double[] r = member.net().reconstruction(buffer, to - from);
                if (r == null) {
                    return null;
                }
                for (int k = 0; k < r.length; k++) {
                    out[from * inputDim + k] += r[k];
                }
            }
            release(member);
        }
        divide(out, members.size());
        return out;
    }

    /**
     * After a member's pass in an ensemble: its work arrays go (the tape keeps a set per kind of pass for reuse), so k
     * members hold one set at a time, not k (quick start peak memory 840 → 574 MB with five members). A one-network
     * model keeps them for its next call.
     */
    private void release(Member member) {
        if (members.size() > 1) {
            member.net().releaseBuffers();
        }
    }

    private static void divide(double[] values, int by) {
        if (by > 1) {
            for (int i = 0; i < values.length; i++) {
                values[i] /= by;
            }
        }
    }

    private void check(FeatureMatrix x) {
        if (x.cols() != inputDim) {
            throw new SchemaMismatchException("model " + key + " expects " + inputDim + " features, got " + x.cols());
        }
    }

    /** @return the members (for tests in this package) */
    List<Member> memberList() {
        return members;
    }

    /** @return the first member's network (for tests in this package) */
    TrainableNetwork network() {
        return members.get(0).net();
    }

    /** @return the engine the network runs on: {@code fast} or {@code samediff} */
    @Override
    public String engine() {
        return members.get(0).net().engine();
    }

    /** @return per-epoch training statistics of the first member */
    @Override
    public List<EpochStats> history() {
        return history;
    }

    /**
     * The first member's arrays under their own names (a one-member model's file is as before ensembles), member
     * i's under {@code "member<i>/"}; each member's calibration likewise.
     */
    @Override
    public synchronized ModelState state() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            String prefix = i == 0 ? "" : MEMBER_PREFIX + i + "/";
            Member member = members.get(i);
            member.net().state().forEach((name, arr) -> entries.put(prefix + name, ModelState.encode(arr)));
            if (member.calibration() != null) {
                entries.put(prefix + TestScoreCalibration.STATE_NAME,
                        ModelState.encode(member.calibration().toArray()));
            }
        }
        return new ModelState(inputDim, entries, history);
    }
}
