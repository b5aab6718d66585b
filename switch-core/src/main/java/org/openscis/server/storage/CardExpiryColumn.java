package org.openscis.server.storage;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.openscis.router.handler.CardExpiry;

/**
 * The {@code cards.expires_at} value of a card expiry (V6): the first instant, UTC, after the expiry month, since a
 * card is valid through the last day of its month (the rule of the router's {@code CardUsability}). An unreadable
 * expiry maps to {@link #UNREADABLE}, which every clock has passed: such a card counts as expired, as it does there.
 */
final class CardExpiryColumn {

    /** The value of a card whose stored expiry cannot be read. */
    static final long UNREADABLE = 0L;

    private CardExpiryColumn() {}

    /** {@code expires_at} of an expiry {@code YYMM}. */
    static long expiresAt(String yymm) {
        Optional<YearMonth> month = CardExpiry.parseYymm(yymm);
        return month.map(m -> m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli())
                .orElse(UNREADABLE);
    }

    /** True once {@code now} has reached {@code expiresAt}. */
    static boolean passed(long expiresAt, Instant now) {
        return now.toEpochMilli() >= expiresAt;
    }
}
