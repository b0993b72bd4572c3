package io.polaroid.jdbc.auto;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The order in which the auto mode tries the modes, and why.
 *
 * <ol>
 *   <li>An explicit mode ({@code mode}, else {@code BACKEND_MODE}) is tried first, then the rest of the
 *       fallback chain in its order; {@code dataSizeThresholdMb} plays no part.</li>
 *   <li>Otherwise the fallback chain is the order of preference. With {@code dataSizeThresholdMb} set,
 *       remote in the chain, and a local mode with its input given: the data of the first such local
 *       mode in the chain is measured ({@link DataSize}). More than the threshold: remote moves to the
 *       front. At most the threshold: the local modes move ahead of remote. Either way the modes keep
 *       their chain order within their group. If the data cannot be measured the chain order stays.</li>
 * </ol>
 *
 * @param modes  the modes in the order to try them
 * @param reason how the order was chosen, for messages
 */
record AttemptOrder(List<ModeName> modes, String reason) {

    AttemptOrder {
        modes = List.copyOf(modes);
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param hasInput whether a mode's input (server, catalog, path) is given
     * @param dataSize the measured size of a local mode's data
     */
    static AttemptOrder of(AutoSettings settings, Predicate<ModeName> hasInput,
                           Function<ModeName, OptionalLong> dataSize) {
        if (settings.explicitMode().isPresent()) {
            return new AttemptOrder(settings.explicitOrder(), settings.explicitMode().get() + " from "
                    + settings.explicitSource() + ", then the fallback chain");
        }
        List<ModeName> chain = settings.fallback();
        if (settings.thresholdBytes().isEmpty() || !chain.contains(ModeName.REMOTE)) {
            return new AttemptOrder(chain, "fallback chain order");
        }
        Optional<ModeName> local = chain.stream().filter(ModeName::local).filter(hasInput).findFirst();
        if (local.isEmpty()) {
            return new AttemptOrder(chain, "fallback chain order (no local data to measure)");
        }
        OptionalLong size = dataSize.apply(local.get());
        long threshold = settings.thresholdBytes().getAsLong();
        if (size.isEmpty()) {
            return new AttemptOrder(chain, "fallback chain order (the size of the " + local.get()
                    + " data could not be measured)");
        }
        boolean remoteFirst = size.getAsLong() > threshold;
        List<ModeName> order = new ArrayList<>();
        chain.stream().filter(mode -> mode.local() != remoteFirst).forEach(order::add);
        chain.stream().filter(mode -> mode.local() == remoteFirst).forEach(order::add);
        String comparison = mib(size.getAsLong()) + (remoteFirst ? " > " : " <= ") + "dataSizeThresholdMb "
                + threshold / AutoSettings.MIB;
        return new AttemptOrder(order, "the " + local.get() + " data holds " + comparison
                + (remoteFirst ? ": remote first" : ": local modes first"));
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) AutoSettings.MIB);
    }
}
