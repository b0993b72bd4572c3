package io.polaroid.engine.plan;

/** Turns Calcite's "cannot implement" failures into a sentence about the SQL feature at fault. */
final class Unsupported {
    private Unsupported() {
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        StringBuilder detail = new StringBuilder();
        while (root != null) {
            String message = root.getMessage();
            if (message != null && !message.isBlank() && detail.length() == 0
                    && !message.startsWith("Unable to implement")) {
                detail.append(message.lines().findFirst().orElse(message));
            }
            for (Throwable suppressed : root.getSuppressed()) {
                if (detail.length() == 0 && suppressed.getMessage() != null) {
                    detail.append(suppressed.getMessage().lines().findFirst().orElse(""));
                }
            }
            root = root.getCause() == root ? null : root.getCause();
        }
        return detail.length() == 0 ? failure.getClass().getSimpleName() : detail.toString();
    }
}
