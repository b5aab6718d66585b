package org.openscis.bench.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The load generator aims at a switch on this machine only: a constant-rate flood sent to a remote address by
 * mistake is an attack on someone. A remote target needs {@code --allow-remote}.
 */
final class LoopbackGuard {

    private LoopbackGuard() {}

    /** Why {@code baseUrl} may not be loaded, or empty when it is a loopback address (or remote is allowed). */
    static Optional<String> problem(String baseUrl, boolean allowRemote) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            return Optional.of("the base URL is not a URI: " + baseUrl);
        }
        String host = uri.getHost();
        if (host == null) {
            return Optional.of("the base URL has no host: " + baseUrl);
        }
        if (allowRemote) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of("cannot resolve " + host);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return Optional.of(host + " (" + address.getHostAddress() + ") is not a loopback address;"
                        + " load only a switch on this machine, or pass --allow-remote if you own the target");
            }
        }
        return Optional.empty();
    }
}
