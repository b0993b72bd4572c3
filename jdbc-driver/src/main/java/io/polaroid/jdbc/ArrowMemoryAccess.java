package io.polaroid.jdbc;

import java.nio.Buffer;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Checks, before anything touches Arrow memory, that this JVM lets Arrow read {@code java.nio.Buffer}'s
 * private address field. Arrow reads it while initialising its memory classes; without
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on JDK 17+ that initialisation fails with an
 * {@code ExceptionInInitializerError} and every later use with {@code NoClassDefFoundError}, which tell
 * a DBeaver or Tableau user nothing. This check turns it into an SQLException that names the flag and
 * where to put it.
 */
final class ArrowMemoryAccess {
    static final String FLAG = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    private ArrowMemoryAccess() {
    }

    /** @throws SQLException 08001 when Arrow could not reach the field */
    static void check() throws SQLException {
        if (!isOpenToArrow()) {
            throw missingFlag(null);
        }
    }

    /**
     * Whether {@code java.nio} is open to the module Arrow's memory classes live in (the unnamed module of
     * their class loader when Arrow is on the class path, as it is in every Polaroid jar). Referring to
     * the class does not initialise it.
     */
    static boolean isOpenToArrow() {
        Module arrow = org.apache.arrow.memory.util.MemoryUtil.class.getModule();
        return Buffer.class.getModule().isOpen("java.nio", arrow);
    }

    /** The error for a JVM without the flag; {@code cause} is Arrow's own failure when there was one. */
    static SQLException missingFlag(Throwable cause) {
        return new SQLNonTransientConnectionException("Polaroid cannot use Apache Arrow memory in this JVM: Java "
                + Runtime.version().feature() + " needs the JVM option " + FLAG + ". Add it to the JVM options of the "
                + "application that loads the driver: for DBeaver a line after -vmargs in dbeaver.ini; for Tableau "
                + "and other tools that start their own JVM the JAVA_TOOL_OPTIONS environment variable; for your own "
                + "program the java command line (or JDK_JAVA_OPTIONS), or 'Add-Opens: java.base/java.nio' in the "
                + "manifest of an executable jar.", "08001", cause);
    }
}
