package org.openscis.router.port;

/**
 * Card numbers and secrets the switch makes: random digits for new PANs and tokens, and CVN2 derived on demand with
 * a keyed function so it is never stored (decisions.md §6).
 */
public interface CardSecrets {

    /** {@code count} uniformly random decimal digits from a cryptographic source. */
    String randomDigits(int count);

    /** The 3-digit CVN2 of a PAN and its {@code YYMM} expiry. */
    String cvn2(String pan, String expiryYymm);
}
