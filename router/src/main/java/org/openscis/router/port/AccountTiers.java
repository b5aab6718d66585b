package org.openscis.router.port;

import java.time.Instant;
import java.util.Optional;

/** The KYC tier of a card's account as the App Gateway last reported it (ACCOUNT_UPDATE_NOTIFICATION). */
public interface AccountTiers {

    /** The stored tier of the card's account, empty if never reported (the product's default tier applies). */
    Optional<String> tier(String cardId);

    void setTier(String cardId, String tier, Instant now);
}
