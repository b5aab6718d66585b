package org.openscis.router.port;

import java.time.Instant;

/**
 * Failed cardholder verifications (wrong expiry or CVN2) per card, so a caller cannot guess a known PAN's CVN2 by
 * trying all 1,000 values. The limit and the window are the adapter's configuration: a card is locked once it has
 * that many failures inside a window that starts at the first failure; a failure after the window starts a new
 * count. The adapter must count correctly when several switch nodes record failures of one card at once.
 */
public interface VerificationAttempts {

    /** True while {@code cardId} has reached the failure limit inside its current window. */
    boolean locked(String cardId, Instant now);

    /** Counts one failed verification of {@code cardId} at {@code now}. */
    void recordFailure(String cardId, Instant now);

    /** Forgets the failures of {@code cardId} (after a successful verification). */
    void reset(String cardId);
}
