package org.sgm.core.train;

/**
 * The losses of one optimizer step, before the update.
 *
 * @param total L
 * @param backbone L_B
 * @param guidance L_SG (0 when the guidance is off)
 */
public record StepLosses(double total, double backbone, double guidance) {}
