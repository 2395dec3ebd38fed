package org.sgm.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.sgm.core.EpochStats;
import org.sgm.core.TrainingListener;
import org.sgm.core.spi.RepresentationLearner;

/**
 * One ensemble member to train: its index, its own backbone instance and its two seeds (drawn in member order
 * before any training, so the members and the scores do not depend on how many train at once).
 *
 * @param index the member, from 0
 * @param members how many the fit trains
 * @param learner this member's backbone
 * @param initSeed the seed of its initial weights
 * @param loopSeed the seed of its batch order and μ_R draws
 */
record MemberTask(int index, int members, RepresentationLearner learner, long initSeed, long loopSeed) {

    /**
     * What training one member leaves.
     *
     * @param member the trained network and its calibration
     * @param history its per-epoch statistics
     */
    record Fit(ScoreGuidedModel.Member member, List<EpochStats> history) {}

    /**
     * Trains the members on {@code threads} threads. The first member's progress reaches the listeners as it
     * happens; every other member's is recorded and replayed once it and the members before it have finished, so
     * the listeners of a fit that succeeds hear the very same sequence of calls as from a fit on one thread. Where
     * members fail, the first failure in member order is thrown (the one a fit on one thread would have met).
     *
     * @param tasks the members, in order
     * @param threads how many train at once (≥ 2)
     * @param listeners the fit's listeners
     * @param train trains one member, reporting to the listeners it is given
     * @return each member's result, in member order
     */
    static List<Fit> inParallel(List<MemberTask> tasks, int threads, List<TrainingListener> listeners,
            BiFunction<MemberTask, List<TrainingListener>, Fit> train) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sgm-ensemble-member");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Recording> recordings = new ArrayList<>();
            List<Future<Fit>> futures = new ArrayList<>();
            for (MemberTask task : tasks) {
                Recording recording = task.index() == 0 ? null : new Recording();
                recordings.add(recording);
                List<TrainingListener> to = recording == null ? listeners : List.of(recording);
                futures.add(pool.submit(() -> train.apply(task, to)));
            }
            List<Fit> fits = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                fits.add(get(futures.get(i)));
                if (recordings.get(i) != null) {
                    recordings.get(i).replay(listeners);
                }
            }
            return fits;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Fit get(Future<Fit> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("an ensemble member failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the ensemble members trained", e);
        }
    }

    /** A member's listener calls, kept to be replayed. */
    private static final class Recording implements TrainingListener {
        private final List<Consumer<TrainingListener>> calls = new ArrayList<>();

        @Override
        public void onTrainingSettings(String description) {
            calls.add(l -> l.onTrainingSettings(description));
        }

        @Override
        public void onMemberStart(int member, int members) {
            calls.add(l -> l.onMemberStart(member, members));
        }

        @Override
        public void onTrainingStart(int rows, int inputDim, int maxEpochs, int stepsPerEpoch) {
            calls.add(l -> l.onTrainingStart(rows, inputDim, maxEpochs, stepsPerEpoch));
        }

        @Override
        public void onEpochEnd(EpochStats stats) {
            calls.add(l -> l.onEpochEnd(stats));
        }

        @Override
        public void onTrainingEnd(List<EpochStats> history, String stopReason) {
            calls.add(l -> l.onTrainingEnd(history, stopReason));
        }

        void replay(List<TrainingListener> listeners) {
            for (Consumer<TrainingListener> call : calls) {
                listeners.forEach(call);
            }
        }
    }
}
