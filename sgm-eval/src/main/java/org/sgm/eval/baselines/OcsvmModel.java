package org.sgm.eval.baselines;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyModel;
import org.tribuo.protos.core.ModelProto;

/**
 * A fitted one-class SVM. Its score is the negated LibSVM decision value {@code −(Σᵢ αᵢ k(svᵢ, x) − ρ)}: LibSVM's
 * value is positive inside the learned support (normal) and negative outside, so the negation is higher for more
 * anomalous rows.
 *
 * <p>LibSVM fits the model (through Tribuo); the support vectors, their coefficients α, ρ and the kernel are then
 * taken out of LibSVM's {@code svm_model} and the decision value is computed here from those doubles, in LibSVM's
 * order of operations ({@code svm_predict_values}, {@code Kernel.k_function}). A fitted model and its restored copy
 * score with the same arrays, so identically.
 *
 * <p>The fitted state is three double arrays ({@link StateArrays#encodeDoubles}): {@value #SUPPORT_VECTORS}
 * ({@code [m, d]}, one support vector a row), {@value #COEFFICIENTS} ({@code [m]}, α) and {@value #PARAMETERS}
 * ({@code [5]}: LibSVM's kernel type, γ, degree, coef0, then ρ). No Java serialization and no reflective
 * deserialisation. Files written before held Tribuo's protobuf ({@value #LEGACY_ENTRY}); they still load
 * ({@link #restore}), and saving such a model writes the arrays.
 */
final class OcsvmModel extends BaselineModel<OcsvmHyperparameters> {
    /** The model-state entry holding the support vectors, {@code [m, d]} doubles. */
    static final String SUPPORT_VECTORS = "ocsvm-support-vectors.f64";
    /** The model-state entry holding the support vectors' coefficients α, {@code [m]} doubles. */
    static final String COEFFICIENTS = "ocsvm-coefficients.f64";
    /** The model-state entry holding LibSVM's kernel type, γ, degree and coef0, then ρ: {@code [5]} doubles. */
    static final String PARAMETERS = "ocsvm-parameters.f64";
    /** The entry of files written before the arrays: Tribuo's protobuf form of the model. Read, never written. */
    static final String LEGACY_ENTRY = "tribuo-model.pb";

    private static final int PARAMETER_COUNT = 5;
    private static final String KNOWN_KERNELS = "0 (linear), 1 (polynomial), 2 (RBF), 3 (sigmoid)";

    /** The support vectors, m × d, row-major. */
    private final double[] supportVectors;
    private final double[] coefficients;
    private final Kernel kernel;
    private final double rho;

    private OcsvmModel(String key, OcsvmHyperparameters hyperparameters, double[] supportVectors,
            double[] coefficients, Kernel kernel, double rho, int inputDim) {
        super(key, hyperparameters, inputDim);
        this.supportVectors = supportVectors;
        this.coefficients = coefficients;
        this.kernel = kernel;
        this.rho = rho;
    }

    /**
     * One of LibSVM's kernel functions, computed as LibSVM's {@code Kernel.k_function} computes it (same operations in
     * the same order, so the same doubles).
     *
     * @param type LibSVM's kernel code: {@link svm_parameter#LINEAR}, {@link svm_parameter#POLY},
     *     {@link svm_parameter#RBF} or {@link svm_parameter#SIGMOID}
     * @param gamma γ (polynomial, RBF, sigmoid)
     * @param degree the polynomial kernel's degree
     * @param coef0 the polynomial and sigmoid kernels' constant
     */
    record Kernel(int type, double gamma, int degree, double coef0) {
        /**
         * @param sv the support vectors, row-major
         * @param offset where the support vector starts in {@code sv}
         * @param x the row, as long as a support vector
         * @return k(sv, x)
         */
        double apply(double[] sv, int offset, double[] x) {
            return switch (type) {
                case svm_parameter.LINEAR -> dot(sv, offset, x);
                case svm_parameter.POLY -> power(gamma * dot(sv, offset, x) + coef0, degree);
                case svm_parameter.RBF -> Math.exp(-gamma * squaredDistance(sv, offset, x));
                case svm_parameter.SIGMOID -> Math.tanh(gamma * dot(sv, offset, x) + coef0);
                default -> throw new IllegalStateException("kernel type " + type);
            };
        }

        private static double dot(double[] sv, int offset, double[] x) {
            double sum = 0;
            for (int j = 0; j < x.length; j++) {
                sum += x[j] * sv[offset + j];
            }
            return sum;
        }

        private static double squaredDistance(double[] sv, int offset, double[] x) {
            double sum = 0;
            for (int j = 0; j < x.length; j++) {
                double diff = x[j] - sv[offset + j];
                sum += diff * diff;
            }
            return sum;
        }

        /** {@code base^exponent} by repeated squaring: the products LibSVM's {@code powi} forms, in its order. */
        private static double power(double base, int exponent) {
            double result = 1;
            double square = base;
            for (int e = exponent; e > 0; e /= 2) {
                if (e % 2 == 1) {
                    result *= square;
                }
                square *= square;
            }
            return result;
        }
    }

    /**
     * Takes the decision function out of a trained Tribuo model.
     *
     * @param key the registry key
     * @param hyperparameters the hyperparameters it was fitted with
     * @param model the trained model, over features named by {@link TribuoFeatures#names}
     * @param inputDim the number of features d
     * @return the fitted model
     * @throws IllegalArgumentException if the model is not a one-class SVM over those d features with one of LibSVM's
     *     four kernel functions
     */
    static OcsvmModel of(String key, OcsvmHyperparameters hyperparameters, LibSVMAnomalyModel model, int inputDim) {
        List<svm_model> inner = model.getInnerModels();
        if (inner.size() != 1) {
            throw new IllegalArgumentException("the Tribuo model holds " + inner.size() + " LibSVM models, expected 1");
        }
        svm_model svm = inner.get(0);
        svm_parameter p = svm.param;
        if (p.svm_type != svm_parameter.ONE_CLASS) {
            throw new IllegalArgumentException("LibSVM model type " + p.svm_type + " is not one-class ("
                    + svm_parameter.ONE_CLASS + ")");
        }
        int m = svm.l;
        if (m < 0 || svm.SV == null || svm.SV.length != m || svm.sv_coef == null || svm.sv_coef.length < 1
                || svm.sv_coef[0] == null || svm.sv_coef[0].length != m || svm.rho == null || svm.rho.length < 1) {
            throw new IllegalArgumentException("LibSVM model of " + m + " support vectors has coefficients or ρ of"
                    + " another size");
        }
        if (!isKnownKernel(p.kernel_type)) {
            throw new IllegalArgumentException("LibSVM kernel type " + p.kernel_type + " is not one of "
                    + KNOWN_KERNELS);
        }
        int[] column = columnsById(model.getFeatureIDMap(), inputDim);
        double[] sv = new double[Math.multiplyExact(m, inputDim)];
        for (int i = 0; i < m; i++) {
            // LibSVM's kernels merge two rows by ascending feature index; the dense row holds the same values in the
            // same order (feature ids follow the column order), with zeros where a row has no node.
            int previous = -1;
            for (svm_node node : svm.SV[i]) {
                if (node.index <= previous || node.index >= inputDim) {
                    throw new IllegalArgumentException("support vector " + i + " has feature index " + node.index
                            + " after " + previous + " (expected ascending indices in 0…" + (inputDim - 1) + ")");
                }
                sv[i * inputDim + column[node.index]] = node.value;
                previous = node.index;
            }
        }
        Kernel kernel = new Kernel(p.kernel_type, p.gamma, p.degree, p.coef0);
        return new OcsvmModel(key, hyperparameters, sv, svm.sv_coef[0].clone(), kernel, svm.rho[0], inputDim);
    }

    private static boolean isKnownKernel(int type) {
        return type == svm_parameter.LINEAR || type == svm_parameter.POLY || type == svm_parameter.RBF
                || type == svm_parameter.SIGMOID;
    }

    /** @return for each Tribuo feature id, the column of the feature it names */
    private static int[] columnsById(ImmutableFeatureMap features, int inputDim) {
        if (features.size() != inputDim) {
            throw new IllegalArgumentException("the Tribuo model has " + features.size() + " features, expected "
                    + inputDim);
        }
        String[] names = TribuoFeatures.names(inputDim);
        int[] column = new int[inputDim];
        for (int j = 0; j < inputDim; j++) {
            int id = features.getID(names[j]);
            if (id < 0 || id >= inputDim) {
                throw new IllegalArgumentException("the Tribuo model has no feature " + names[j]);
            }
            column[id] = j;
        }
        return column;
    }

    /**
     * Rebuilds a model from what {@link #state()} returned. Every entry is checked, in place, before the support
     * vectors and coefficients are decoded: present, of the shape the others imply ({@value #SUPPORT_VECTORS}
     * {@code [m, d]} with {@code m ≥ 1} and d the state's input dimension, {@value #COEFFICIENTS} {@code [m]},
     * {@value #PARAMETERS} {@code [5]}), no more and no fewer bytes than that shape holds, every value finite; then
     * the five parameters: a known kernel type, γ ≥ 0 and a whole degree ≥ 0.
     *
     * <p>A state holding none of these entries but {@value #LEGACY_ENTRY} was written before the arrays existed and
     * is restored by {@link #restoreLegacy}.
     *
     * @param key the registry key
     * @param hyperparameters the hyperparameters it was fitted with
     * @param state the fitted state
     * @return the model
     * @throws ModelFileException naming the entry that is missing or malformed
     */
    static OcsvmModel restore(String key, OcsvmHyperparameters hyperparameters, ModelState state) {
        Map<String, byte[]> entries = state.entries();
        if (entries.containsKey(LEGACY_ENTRY) && !entries.containsKey(SUPPORT_VECTORS)
                && !entries.containsKey(COEFFICIENTS) && !entries.containsKey(PARAMETERS)) {
            return restoreLegacy(key, hyperparameters, state);
        }
        int d = state.inputDim();
        if (d < 1) {
            throw new ModelFileException(key + ": model state has input dimension " + d + ", expected at least 1");
        }
        // Shapes and values first, reading the entries in place; then the arrays are allocated.
        int m = (int) StateArrays.doubleShape(key, state, SUPPORT_VECTORS, -1, d)[0];
        if (m < 1) {
            throw new ModelFileException(key + ": model entry " + SUPPORT_VECTORS + " holds no support vector");
        }
        StateArrays.doubleShape(key, state, COEFFICIENTS, m);
        StateArrays.requireFiniteDoubles(key, state, PARAMETERS, PARAMETER_COUNT);
        StateArrays.requireFiniteDoubles(key, state, COEFFICIENTS, m);
        StateArrays.requireFiniteDoubles(key, state, SUPPORT_VECTORS, m, d);
        double[] parameters = StateArrays.readDoubles(key, state, PARAMETERS, PARAMETER_COUNT);
        Kernel kernel = kernel(key, PARAMETERS, parameters);
        return new OcsvmModel(key, hyperparameters, StateArrays.readDoubles(key, state, SUPPORT_VECTORS, m, d),
                StateArrays.readDoubles(key, state, COEFFICIENTS, m), kernel, parameters[4], d);
    }

    /**
     * The kernel that {@code parameters} (finite) describe.
     *
     * @throws ModelFileException naming the entry, if the kernel type is unknown, γ negative or the degree not a
     *     whole number in {@code [0, 2³¹ − 1]}
     */
    private static Kernel kernel(String key, String entry, double[] parameters) {
        String where = key + ": model entry " + entry;
        double type = parameters[0];
        if (type != Math.rint(type) || !isKnownKernel((int) type)) {
            throw new ModelFileException(where + " names kernel type " + type + ", expected " + KNOWN_KERNELS);
        }
        if (!(parameters[1] >= 0)) {
            throw new ModelFileException(where + " has γ = " + parameters[1] + ", expected a number ≥ 0");
        }
        double degree = parameters[2];
        if (degree != Math.rint(degree) || degree < 0 || degree > Integer.MAX_VALUE) {
            throw new ModelFileException(where + " has degree " + degree + ", expected a whole number ≥ 0");
        }
        return new Kernel((int) type, parameters[1], (int) degree, parameters[3]);
    }

    /**
     * Legacy: restores a state written before the arrays existed, whose one entry {@value #LEGACY_ENTRY} is
     * Tribuo's protobuf form of the {@link LibSVMAnomalyModel}. The class the protobuf names is checked before Tribuo
     * deserialises it (Tribuo instantiates whatever class it names), the model's features against the state's input
     * dimension; then the arrays are taken out of it and checked as {@link #restore} checks a new state's. New states
     * never hold this entry.
     */
    private static OcsvmModel restoreLegacy(String key, OcsvmHyperparameters hyperparameters, ModelState state) {
        byte[] bytes = state.entries().get(LEGACY_ENTRY);
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelFileException(key + ": model entry " + LEGACY_ENTRY + " is not a Tribuo model: "
                    + e.getMessage(), e);
        }
        // Checked before deserialising: Tribuo instantiates whatever class the proto names.
        String expected = LibSVMAnomalyModel.class.getName();
        if (!expected.equals(proto.getClassName())) {
            throw new ModelFileException(key + ": model entry " + LEGACY_ENTRY + " holds a " + proto.getClassName()
                    + ", expected a " + expected);
        }
        Model<?> restored;
        try {
            restored = Model.deserialize(proto);
        } catch (RuntimeException e) {
            throw new ModelFileException(key + ": cannot rebuild the Tribuo model in " + LEGACY_ENTRY + ": "
                    + e.getMessage(), e);
        }
        if (!(restored instanceof LibSVMAnomalyModel svm)) {
            throw new ModelFileException(key + ": model entry " + LEGACY_ENTRY + " rebuilt as a "
                    + restored.getClass().getName() + ", expected a " + expected);
        }
        checkFeatures(key, svm.getFeatureIDMap(), state.inputDim());
        OcsvmModel model;
        try {
            model = of(key, hyperparameters, svm, state.inputDim());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ModelFileException(key + ": model entry " + LEGACY_ENTRY + ": " + e.getMessage(), e);
        }
        model.requireValid(LEGACY_ENTRY);
        return model;
    }

    private static void checkFeatures(String key, ImmutableFeatureMap features, int inputDim) {
        String[] expected = TribuoFeatures.names(inputDim);
        boolean ok = features.size() == inputDim && Arrays.stream(expected).allMatch(n -> features.getID(n) >= 0);
        if (!ok) {
            throw new ModelFileException(key + ": the stored Tribuo model has " + features.size()
                    + " features, which do not match the model file's " + inputDim);
        }
    }

    /** The checks of {@link #restore} on arrays taken out of a legacy model, naming {@code entry}. */
    private void requireValid(String entry) {
        String where = key() + ": model entry " + entry;
        if (coefficients.length < 1) {
            throw new ModelFileException(where + " holds no support vector");
        }
        double[] parameters = {kernel.type(), kernel.gamma(), kernel.degree(), kernel.coef0(), rho};
        for (double[] values : List.of(supportVectors, coefficients, parameters)) {
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new ModelFileException(where + " holds a non-finite value " + v);
                }
            }
        }
        kernel(key(), entry, parameters);
    }

    @Override
    double[] scoreChecked(FeatureMatrix x) {
        int m = coefficients.length;
        double[] row = new double[inputDim];
        double[] scores = new double[x.rows()];
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < inputDim; j++) {
                row[j] = x.get(i, j);
            }
            double sum = 0;
            for (int s = 0; s < m; s++) {
                sum += coefficients[s] * kernel.apply(supportVectors, s * inputDim, row);
            }
            scores[i] = -(sum - rho);
        }
        return scores;
    }

    @Override
    public ModelState state() {
        int m = coefficients.length;
        double[] parameters = {kernel.type(), kernel.gamma(), kernel.degree(), kernel.coef0(), rho};
        Map<String, byte[]> entries = new LinkedHashMap<>(); // a fixed order: the same model, the same file
        entries.put(SUPPORT_VECTORS, StateArrays.encodeDoubles(supportVectors, m, inputDim));
        entries.put(COEFFICIENTS, StateArrays.encodeDoubles(coefficients, m));
        entries.put(PARAMETERS, StateArrays.encodeDoubles(parameters, PARAMETER_COUNT));
        return new ModelState(inputDim, entries, List.of());
    }
}
