/**
 * Uniform comparisons: one protocol (stratified split, optional swap noise, fit on the unlabelled training part,
 * score the test part) for every registered detector, SG models and Tribuo baselines alike.
 */
package org.sgm.eval;
