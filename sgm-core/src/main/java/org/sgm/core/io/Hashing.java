package org.sgm.core.io;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of bytes, as model files, data provenance and the bundled datasets' checks use it. */
public final class Hashing {
    private Hashing() {}

    /**
     * @param bytes data
     * @return its SHA-256 as lower-case hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
