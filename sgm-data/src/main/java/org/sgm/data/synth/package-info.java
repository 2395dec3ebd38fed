/**
 * Seeded synthetic anomaly-detection data ({@code sgm synth}): the paper's "transition field" setting, designed
 * here (its generator is not public), and ADBench's four anomaly types generated around Gaussian normal data.
 * The same {@link org.sgm.data.synth.SynthSpec} always gives the same rows, byte for byte.
 */
package org.sgm.data.synth;
