package org.sgm.core.tape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.ModelFileException;

/**
 * The named arrays of a network on the fast engine: trainable parameters (with their gradients) and constants
 * (learner state that is saved but not trained, e.g. a Deep SVDD centre). Each is created the first time a forward
 * pass asks for it, with the initial value its supplier draws, so a backbone's forward pass declares its parameters
 * the way a SameDiff {@code build} does, in the same order and with the same names and draws.
 */
public final class Params {
    /** One named array. */
    public static final class Entry {
        final String name;
        final int rows;
        final int cols;
        final boolean trainable;
        final float[] f;
        final double[] d;
        final float[] gf;
        final double[] gd;

        Entry(String name, int rows, int cols, boolean trainable, Precision precision) {
            this.name = name;
            this.rows = rows;
            this.cols = cols;
            this.trainable = trainable;
            int n = rows * cols;
            boolean single = precision == Precision.FLOAT;
            this.f = single ? new float[n] : null;
            this.d = single ? null : new double[n];
            this.gf = trainable && single ? new float[n] : null;
            this.gd = trainable && !single ? new double[n] : null;
        }

        /** @return the name */
        public String name() {
            return name;
        }

        /** @return whether the optimizer trains it */
        public boolean trainable() {
            return trainable;
        }

        /** @return the number of values */
        public int size() {
            return rows * cols;
        }

        /** @return the values (float precision), or null in double precision */
        public float[] floats() {
            return f;
        }

        /** @return the values (double precision), or null in float precision */
        public double[] doubles() {
            return d;
        }

        /** @return the gradient (float precision), or null */
        public float[] gradFloats() {
            return gf;
        }

        /** @return the gradient (double precision), or null */
        public double[] gradDoubles() {
            return gd;
        }

        void assign(INDArray value) {
            if (f != null) {
                float[] v = value.castTo(DataType.FLOAT).dup('c').data().asFloat();
                System.arraycopy(v, 0, f, 0, f.length);
            } else {
                double[] v = value.castTo(DataType.DOUBLE).dup('c').data().asDouble();
                System.arraycopy(v, 0, d, 0, d.length);
            }
        }

        INDArray toINDArray() {
            return f != null ? Nd4j.create(f.clone(), new long[] {rows, cols}, DataType.FLOAT)
                    : Nd4j.create(d.clone(), new long[] {rows, cols}, DataType.DOUBLE);
        }

        void zeroGrad() {
            if (gf != null) {
                Arrays.fill(gf, 0f);
            } else if (gd != null) {
                Arrays.fill(gd, 0.0);
            }
        }
    }

    private final Precision precision;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();
    private Map<String, Long> saved;

    /**
     * @param precision the precision of every array
     */
    public Params(Precision precision) {
        this.precision = precision;
    }

    /** @return the precision */
    public Precision precision() {
        return precision;
    }

    /**
     * Restricts what this may allocate to the arrays of a saved model, before a network to restore it is declared:
     * an array it does not hold, or of another size, is refused before anything is allocated for it. A forged model
     * file (a huge input dimension or layer width in otherwise small metadata) is so refused instead of
     * allocating a network of that size.
     *
     * @param saved the number of values of every saved array, by name
     */
    public void restrictTo(Map<String, Long> saved) {
        this.saved = Map.copyOf(saved);
    }

    Entry get(String name, int rows, int cols, boolean trainable, Supplier<INDArray> init) {
        Entry e = entries.get(name);
        if (e == null && saved != null) {
            Long have = saved.get(name);
            if (have == null) {
                throw new ModelFileException("model file lacks array '" + name
                        + "' that this network needs");
            }
            if (have != (long) rows * cols) {
                throw new ModelFileException("model array '" + name + "' has " + have
                        + " values, the network needs " + rows + " × " + cols);
            }
        }
        if (e != null) {
            if (e.rows != rows || e.cols != cols || e.trainable != trainable) {
                throw new IllegalStateException("array '" + name + "' asked for as " + rows + " × " + cols
                        + (trainable ? " parameter" : " constant") + ", declared as " + e.rows + " × " + e.cols
                        + (e.trainable ? " parameter" : " constant"));
            }
            return e;
        }
        e = new Entry(name, rows, cols, trainable, precision);
        INDArray value = init.get();
        if (value.length() != (long) rows * cols) {
            throw new IllegalStateException("initial value of '" + name + "' has " + value.length() + " values, "
                    + "expected " + rows + " × " + cols);
        }
        e.assign(value);
        entries.put(name, e);
        shapes.put(name, new long[] {rows, cols});
        return e;
    }

    /**
     * @param name a name
     * @return the entry, or null
     */
    public Entry entry(String name) {
        return entries.get(name);
    }

    /** @return the trainable parameters, in declaration order */
    public List<Entry> trainable() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.trainable) {
                out.add(e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return every entry, in declaration order */
    public List<Entry> all() {
        return List.copyOf(entries.values());
    }

    /** Sets every gradient to 0. */
    public void zeroGrad() {
        for (Entry e : entries.values()) {
            e.zeroGrad();
        }
    }

    /**
     * @param name an entry's name
     * @param shape the shape the caller uses for it (as a SameDiff variable has it, e.g. {@code [n]} for a vector)
     */
    public void setShape(String name, long... shape) {
        Entry e = entries.get(name);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        if (e == null || n != e.size()) {
            throw new IllegalArgumentException("no entry '" + name + "' with " + n + " values");
        }
        shapes.put(name, shape.clone());
    }

    /** @return copies of every array by name, in their declared shapes (what a model file stores) */
    public Map<String, INDArray> export() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        entries.forEach((name, e) -> out.put(name, e.toINDArray().reshape(shapes.get(name))));
        return out;
    }

    /**
     * @param name an entry's name
     * @return a copy of its values, in its declared shape
     */
    public INDArray value(String name) {
        Entry e = require(name);
        return e.toINDArray().reshape(shapes.get(name));
    }

    /**
     * Overwrites one entry.
     *
     * @param name the entry's name
     * @param value the new values (any shape with the same number of values, row-major)
     */
    public void assign(String name, INDArray value) {
        Entry e = require(name);
        if (value.length() != e.size()) {
            throw new IllegalArgumentException("'" + name + "' has " + e.size() + " values, got " + value.length());
        }
        e.assign(value);
    }

    /** @return the declared shape of every entry, by name */
    public Map<String, long[]> shapes() {
        Map<String, long[]> out = new LinkedHashMap<>();
        shapes.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    private Entry require(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no array '" + name + "'; this network has " + entries.keySet());
        }
        return e;
    }
}
