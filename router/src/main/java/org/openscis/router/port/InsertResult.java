package org.openscis.router.port;

/**
 * What {@link CardRepository#insertCardWithToken} and {@link CardRepository#insertToken} did. The two refusals call
 * for different reactions: a taken number is bad luck (draw again), a live duplicate means a concurrent enrolment got
 * there first (read again and answer as if it had come first).
 */
public enum InsertResult {
    /** Stored. */
    INSERTED,
    /** A card id, PAN or token number is already taken; nothing was stored. */
    NUMBER_TAKEN,
    /**
     * Storing would break a liveness rule, so nothing was stored: the card already has a live (ACTIVE or SUSPENDED)
     * token on the token's device, or the account already has a live (not DELETED) card of the card's product.
     */
    ALREADY_LIVE
}
