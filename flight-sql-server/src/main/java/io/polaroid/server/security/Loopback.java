package io.polaroid.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** Whether a listen address is reachable only from this machine. */
final class Loopback {
    private Loopback() {
    }

    /**
     * True when every address {@code host} resolves to is a loopback address ({@code 127.0.0.0/8},
     * {@code ::1}). {@code 0.0.0.0}, a LAN address, or a name that may also resolve elsewhere is not; an
     * unresolvable name is not either (refusing is the safe answer).
     */
    static boolean isLoopback(String host) {
        Objects.requireNonNull(host, "host");
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
