package org.sgm.data.synth;

import java.util.Arrays;
import java.util.Locale;
import org.sgm.core.SgmException;

/**
 * What {@link SyntheticData#generate} makes.
 *
 * @param kind the anomaly type
 * @param rows normal rows plus anomalies (swap-noise rows come on top), ≥ 2
 * @param dims the number of features, ≥ 1 ({@link Kind#DEPENDENCY} needs ≥ 2)
 * @param anomalyRate the contamination: {@code round(anomalyRate × rows)} rows are anomalies, in [0, 1)
 * @param clusters the number of normal Gaussian clusters, ≥ 1
 * @param overlap {@link Kind#TRANSITION} only: 0 = anomalies well separated from the clusters, 1 = drawn from the
 *     clusters' own distribution (indistinguishable); in [0, 1]
 * @param alpha the ADBench types' strength: covariance factor ({@link Kind#LOCAL}) or shift in cluster standard
 *     deviations ({@link Kind#CLUSTERED}); &gt; 0
 * @param noiseRate the rate of swap-noise rows appended (labelled normal, METHOD.md §5), in [0, 1)
 * @param seed the seed of every draw
 * @param planted {@link Kind#PLANTED} only: how many features of each anomaly are shifted, in [1, dims]
 */
public record SynthSpec(Kind kind, int rows, int dims, double anomalyRate, int clusters, double overlap,
        double alpha, double noiseRate, long seed, int planted) {

    /**
     * A spec with 2 planted features (used by {@link Kind#PLANTED} only).
     *
     * @param kind see the record description
     * @param rows see the record description
     * @param dims see the record description
     * @param anomalyRate see the record description
     * @param clusters see the record description
     * @param overlap see the record description
     * @param alpha see the record description
     * @param noiseRate see the record description
     * @param seed see the record description
     */
    public SynthSpec(Kind kind, int rows, int dims, double anomalyRate, int clusters, double overlap, double alpha,
            double noiseRate, long seed) {
        this(kind, rows, dims, anomalyRate, clusters, overlap, alpha, noiseRate, seed, 2);
    }

    /** The kinds of anomalies. */
    public enum Kind {
        /** Normal clusters with anomalies in a shell around them that moves into them as the overlap grows. */
        TRANSITION,
        /** ADBench's local anomalies: the normal clusters with their covariance scaled by α. */
        LOCAL,
        /** ADBench's global anomalies: uniform over the normal data's bounding box, widened by 10 % per side. */
        GLOBAL,
        /** ADBench's clustered anomalies: the normal clusters' shape, shifted by α standard deviations. */
        CLUSTERED,
        /** ADBench's dependency anomalies: the normals' marginals, drawn independently (no correlation). */
        DEPENDENCY,
        /**
         * Anomalies planted in known features: a normal row with {@code planted} features, chosen at random per row,
         * shifted by α marginal standard deviations (sign at random); for checking explanations.
         */
        PLANTED;

        /** @return the name {@code --kind} takes */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param key a name as returned by {@link #key()}
         * @return the kind
         * @throws SgmException listing the known names if there is none of that name
         */
        public static Kind parse(String key) {
            for (Kind k : values()) {
                if (k.key().equals(key)) {
                    return k;
                }
            }
            throw new SgmException("--kind: unknown kind '" + key + "'; known: "
                    + String.join(", ", Arrays.stream(values()).map(Kind::key).toList()));
        }
    }

    /**
     * Validates every setting, naming the command-line option.
     *
     * @param kind see the record description
     * @param rows see the record description
     * @param dims see the record description
     * @param anomalyRate see the record description
     * @param clusters see the record description
     * @param overlap see the record description
     * @param alpha see the record description
     * @param noiseRate see the record description
     * @param seed see the record description
     * @param planted see the record description
     */
    public SynthSpec {
        if (kind == Kind.PLANTED && (planted < 1 || planted > dims)) {
            throw new SgmException("--planted must be in [1, --dims = " + dims + "], got " + planted);
        }
        if (rows < 2) {
            throw new SgmException("--rows must be ≥ 2, got " + rows);
        }
        if (dims < 1 || (kind == Kind.DEPENDENCY && dims < 2)) {
            throw new SgmException("--dims must be ≥ " + (kind == Kind.DEPENDENCY ? 2 : 1) + " for " + kind.key()
                    + ", got " + dims);
        }
        if (!(anomalyRate >= 0 && anomalyRate < 1)) {
            throw new SgmException("--anomaly-rate must be in [0, 1), got " + anomalyRate);
        }
        if (clusters < 1) {
            throw new SgmException("--clusters must be ≥ 1, got " + clusters);
        }
        if (!(overlap >= 0 && overlap <= 1)) {
            throw new SgmException("--overlap must be in [0, 1], got " + overlap);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new SgmException("--alpha must be a positive number, got " + alpha);
        }
        if (!(noiseRate >= 0 && noiseRate < 1)) {
            throw new SgmException("--noise must be in [0, 1), got " + noiseRate);
        }
    }

    /**
     * @param kind the anomaly type
     * @return its defaults: 1000 rows, 2 dimensions, 5 % anomalies, 3 clusters for {@code transition} (1 for the
     *     others), overlap 0.5, α = 5, no noise, seed 0; {@code planted}: 20 dimensions, 2 planted features, α = 6
     */
    public static SynthSpec defaults(Kind kind) {
        if (kind == Kind.PLANTED) {
            return new SynthSpec(kind, 1000, 20, 0.05, 1, 0.5, 6, 0, 0, 2);
        }
        return new SynthSpec(kind, 1000, 2, 0.05, kind == Kind.TRANSITION ? 3 : 1, 0.5, 5, 0, 0);
    }
}
