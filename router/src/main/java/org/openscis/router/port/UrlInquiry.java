package org.openscis.router.port;

import java.time.Instant;
import java.util.Objects;

/** One answered QRC_INFO_INQUIRY: who asked (insID, msgID, device), for which code, what the host said and when. */
public record UrlInquiry(String insId, String msgId, String url, UrlOrder order, String deviceId, Instant at) {

    public UrlInquiry {
        Objects.requireNonNull(insId, "insId");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(at, "at");
    }
}
