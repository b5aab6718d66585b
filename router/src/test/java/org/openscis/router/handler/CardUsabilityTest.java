package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openscis.codec.ResponseCode;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.StateReason;
import org.openscis.router.testing.MutableClock;

class CardUsabilityTest {

    private final MutableClock clock = MutableClock.at("2025-06-15T10:00:00Z");

    private static CardRecord card(String expiry, CardState state, StateReason reason) {
        return new CardRecord("C1", "6290010000000000", expiry, "62900100", "1003", null, "Debit Card", "100205",
                state, reason, Instant.EPOCH);
    }

    @ParameterizedTest
    @CsvSource({
        "SUSPENDED, LOST, 41", "SUSPENDED, STOLEN, 43", "SUSPENDED, FRAUD, 34", "SUSPENDED, EXPIRED, 54",
        "SUSPENDED, NONE, 21", "DELETED, NONE, 21", "DELETED, STOLEN, 43", "ACTIVE, FRAUD, 34"})
    void stateAndReasonSelectTheCode(CardState state, StateReason reason, String code) {
        assertThat(CardUsability.refusal(card("2809", state, reason), clock))
                .map(ResponseCode::code).contains(code);
    }

    @Test
    void activeCardWithinItsExpiryMonthIsUsable() {
        assertThat(CardUsability.refusal(card("2506", CardState.ACTIVE, StateReason.NONE), clock)).isEmpty();
        assertThat(CardUsability.refusal(card("2506", CardState.ACTIVE, null), clock)).isEmpty();
    }

    @Test
    void cardPastItsExpiryMonthIs54() {
        assertThat(CardUsability.refusal(card("2505", CardState.ACTIVE, StateReason.NONE), clock))
                .contains(ResponseCode.EXPIRED_CARD);
        clock.set(Instant.parse("2025-07-01T00:00:00Z"));
        assertThat(CardUsability.expired(card("2506", CardState.ACTIVE, StateReason.NONE), clock)).isTrue();
    }

    @Test
    void unreadableStoredExpiryCountsAsExpired() {
        assertThat(CardUsability.expired(card("99", CardState.ACTIVE, StateReason.NONE), clock)).isTrue();
    }
}
