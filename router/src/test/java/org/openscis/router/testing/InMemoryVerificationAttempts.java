package org.openscis.router.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.openscis.router.port.VerificationAttempts;

/** Failure counts in a map, with the window rules of the real adapter; all methods hold the object's lock. */
public final class InMemoryVerificationAttempts implements VerificationAttempts {

    private record Window(int failures, Instant start) {}

    private final int limit;
    private final Duration window;
    private final Map<String, Window> byCard = new HashMap<>();

    public InMemoryVerificationAttempts(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    @Override
    public synchronized boolean locked(String cardId, Instant now) {
        Window w = byCard.get(cardId);
        return w != null && open(w, now) && w.failures() >= limit;
    }

    @Override
    public synchronized void recordFailure(String cardId, Instant now) {
        Window w = byCard.get(cardId);
        byCard.put(cardId, w != null && open(w, now) ? new Window(w.failures() + 1, w.start()) : new Window(1, now));
    }

    @Override
    public synchronized void reset(String cardId) {
        byCard.remove(cardId);
    }

    /** The failures of {@code cardId} counted in its current window at {@code now}; 0 if none. */
    public synchronized int failures(String cardId, Instant now) {
        Window w = byCard.get(cardId);
        return w != null && open(w, now) ? w.failures() : 0;
    }

    private boolean open(Window w, Instant now) {
        return now.isBefore(w.start().plus(window));
    }
}
