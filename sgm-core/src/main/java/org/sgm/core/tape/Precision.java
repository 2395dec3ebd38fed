package org.sgm.core.tape;

/**
 * The precision a {@link Tape} computes in: {@link #FLOAT} for training and scoring (what every engine trains in),
 * {@link #DOUBLE} for gradient checks against the SameDiff graph (the oracle tests).
 */
public enum Precision {
    /** 32-bit values, {@code float[]} arrays. */
    FLOAT,
    /** 64-bit values, {@code double[]} arrays. */
    DOUBLE
}
