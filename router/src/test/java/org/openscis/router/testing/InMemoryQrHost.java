package org.openscis.router.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openscis.router.port.QrHost;
import org.openscis.router.port.UrlOrder;

/** A QR host that knows the orders added to it, by their exact URL. */
public final class InMemoryQrHost implements QrHost {

    private final Map<String, UrlOrder> byUrl = new ConcurrentHashMap<>();

    public InMemoryQrHost add(UrlOrder order) {
        byUrl.put(order.url(), order);
        return this;
    }

    @Override
    public Optional<UrlOrder> resolve(String url) {
        return url == null ? Optional.empty() : Optional.ofNullable(byUrl.get(url));
    }
}
