package org.sgm.core.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.ModelFileException;
import org.sgm.core.spi.PercentileLabeler;

/**
 * How a guided model with the test score {@code scorer+metric} combines its two outputs: each of the scorer's
 * output φ and the backbone metric m is mapped so that the training rows' median is 0 and their ε-th percentile
 * (the pre-judging boundary of the guidance) is 1, and the two are added:
 * {@code s = (φ − med φ) / (q_ε φ − med φ) + (m − med m) / (q_ε m − med m)}.
 *
 * <p>Why (docs/defaults.md, round 2, I): the scorer is trained to put the pre-judged normals at 0 and the
 * pre-judged anomalies above the margin, so it ranks well across the pre-judging boundary and poorly inside each
 * side; the metric ranks inside each side. Both are measured on the training rows after the fit (labels never
 * enter), so the mapping is fixed with the model.
 *
 * @param scoreMedian the training rows' median φ
 * @param scoreScale {@code q_ε φ − med φ} (at least {@link #MIN_SCALE} relative to the values' size)
 * @param metricMedian the training rows' median m
 * @param metricScale {@code q_ε m − med m} (likewise floored)
 */
public record TestScoreCalibration(double scoreMedian, double scoreScale, double metricMedian, double metricScale) {

    /** The name of the calibration's array in a model file. */
    public static final String STATE_NAME = "testScoreCalibration";
    /** The smallest scale, relative to max(1, |median|): a collapsed output does not blow up the sum. */
    public static final double MIN_SCALE = 1e-6;

    /**
     * @param score φ of every training row (the very array {@code metric} for a plain network, whose score is m:
     *     its percentiles are then taken once)
     * @param metric m of every training row
     * @param percentile the guidance's ε
     * @return the calibration
     */
    public static TestScoreCalibration of(float[] score, float[] metric, double percentile) {
        double[] m = PercentileLabeler.percentiles(metric, 50, percentile);
        double[] s = score == metric ? m : PercentileLabeler.percentiles(score, 50, percentile);
        double sMed = (float) s[0];
        double mMed = (float) m[0];
        return new TestScoreCalibration(sMed, scale(s[1] - sMed, sMed), mMed, scale(m[1] - mMed, mMed));
    }

    /** Float values, as a model file stores them: a restored model scores exactly as the fitted one. */
    private static double scale(double spread, double median) {
        return (float) Math.max(spread, MIN_SCALE * Math.max(1, Math.abs(median)));
    }

    /**
     * @param score φ of a row
     * @param metric m of the row
     * @return the row's test score
     */
    public double combine(double score, double metric) {
        return scorePart(score) + metricPart(metric);
    }

    /**
     * @param score φ of a row
     * @return φ's part of the test score alone (an ensemble member whose test score is the scorer's)
     */
    public double scorePart(double score) {
        return (score - scoreMedian) / scoreScale;
    }

    /**
     * @param metric m of a row
     * @return m's part of the test score alone (an ensemble member of a plain backbone)
     */
    public double metricPart(double metric) {
        return (metric - metricMedian) / metricScale;
    }

    /** @return the calibration as the array a model file stores */
    public INDArray toArray() {
        return Nd4j.createFromArray(scoreMedian, scoreScale, metricMedian, metricScale);
    }

    /**
     * @param array what {@link #toArray} stored
     * @return the calibration
     * @throws ModelFileException if the array is not four finite values with positive scales
     */
    public static TestScoreCalibration fromArray(INDArray array) {
        double[] v = array.castTo(DataType.DOUBLE).data().asDouble();
        if (v.length != 4 || !(v[1] > 0) || !(v[3] > 0) || !Double.isFinite(v[0]) || !Double.isFinite(v[1])
                || !Double.isFinite(v[2]) || !Double.isFinite(v[3])) {
            throw new ModelFileException("the model's " + STATE_NAME + " is not four finite values with positive"
                    + " scales: the file is corrupt or was edited");
        }
        return new TestScoreCalibration(v[0], v[1], v[2], v[3]);
    }
}
