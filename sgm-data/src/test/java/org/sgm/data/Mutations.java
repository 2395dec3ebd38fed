package org.sgm.data;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Random mutations of valid files, shared by the fuzz tests. */
final class Mutations {
    private static final byte[] INSERTS = {'"', ',', '\n', '\r', ' ', '0', '.', 'e', '-', '+', 'x', (byte) 0xC3,
        (byte) 0xFF, (byte) 0x80, (byte) 0xED, 0};

    private Mutations() {}

    /** Applies one to four random mutations. */
    static byte[] mutate(byte[] in, SplittableRandom rng) {
        byte[] b = in;
        int n = 1 + rng.nextInt(4);
        for (int k = 0; k < n; k++) {
            int at = b.length == 0 ? 0 : rng.nextInt(b.length + 1);
            switch (rng.nextInt(7)) {
                case 0 -> { // flip one bit
                    if (b.length > 0) {
                        b = b.clone();
                        int i = Math.min(at, b.length - 1);
                        b[i] ^= (byte) (1 << rng.nextInt(8));
                    }
                }
                case 1 -> b = Arrays.copyOf(b, at); // truncate
                case 2 -> b = insert(b, at, new byte[] {INSERTS[rng.nextInt(INSERTS.length)]});
                case 3 -> { // delete a span
                    int to = Math.min(b.length, at + 1 + rng.nextInt(8));
                    b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, to, b.length));
                }
                case 4 -> { // repeat a span
                    int to = Math.min(b.length, at + 1 + rng.nextInt(12));
                    b = insert(b, to, Arrays.copyOfRange(b, at, to));
                }
                case 5 -> b = insert(b, at, new byte[] {(byte) rng.nextInt(256)}); // any byte
                default -> { // a run of quotes, separators and line breaks
                    byte[] run = new byte[1 + rng.nextInt(4)];
                    for (int i = 0; i < run.length; i++) {
                        run[i] = INSERTS[rng.nextInt(4)];
                    }
                    b = insert(b, at, run);
                }
            }
        }
        return b;
    }

    static byte[] insert(byte[] b, int at, byte[] what) {
        return concat(concat(Arrays.copyOf(b, at), what), Arrays.copyOfRange(b, at, b.length));
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte x : bytes) {
            int c = x & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F && c != '\\' ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.toString();
    }
}
