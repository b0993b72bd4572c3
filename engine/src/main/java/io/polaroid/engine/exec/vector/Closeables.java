package io.polaroid.engine.exec.vector;

import java.util.Arrays;
import org.apache.arrow.util.AutoCloseables;

/** Closing several resources so that one failing close does not leak the others. */
public final class Closeables {
    private Closeables() {
    }

    /**
     * Closes every non-null resource, in order, even when some fail; rethrows the first failure (unchecked
     * as is, checked wrapped) with the others suppressed.
     */
    public static void closeAll(AutoCloseable... resources) {
        try {
            AutoCloseables.close(Arrays.asList(resources));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing resources failed", e);
        }
    }
}
