package org.sgm.core;

import java.util.List;

/** Observes training; receives training statistics only, never labels. */
public interface TrainingListener {

    /**
     * @param rows training rows
     * @param inputDim features
     * @param maxEpochs the epoch budget
     * @param stepsPerEpoch optimizer steps in each epoch
     */
    default void onTrainingStart(int rows, int inputDim, int maxEpochs, int stepsPerEpoch) {}

    /**
     * Called once before {@link #onTrainingStart}, with the settings the fit resolved and how.
     *
     * @param description one line, e.g. {@code "sg-ae: batch 64 (auto), lr 0.001 (auto), 32 epochs × 63 steps ..."}
     */
    default void onTrainingSettings(String description) {}

    /**
     * Called before each network of an ensemble ({@code training.members} above 1) trains, before its
     * {@link #onTrainingStart}; not called for a one-network fit.
     *
     * @param member the member about to train, from 1
     * @param members how many the fit trains
     */
    default void onMemberStart(int member, int members) {}

    /** @param stats the finished epoch */
    default void onEpochEnd(EpochStats stats) {}

    /**
     * @param history every epoch's statistics
     * @param stopReason why training ended, e.g. {@code "early stop: mean score 3.2 > a/2"}
     */
    default void onTrainingEnd(List<EpochStats> history, String stopReason) {}
}
