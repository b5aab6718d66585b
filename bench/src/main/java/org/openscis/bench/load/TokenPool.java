package org.openscis.bench.load;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Tokens enrolled in the warm-up phase, handed out round robin to the inquiries of the load phase. Thread-safe. */
final class TokenPool {

    /** A token with the device and user it was enrolled for: inquiries must name the same ones. */
    record Enrolled(String deviceId, String userId, String token) {}

    private final List<Enrolled> tokens;
    private final AtomicLong next = new AtomicLong();

    TokenPool(List<Enrolled> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    static TokenPool empty() {
        return new TokenPool(List.of());
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    int size() {
        return tokens.size();
    }

    /** The next token; only call on a non-empty pool. */
    Enrolled next() {
        return tokens.get((int) Math.floorMod(next.getAndIncrement(), (long) tokens.size()));
    }
}
