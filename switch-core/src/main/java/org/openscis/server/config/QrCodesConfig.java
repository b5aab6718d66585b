package org.openscis.server.config;

import java.time.Duration;

/**
 * Consumer-presented codes ({@code qr.codes}, decisions.md §7): each code can be scanned for {@code validity}
 * (default 5 minutes); one QRC_GENERATION asks for at most {@code maxPerRequest} codes (default 10, at most 99: the
 * request's {@code cpqrcNo} has two digits).
 */
public record QrCodesConfig(Duration validity, int maxPerRequest) {

    public static QrCodesConfig defaults() {
        return new QrCodesConfig(Duration.ofMinutes(5), 10);
    }
}
