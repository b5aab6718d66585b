package org.openscis.server.storage;

import java.time.Instant;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;

/** Cards and tokens for storage tests. Times are whole milliseconds, as storage keeps them. */
final class CardFixtures {

    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
    static final String IIN = "62000001";

    private CardFixtures() {}

    static final String PRODUCT = "1003";

    static CardRecord card(String cardId, String pan, String accountNo) {
        return card(cardId, pan, accountNo, PRODUCT);
    }

    static CardRecord card(String cardId, String pan, String accountNo, String productId) {
        return new CardRecord(cardId, pan, "2903", IIN, productId, accountNo, "Virtual Card", "100205",
                CardState.ACTIVE, StateReason.NONE, T0);
    }

    static TokenRecord token(String token, String cardId) {
        return new TokenRecord(token, cardId, "39990061", "device-" + token.substring(15), "user-1", "290331235959",
                CardState.ACTIVE, T0, T0);
    }
}
