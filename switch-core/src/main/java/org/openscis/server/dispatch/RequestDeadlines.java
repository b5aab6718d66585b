package org.openscis.server.dispatch;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.openscis.router.MessageType;

/**
 * The end-to-end deadline of a request by its message type: one standard deadline (decisions.md §5, 8 s by default)
 * and longer ones for the few types that legitimately wait for a remote party before answering (CPQRC_PAYMENT waits
 * for the cardholder's verification, decisions.md §7). Immutable.
 */
public final class RequestDeadlines {

    private final Duration standard;
    private final Map<MessageType, Duration> byType;

    private RequestDeadlines(Duration standard, Map<MessageType, Duration> byType) {
        this.standard = standard;
        this.byType = byType;
    }

    /** Every type gets {@code standard}. */
    public static RequestDeadlines uniform(Duration standard) {
        requirePositive(standard);
        return new RequestDeadlines(standard, Map.of());
    }

    /** A copy in which {@code type} gets {@code deadline} instead of the standard one. */
    public RequestDeadlines with(MessageType type, Duration deadline) {
        Objects.requireNonNull(type, "type");
        requirePositive(deadline);
        Map<MessageType, Duration> copy = new EnumMap<>(MessageType.class);
        copy.putAll(byType);
        copy.put(type, deadline);
        return new RequestDeadlines(standard, Map.copyOf(copy));
    }

    public Duration of(MessageType type) {
        return byType.getOrDefault(type, standard);
    }

    public Duration standard() {
        return standard;
    }

    private static void requirePositive(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a request deadline must be positive, was " + d);
        }
    }

    @Override
    public String toString() {
        return "RequestDeadlines[standard " + standard + ", " + byType + "]";
    }
}
