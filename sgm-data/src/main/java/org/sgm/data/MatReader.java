package org.sgm.data;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.sgm.core.SgmException;
import org.sgm.core.data.InvalidDataException;
import org.sgm.core.io.Hashing;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sources;

/**
 * Reads MATLAB {@code .mat} files of level 5 (MATLAB v5 to v7, ODDS's format: {@code X}, rows × features, and
 * {@code y}, one 0/1 label per row) with the MAT File Library ({@code us.hebi.matlab.mat:mfl-core}). Version 7.3
 * files are HDF5 containers, which it does not read; they get a clear error.
 */
final class MatReader {
    private MatReader() {}

    /**
     * @param source the file's name, for messages
     * @param bytes the file
     * @param options label column (null: {@code y} is not read) and missing values
     * @return a table with columns {@code f1 … fd} from {@code X}, labelled by {@code y} if the file has it
     */
    static Table read(String source, byte[] bytes, ReadOptions options) {
        if (bytes.length >= 128 && bytes[124] == 0 && bytes[125] == 2
                || new String(bytes, 0, Math.min(bytes.length, 116), StandardCharsets.ISO_8859_1)
                        .startsWith("MATLAB 7.3")) {
            throw new InvalidDataException(source + ": a MATLAB v7.3 (HDF5) file, which SGM does not read; save it with"
                    + " save(..., '-v7') or convert it to .npz or .csv");
        }
        try (Mat5File mat = Mat5.newReader(Sources.wrap(bytes)).readMat()) {
            Matrix x = matrix(mat, "X", source);
            if (x == null) {
                throw new InvalidDataException(source + ": no variable 'X' (variables: " + names(mat)
                        + "); expected X (rows × features) and y (labels), as ODDS writes them");
            }
            int n = x.getNumRows();
            int d = x.getNumCols();
            if (x.getNumDimensions() != 2) {
                throw new InvalidDataException(source + ": 'X' has " + x.getNumDimensions()
                        + " dimensions, expected 2");
            }
            double[][] columns = new double[d][n];
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < n; i++) {
                    columns[j][i] = x.getDouble(i, j);
                }
            }
            Matrix y = options.labelColumn() == null ? null : matrix(mat, "y", source);
            double[] labels = null;
            if (y != null) {
                if (y.getNumElements() != n || Math.min(y.getNumRows(), y.getNumCols()) != 1) {
                    throw new InvalidDataException(source + ": 'y' is " + y.getNumRows() + " × " + y.getNumCols()
                            + ", expected " + n + " labels, one per row of X");
                }
                labels = new double[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = y.getDouble(i);
                }
            }
            return NumericTables.of(source, Hashing.sha256(bytes), columns, labels, "y", options);
        } catch (OutOfMemoryError e) {
            // A forged or corrupt dimension field makes the library reserve a buffer of that size; nothing else
            // was allocated, so this is safe to report as bad input (found by BinaryFormatsFuzzTest).
            throw new InvalidDataException(source + ": declares an array larger than the memory available ("
                    + e.getMessage() + "); the file is corrupt, or raise -Xmx / -XX:MaxDirectMemorySize", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SgmException se) {
                throw se;
            }
            throw new InvalidDataException(source + ": not a readable MATLAB v5 .mat file (" + why(e) + ")", e);
        }
    }

    /** @return why the library could not read the file, without Java class names (the message is for users) */
    private static String why(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof EOFException) {
            return "the file ends early: truncated, or not a .mat file";
        }
        String message = root.getMessage();
        return message == null || message.isBlank() || message.contains("Exception") ? "unreadable content"
                : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static Matrix matrix(MatFile mat, String name, String source) {
        for (MatFile.Entry e : mat.getEntries()) {
            if (e.getName().equals(name)) {
                Array value = e.getValue();
                if (!(value instanceof Matrix m) || m.isComplex()) {
                    throw new InvalidDataException(source + ": '" + name + "' is a " + value.getType()
                            + ", expected a real numeric matrix");
                }
                return m;
            }
        }
        return null;
    }

    private static String names(MatFile mat) {
        StringBuilder sb = new StringBuilder();
        for (MatFile.Entry e : mat.getEntries()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getName());
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
