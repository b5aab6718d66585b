package org.openscis.bench.load;

import java.util.Locale;
import java.util.Optional;

/**
 * The message types the load generator can send. Each knows what the switch's per-request crypto is for it
 * (always one UPI-JWS verify and one sign; enrolment adds a JWE decrypt of cvmInfo and a JWE encrypt of pan) and
 * whether it needs an enrolled token.
 */
public enum LoadType {
    CARD_STATUS_INQUIRY(true, false),
    CARD_BALANCE_INQUIRY(true, false),
    CARD_ENROLLMENT(false, true),
    CVM_INQUIRY(false, false);

    private final boolean needsToken;
    private final boolean jweBothWays;

    LoadType(boolean needsToken, boolean jweBothWays) {
        this.needsToken = needsToken;
        this.jweBothWays = jweBothWays;
    }

    /** Whether requests of this type name a token created in the warm-up phase. */
    public boolean needsToken() {
        return needsToken;
    }

    /** Whether the switch decrypts a JWE in the request and encrypts one into the response. */
    public boolean jweBothWays() {
        return jweBothWays;
    }

    /** The type with that wire name, in any letter case; empty for anything else. */
    public static Optional<LoadType> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (LoadType t : values()) {
            if (t.name().equals(upper)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
