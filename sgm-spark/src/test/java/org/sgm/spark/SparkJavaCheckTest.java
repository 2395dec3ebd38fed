package org.sgm.spark;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sgm.core.SgmException;

/** The refusal to start Spark on a Java it cannot run on; runs on every Java, since it starts no Spark. */
class SparkJavaCheckTest {

    @Test
    void javaUpToTwentyTwoIsAccepted() {
        for (int feature : new int[] {17, 21, SparkScorer.NEWEST_JAVA}) {
            assertDoesNotThrow(() -> SparkScorer.requireSupportedJava(feature), "Java " + feature);
        }
    }

    @Test
    void newerJavaIsRefusedInOneLineNamingTheReleaseAndTheWayOut() {
        for (int feature : new int[] {SparkScorer.NEWEST_JAVA + 1, 25}) {
            SgmException e = assertThrows(SgmException.class, () -> SparkScorer.requireSupportedJava(feature));
            assertTrue(e.getMessage().contains("Java " + feature + " "), e.getMessage());
            assertTrue(e.getMessage().contains("JAVA_HOME"), e.getMessage());
            assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
        }
    }

    @Test
    void onThisJvmTheRefusalAndTheQueryAgree() {
        if (SparkScorer.javaSupported()) {
            assertDoesNotThrow(() -> SparkScorer.requireSupportedJava());
        } else {
            assertThrows(SgmException.class, () -> SparkScorer.requireSupportedJava());
        }
    }
}
