package org.sgm.core.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Reading and editing one entry of a model file (a zip archive), for tests that tamper with model files. */
public final class ZipEntries {
    private ZipEntries() {}

    /** An edit of an entry's bytes. */
    public interface Edit {
        /**
         * @param content the entry's bytes (may be changed in place)
         * @return the new bytes
         * @throws Exception if the edit fails
         */
        byte[] apply(byte[] content) throws Exception;
    }

    /**
     * @param zip an archive
     * @param name an entry's name
     * @return the entry's bytes
     * @throws Exception if the archive cannot be read
     * @throws AssertionError if there is no such entry
     */
    public static byte[] entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name);
    }

    /**
     * @param zip an archive
     * @param name the entry to edit
     * @param edit the edit
     * @return the archive with that entry edited and every other entry copied, in the same order
     * @throws Exception if the archive cannot be read or the edit fails
     */
    public static byte[] rewrite(byte[] zip, String name, Edit edit) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(buf)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] b = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(name) ? edit.apply(b) : b);
                out.closeEntry();
            }
        }
        return buf.toByteArray();
    }
}
