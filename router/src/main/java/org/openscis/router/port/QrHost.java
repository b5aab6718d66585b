package org.openscis.router.port;

import java.util.Optional;

/**
 * The UnionPay QR host as the switch sees it: resolves a URL-mode merchant code (qr.md §8) to the order behind it.
 * Implementations never throw for an unknown code; they answer empty.
 */
public interface QrHost {

    /** The order of the code {@code url} (compared byte for byte), or empty when the host does not know it. */
    Optional<UrlOrder> resolve(String url);
}
