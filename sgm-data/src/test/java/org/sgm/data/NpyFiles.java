package org.sgm.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes {@code .npy} files and {@code .npz} archives byte by byte, forged ones included, for the tests. */
final class NpyFiles {
    private NpyFiles() {}

    /**
     * @param version the format version byte (1, 2 and 3 are valid)
     * @param header the header dictionary, e.g. {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}
     * @param data the raw values
     * @return the file
     */
    static byte[] npy(int version, String header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        int prefix = version == 1 ? 10 : 12;
        StringBuilder h = new StringBuilder(header);
        while ((prefix + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] text = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        int n = text.length;
        if (version == 1) {
            out.writeBytes(new byte[] {(byte) n, (byte) (n >>> 8)});
        } else {
            out.writeBytes(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
        }
        out.writeBytes(text);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** A version-1 file of a C-ordered array. */
    static byte[] npy(String descr, String shape, byte[] data) {
        return npy(1, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }", data);
    }

    /**
     * @param compressed deflate the entries (as {@code np.savez_compressed}) or store them
     * @param entries name, file, name, file, ... (names with {@code .npy})
     * @return the archive
     */
    static byte[] npz(boolean compressed, Object... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(ZipOutputStream.DEFLATED);
            zip.setLevel(compressed ? 9 : 0);
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) entries[i]));
                zip.write((byte[]) entries[i + 1]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Little-endian doubles. */
    static byte[] f8(double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }
}
