package org.sgm.data.synth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sgm.core.io.AtomicFiles;
import org.sgm.data.Sampling;
import org.sgm.data.SwapNoise;
import org.sgm.data.synth.SynthSpec.Kind;

/**
 * Generates labelled synthetic data from a {@link SynthSpec}. One {@link SplittableRandom} seeded with the spec's
 * seed draws everything, in a fixed order, so a spec always gives the same rows.
 *
 * <p>Normal data is a mixture of Gaussian clusters, chosen uniformly. For {@code transition} the clusters are
 * isotropic (σ = 1) with centres 10 apart from the origin (on a circle in 2-D, random directions otherwise); for
 * the ADBench types each cluster has a random mean in [−5, 5]^d and a random correlated covariance
 * {@code Σ = A Aᵀ / d + 0.1 I} (A with standard normal entries). Anomalies, by kind:
 * <ul>
 *   <li>{@code transition}: around a random cluster, in a random direction, at radius
 *       {@code (1 − overlap)·U(5, 8) + overlap·‖N(0, I)‖} (in σ): a shell well outside the cluster at overlap 0,
 *       exactly the cluster's own distribution at overlap 1, a transition field in between;</li>
 *   <li>{@code local}: {@code N(μ, α Σ)} of a random cluster;</li>
 *   <li>{@code global}: uniform per feature over [min − 0.1·range, max + 0.1·range] of the normal rows;</li>
 *   <li>{@code clustered}: {@code N(μ + α σ̄ v, Σ)}, v one random unit direction per cluster, σ̄ the cluster's
 *       mean marginal standard deviation;</li>
 *   <li>{@code dependency}: every feature drawn independently from the cluster's marginal {@code N(μ_j, Σ_jj)}:
 *       the same marginals as the normals without their correlations;</li>
 *   <li>{@code planted}: a normal row of a random cluster with {@code planted} features, chosen at random per row,
 *       shifted by ±α marginal standard deviations ({@link Dataset#planted()} says which).</li>
 * </ul>
 * Swap-noise rows (labelled normal) are then appended as in {@link SwapNoise}, and all rows are shuffled.
 */
public final class SyntheticData {
    private SyntheticData() {}

    /**
     * Generated rows and labels.
     *
     * @param x the features, one array per row
     * @param anomaly one label per row, {@code true} = anomaly
     * @param planted per row, the 0-based features planted in it ({@code planted} kind), or null
     */
    public record Dataset(double[][] x, boolean[] anomaly, int[][] planted) {

        /**
         * Rows without planted features.
         *
         * @param x the features
         * @param anomaly the labels
         */
        public Dataset(double[][] x, boolean[] anomaly) {
            this(x, anomaly, new int[x.length][]);
        }

        /** @return CSV text {@code row,features}: each row with planted features, named {@code f1 … fd}, by ';' */
        public String plantedCsv() {
            StringBuilder sb = new StringBuilder("row,features\n");
            for (int i = 0; i < planted.length; i++) {
                if (planted[i] != null) {
                    sb.append(i).append(',');
                    for (int k = 0; k < planted[i].length; k++) {
                        sb.append(k == 0 ? "" : ";").append('f').append(planted[i][k] + 1);
                    }
                    sb.append('\n');
                }
            }
            return sb.toString();
        }

        /** @return the number of rows */
        public int rows() {
            return x.length;
        }

        /** @return the number of anomalies */
        public int anomalies() {
            int n = 0;
            for (boolean a : anomaly) {
                n += a ? 1 : 0;
            }
            return n;
        }

        /** @return CSV text: header {@code f1,…,fd,label}, values with 6 decimals, label 0/1, {@code \n} line ends */
        public String toCsv() {
            int d = x.length == 0 ? 0 : x[0].length;
            StringBuilder sb = new StringBuilder(x.length * (d * 10 + 3) + 16);
            for (int j = 1; j <= d; j++) {
                sb.append('f').append(j).append(',');
            }
            sb.append("label\n");
            for (int i = 0; i < x.length; i++) {
                for (double v : x[i]) {
                    sb.append(String.format(Locale.ROOT, "%.6f", v)).append(',');
                }
                sb.append(anomaly[i] ? '1' : '0').append('\n');
            }
            return sb.toString();
        }

        /**
         * Writes {@link #toCsv()} atomically.
         *
         * @param file the destination
         */
        public void writeCsv(Path file) {
            byte[] bytes = toCsv().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, out -> out.write(bytes));
        }
    }

    /** One normal cluster: x = μ + M z with z standard normal, so Σ = M Mᵀ. */
    private record Cluster(double[] mean, double[][] mixing) {
        int dims() {
            return mean.length;
        }

        double[] sample(SplittableRandom random, double scale) {
            double[] z = new double[mixing[0].length];
            for (int k = 0; k < z.length; k++) {
                z[k] = random.nextGaussian();
            }
            double[] x = mean.clone();
            for (int j = 0; j < x.length; j++) {
                double s = 0;
                for (int k = 0; k < z.length; k++) {
                    s += mixing[j][k] * z[k];
                }
                x[j] += scale * s;
            }
            return x;
        }

        double marginalStd(int j) {
            double s = 0;
            for (double m : mixing[j]) {
                s += m * m;
            }
            return Math.sqrt(s);
        }
    }

    /**
     * @param spec what to generate
     * @return the rows, shuffled
     */
    public static Dataset generate(SynthSpec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        int d = spec.dims();
        Cluster[] clusters = new Cluster[spec.clusters()];
        for (int c = 0; c < clusters.length; c++) {
            clusters[c] = spec.kind() == Kind.TRANSITION ? transitionCluster(c, clusters.length, d, random)
                    : correlatedCluster(d, random);
        }
        int anomalies = (int) Math.round(spec.anomalyRate() * spec.rows());
        int normals = spec.rows() - anomalies;
        double[][] x = new double[spec.rows()][];
        boolean[] label = new boolean[spec.rows()];
        for (int i = 0; i < normals; i++) {
            x[i] = clusters[random.nextInt(clusters.length)].sample(random, 1);
        }
        double[][] shifts = new double[clusters.length][];
        for (int c = 0; c < clusters.length; c++) {
            shifts[c] = unitVector(d, random);
        }
        double[][] box = boundingBox(x, normals, d);
        int[][] plantedIn = new int[spec.rows()][];
        for (int i = normals; i < spec.rows(); i++) {
            int c = random.nextInt(clusters.length);
            if (spec.kind() == Kind.PLANTED) {
                plantedIn[i] = plantedFeatures(d, spec.planted(), random);
                x[i] = clusters[c].sample(random, 1);
                for (int j : plantedIn[i]) {
                    x[i][j] += (random.nextBoolean() ? 1 : -1) * spec.alpha() * clusters[c].marginalStd(j);
                }
            } else {
                x[i] = anomaly(spec, clusters[c], shifts[c], box, random);
            }
            label[i] = true;
        }
        double[][] noise = SwapNoise.noiseRows(x, label, spec.noiseRate(), random.nextLong());
        double[][] all = new double[x.length + noise.length][];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(noise, 0, all, x.length, noise.length);
        boolean[] labels = Arrays.copyOf(label, all.length);
        int[][] planted = Arrays.copyOf(plantedIn, all.length);
        shuffle(all, labels, planted, random);
        return new Dataset(all, labels, planted);
    }

    private static double[] anomaly(SynthSpec spec, Cluster cluster, double[] shift, double[][] box,
            SplittableRandom random) {
        int d = cluster.dims();
        switch (spec.kind()) {
            case TRANSITION -> {
                double[] u = unitVector(d, random);
                double shell = 5 + 3 * random.nextDouble();
                double[] z = new double[d];
                double chi = 0;
                for (int j = 0; j < d; j++) {
                    z[j] = random.nextGaussian();
                    chi += z[j] * z[j];
                }
                double r = (1 - spec.overlap()) * shell + spec.overlap() * Math.sqrt(chi);
                double[] x = cluster.mean().clone();
                for (int j = 0; j < d; j++) {
                    x[j] += r * u[j];
                }
                return x;
            }
            case LOCAL -> {
                return cluster.sample(random, Math.sqrt(spec.alpha()));
            }
            case GLOBAL -> {
                double[] x = new double[d];
                for (int j = 0; j < d; j++) {
                    double range = box[1][j] - box[0][j];
                    x[j] = box[0][j] - 0.1 * range + 1.2 * range * random.nextDouble();
                }
                return x;
            }
            case CLUSTERED -> {
                double meanStd = 0;
                for (int j = 0; j < d; j++) {
                    meanStd += cluster.marginalStd(j) / d;
                }
                double[] x = cluster.sample(random, 1);
                for (int j = 0; j < d; j++) {
                    x[j] += spec.alpha() * meanStd * shift[j];
                }
                return x;
            }
            default -> {
                double[] x = new double[d];
                for (int j = 0; j < d; j++) {
                    x[j] = cluster.mean()[j] + cluster.marginalStd(j) * random.nextGaussian();
                }
                return x;
            }
        }
    }

    private static Cluster transitionCluster(int c, int count, int d, SplittableRandom random) {
        double[] direction;
        if (d == 2) {
            double angle = 2 * Math.PI * c / count;
            direction = new double[] {Math.cos(angle), Math.sin(angle)};
        } else {
            direction = unitVector(d, random);
        }
        double[] mean = new double[d];
        double[][] mixing = new double[d][d];
        for (int j = 0; j < d; j++) {
            mean[j] = count == 1 ? 0 : 10 * direction[j];
            mixing[j][j] = 1;
        }
        return new Cluster(mean, mixing);
    }

    private static Cluster correlatedCluster(int d, SplittableRandom random) {
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = -5 + 10 * random.nextDouble();
        }
        double[][] mixing = new double[d][2 * d];
        double norm = Math.sqrt(d);
        double jitter = Math.sqrt(0.1);
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                mixing[j][k] = random.nextGaussian() / norm;
            }
            mixing[j][d + j] = jitter;
        }
        return new Cluster(mean, mixing);
    }

    private static double[] unitVector(int d, SplittableRandom random) {
        double[] u = new double[d];
        double norm = 0;
        while (norm < 1e-12) {
            norm = 0;
            for (int j = 0; j < d; j++) {
                u[j] = random.nextGaussian();
                norm += u[j] * u[j];
            }
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < d; j++) {
            u[j] /= norm;
        }
        return u;
    }

    /** @return {min, max} per feature over the first {@code rows} rows (zeros when there are none) */
    private static double[][] boundingBox(double[][] x, int rows, int d) {
        double[][] box = new double[2][d];
        for (int j = 0; j < d && rows > 0; j++) {
            box[0][j] = Double.POSITIVE_INFINITY;
            box[1][j] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                box[0][j] = Math.min(box[0][j], x[i][j]);
                box[1][j] = Math.max(box[1][j], x[i][j]);
            }
        }
        return box;
    }

    private static void shuffle(double[][] x, boolean[] labels, int[][] planted, SplittableRandom random) {
        for (int i = x.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] t = x[i];
            x[i] = x[j];
            x[j] = t;
            boolean l = labels[i];
            labels[i] = labels[j];
            labels[j] = l;
            int[] p = planted[i];
            planted[i] = planted[j];
            planted[j] = p;
        }
    }

    /** @return k distinct features of d, sorted (a partial Fisher–Yates shuffle) */
    private static int[] plantedFeatures(int d, int k, SplittableRandom random) {
        int[] all = new int[d];
        for (int j = 0; j < d; j++) {
            all[j] = j;
        }
        Sampling.chooseFirst(all, k, random);
        int[] out = Arrays.copyOf(all, k);
        Arrays.sort(out);
        return out;
    }
}
