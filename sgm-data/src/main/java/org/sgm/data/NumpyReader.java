package org.sgm.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.io.Hashing;

/**
 * Reads NumPy {@code .npy} files (one 2-D feature array, no labels) and {@code .npz} archives (ADBench's format:
 * arrays {@code X}, rows × features, and {@code y}, one 0/1 label per row), plain or compressed.
 *
 * <p>This is a reader of the documented {@code .npy} format (magic, header dictionary, raw values) rather than
 * ND4J's {@code Nd4j.createFromNpzFile}: measured with ND4J 1.0.0-M2.1, that refuses compressed archives
 * ({@code np.savez_compressed}) and reads a Fortran-ordered array transposed without a word.
 */
final class NumpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Set<String> SUPPORTED =
            Set.of("f8", "f4", "i8", "i4", "i2", "i1", "u8", "u4", "u2", "u1", "b1");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NumpyReader() {}

    /** A decoded array: its shape and its values in row-major (C) order. */
    record NdArray(int[] shape, double[] values) {
        int rows() {
            return shape.length == 0 ? 1 : shape[0];
        }

        int cols() {
            return shape.length < 2 ? 1 : shape[1];
        }
    }

    /**
     * @param source the file's name, for messages
     * @param bytes the {@code .npy} file
     * @param options label column (unused: a {@code .npy} file has no labels) and missing values
     * @return a table with columns {@code f1 … fd}, without labels
     */
    static Table readNpy(String source, byte[] bytes, ReadOptions options) {
        NdArray x = parse(source, bytes, new long[] {decodeBudget()});
        return NumericTables.of(source, Hashing.sha256(bytes), features(source, "the array", x), null, null,
                options);
    }

    /**
     * @param source the file's name, for messages
     * @param bytes the {@code .npz} archive
     * @param options label column (null: {@code y} is not read) and missing values
     * @return a table with columns {@code f1 … fd} from {@code X}, labelled by {@code y} if the archive has it
     */
    static Table readNpz(String source, byte[] bytes, ReadOptions options) {
        Map<String, NdArray> arrays = unzip(source, bytes, decodeBudget());
        NdArray x = arrays.get("X");
        if (x == null) {
            throw new InvalidDataException(source + ": no array 'X' (arrays: " + String.join(", ", arrays.keySet())
                    + "); expected X (rows × features) and y (labels), as ADBench writes them");
        }
        double[][] columns = features(source, "array 'X'", x);
        NdArray y = options.labelColumn() == null ? null : arrays.get("y");
        double[] labels = null;
        if (y != null) {
            if (y.values().length != x.rows() || y.shape().length > 2 || (y.shape().length == 2 && y.cols() != 1)) {
                throw new InvalidDataException(source + ": array 'y' has shape " + Arrays.toString(y.shape())
                        + ", expected " + x.rows() + " labels, one per row of X");
            }
            labels = y.values();
        }
        return NumericTables.of(source, Hashing.sha256(bytes), columns, labels, "y", options);
    }

    private static double[][] features(String source, String what, NdArray x) {
        if (x.shape().length != 2) {
            throw new InvalidDataException(source + ": " + what + " has shape " + Arrays.toString(x.shape())
                    + ", expected 2 dimensions (rows × features)");
        }
        int n = x.rows();
        int d = x.cols();
        double[][] columns = new double[d][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                columns[j][i] = x.values()[i * d + j];
            }
        }
        return columns;
    }

    /**
     * The most bytes the decoded arrays of one file may take as doubles: a sixth of the heap. Reading holds the
     * stored bytes, the decoded values, a transposed copy and the table's columns at once, so an array past this
     * would exhaust the heap (a small compressed file of bytes decodes to eight times its inflated size).
     */
    static long decodeBudget() {
        return Runtime.getRuntime().maxMemory() / 6;
    }

    /**
     * @param source the file's name, for messages
     * @param bytes the {@code .npz} archive
     * @param budget the most bytes its arrays may take decoded, as doubles, all together
     * @return its arrays, by name
     */
    static Map<String, NdArray> unzip(String source, byte[] bytes, long budget) {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        long[] left = {budget};
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.endsWith(".npy")) {
                    String key = name.substring(0, name.length() - 4);
                    if (arrays.containsKey(key)) {
                        throw new InvalidDataException(source + ": the archive holds array '" + key
                                + "' twice; which one is meant is unclear");
                    }
                    arrays.put(key, parse(source + " (array '" + key + "')", readEntry(source, name, zip), left));
                }
            }
        } catch (ZipException | IllegalArgumentException e) { // IAE: an entry name that is not valid UTF-8
            throw new InvalidDataException(source + ": not a valid .npz archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InvalidDataException(source + ": cannot read the archive (" + e.getMessage() + ")", e);
        }
        if (arrays.isEmpty()) {
            throw new InvalidDataException(source + ": not a .npz archive of NumPy arrays (no .npy entry found)");
        }
        return arrays;
    }

    /**
     * Reads one archive entry, refusing one that inflates to more than half the heap (a zip bomb, or an array that
     * could not be held anyway) before the memory runs out.
     */
    private static byte[] readEntry(String source, String name, ZipInputStream zip) throws IOException {
        long limit = Math.min(Integer.MAX_VALUE - 16L, Runtime.getRuntime().maxMemory() / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int r; (r = zip.read(buf)) > 0; ) {
            total += r;
            if (total > limit) {
                throw new InvalidDataException(source + ": entry '" + name + "' inflates to more than " + (limit >> 20)
                        + " MB, half the heap; raise -Xmx or convert the data to CSV");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    /**
     * @param source the array's name, for messages
     * @param bytes one {@code .npy} file
     * @param budget one element: the bytes the array may take decoded, as doubles; reduced by what it takes
     * @return the array
     */
    static NdArray parse(String source, byte[] bytes, long[] budget) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new InvalidDataException(source + ": not a NumPy .npy file (no \\x93NUMPY signature)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = Byte.toUnsignedInt(bytes[6]);
        if (major < 1 || major > 3) {
            throw new InvalidDataException(source + ": unsupported .npy format version " + major
                    + " (versions 1, 2 and 3 are read)");
        }
        if (major >= 2 && bytes.length < 12) {
            throw new InvalidDataException(source + ": truncated .npy header (format version " + major + ")");
        }
        in.position(8);
        long headerLength = major == 1 ? Short.toUnsignedInt(in.getShort()) : Integer.toUnsignedLong(in.getInt());
        if (in.position() + headerLength > bytes.length) {
            throw new InvalidDataException(source + ": unsupported or truncated .npy header (format version " + major
                    + ")");
        }
        String header = new String(bytes, in.position(), (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        in.position(in.position() + (int) headerLength);
        Matcher descr = find(DESCR, header, source, "'descr' (the element type)");
        boolean fortran = find(FORTRAN, header, source, "'fortran_order'").group(1).equals("True");
        int[] shape = shape(find(SHAPE, header, source, "'shape'").group(1), source);
        char kind = descr.group(2).charAt(0);
        String sizeText = descr.group(3);
        if (!SUPPORTED.contains(kind + sizeText)) {
            throw new InvalidDataException(source + ": element type " + abbreviate(descr.group())
                    + " is not supported (expected floats, integers or booleans: f4, f8, i1-i8, u1-u8, b1)");
        }
        int size = Integer.parseInt(sizeText);
        in.order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long count = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new InvalidDataException(source + ": the .npy shape " + Arrays.toString(shape)
                        + " has a negative dimension");
            }
            count = Math.min(count * s, Integer.MAX_VALUE + 1L); // saturate: no long overflow on forged shapes
        }
        if (count > Integer.MAX_VALUE || in.remaining() < count * size) {
            throw new InvalidDataException(source + ": the file holds fewer values than its shape "
                    + Arrays.toString(shape) + " says");
        }
        if (count * Double.BYTES > budget[0]) {
            throw new InvalidDataException(source + ": " + count + " values take " + (count * Double.BYTES >> 20)
                    + " MB decoded, more than the " + (budget[0] >> 20) + " MB left of a sixth of the heap"
                    + " (reading holds several copies); raise -Xmx (SGM_JAVA_OPTS) or convert the data to CSV");
        }
        budget[0] -= count * Double.BYTES;
        double[] values = new double[(int) count];
        for (int k = 0; k < values.length; k++) {
            values[k] = element(in, kind, size, source, descr.group());
        }
        return new NdArray(shape, fortran && shape.length == 2 ? toRowMajor(values, shape) : values);
    }

    private static double element(ByteBuffer in, char kind, int size, String source, String descr) {
        return switch (kind + "" + size) {
            case "f8" -> in.getDouble();
            case "f4" -> in.getFloat();
            case "i8" -> in.getLong();
            case "i4" -> in.getInt();
            case "i2" -> in.getShort();
            case "i1" -> in.get();
            case "u8" -> {
                long v = in.getLong();
                yield v >= 0 ? v : v + 0x1p64;
            }
            case "u4" -> Integer.toUnsignedLong(in.getInt());
            case "u2" -> Short.toUnsignedInt(in.getShort());
            case "u1", "b1" -> Byte.toUnsignedInt(in.get());
            default -> throw new InvalidDataException(source + ": element type " + descr + " is not supported"
                    + " (expected floats, integers or booleans)");
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "...";
    }

    private static double[] toRowMajor(double[] columnMajor, int[] shape) {
        int n = shape[0];
        int d = shape[1];
        double[] out = new double[columnMajor.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = columnMajor[j * n + i];
            }
        }
        return out;
    }

    private static Matcher find(Pattern pattern, String header, String source, String what) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new InvalidDataException(source + ": the .npy header has no readable " + what + ": "
                    + header.strip());
        }
        return m;
    }

    private static int[] shape(String text, String source) {
        String[] parts = text.split(",");
        return Arrays.stream(parts).map(String::strip).filter(s -> !s.isEmpty()).mapToInt(s -> {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new InvalidDataException(source + ": the .npy shape (" + text + ") is not a tuple of integers",
                        e);
            }
        }).toArray();
    }
}
