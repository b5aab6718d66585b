package org.openscis.router.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openscis.router.port.UrlInquiries;
import org.openscis.router.port.UrlInquiry;

/** Answered URL inquiries in a map keyed by (insID, msgID); the first record of a key is kept. */
public final class InMemoryUrlInquiries implements UrlInquiries {

    private final Map<List<String>, UrlInquiry> byKey = new ConcurrentHashMap<>();

    @Override
    public void record(UrlInquiry inquiry) {
        byKey.putIfAbsent(List.of(inquiry.insId(), inquiry.msgId()), inquiry);
    }

    @Override
    public Optional<UrlInquiry> find(String insId, String msgId) {
        return Optional.ofNullable(byKey.get(List.of(insId, msgId)));
    }

    public int size() {
        return byKey.size();
    }
}
