package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_WALLET_ID;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.ResponseCode;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.testing.RouterFixture;

class CardStatusManagementHandlerTest {

    private final RouterFixture f = new RouterFixture();
    private final CardStatusManagementHandler handler = new CardStatusManagementHandler(f.cards, f.clock);
    private final CardRecord card = f.card("C1", RouterFixture.pan(RouterFixture.DEBIT, "77"), "2809");
    private final String token = RouterFixture.tokenNumber("77");

    private Outcome act(String action) {
        return act(token, DEVICE, action);
    }

    private Outcome act(String tokenNumber, String device, String action) {
        return run(handler, f.request(MessageType.CARD_STATUS_MANAGEMENT,
                trx("deviceID", device, "userID", USER, "token", tokenNumber, "tokenAction", action)));
    }

    private CardState stored() {
        return f.cards.findToken(token).orElseThrow().state();
    }

    @ParameterizedTest
    @CsvSource({
        "ACTIVE, SUSPEND, SUSPENDED", "SUSPENDED, SUSPEND, SUSPENDED",
        "SUSPENDED, RESUME, ACTIVE", "ACTIVE, RESUME, ACTIVE",
        "ACTIVE, DELETE, DELETED", "SUSPENDED, DELETE, DELETED"})
    void stateMachine(CardState from, String action, CardState to) {
        f.token(token, card, WALLET_ID, DEVICE, from);
        Outcome outcome = act(action);
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().names()).containsExactly("deviceID", "tokenState");
        assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        assertThat(outcome.trxInfo().string("tokenState")).isEqualTo(to.name());
        assertThat(stored()).isEqualTo(to);
    }

    @Test
    void aChangeStampsTheUpdateTime() {
        f.token(token, card, WALLET_ID, DEVICE, CardState.ACTIVE);
        f.clock.advance(Duration.ofMinutes(5));
        act("SUSPEND");
        assertThat(f.cards.findToken(token).orElseThrow().updatedAt()).isEqualTo(f.clock.instant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPEND", "RESUME", "DELETE"})
    void anyActionOnADeletedTokenIs93(String action) {
        f.token(token, card, WALLET_ID, DEVICE, CardState.DELETED);
        Outcome outcome = act(action);
        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_ENROLL_STATE);
        assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        assertThat(stored()).isEqualTo(CardState.DELETED);
    }

    @Test
    void resumeWhileTheCardIsNotActiveIs21() {
        CardRecord lost = f.card("C2", RouterFixture.pan(RouterFixture.DEBIT, "78"), "2809", CardState.SUSPENDED,
                StateReason.LOST, RouterFixture.DEBIT, null);
        String t = RouterFixture.tokenNumber("78");
        f.token(t, lost, WALLET_ID, DEVICE, CardState.SUSPENDED);
        assertThat(act(t, DEVICE, "RESUME").code()).isEqualTo(ResponseCode.CARD_STATUS_ERROR);
        assertThat(f.cards.findToken(t).orElseThrow().state()).isEqualTo(CardState.SUSPENDED);
        // suspending or deleting the token of an unusable card is still allowed
        assertThat(act(t, DEVICE, "DELETE").code()).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void tokenChecksComeFromTheResolver() {
        f.token(token, card, WALLET_ID, DEVICE, CardState.ACTIVE);
        assertThat(act("1234567890123456", DEVICE, "SUSPEND").code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(act(RouterFixture.tokenNumber("79"), DEVICE, "SUSPEND").code())
                .isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        assertThat(act(token, OTHER_DEVICE, "SUSPEND").code()).isEqualTo(ResponseCode.INVALID_DEVICE);
        assertThat(run(handler, f.request(MessageType.CARD_STATUS_MANAGEMENT, f.otherWallet,
                trx("deviceID", DEVICE, "userID", USER, "token", token, "tokenAction", "SUSPEND"))).code())
                .isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        assertThat(stored()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void anotherParticipantsTokenIsNotTouched() {
        f.token(token, card, OTHER_WALLET_ID, DEVICE, CardState.ACTIVE);
        assertThat(act("DELETE").code()).isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        assertThat(stored()).isEqualTo(CardState.ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"delete", "CANCEL", ""})
    void unknownActionIs30(String action) {
        f.token(token, card, WALLET_ID, DEVICE, CardState.ACTIVE);
        Outcome outcome = act(action);
        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).startsWith("tokenAction");
    }

    @Test
    void missingFieldsAre30() {
        assertThat(run(handler, f.request(MessageType.CARD_STATUS_MANAGEMENT,
                trx("userID", USER, "token", token, "tokenAction", "DELETE"))).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(run(handler, f.request(MessageType.CARD_STATUS_MANAGEMENT,
                trx("deviceID", DEVICE, "token", token, "tokenAction", "DELETE"))).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(run(handler, f.request(MessageType.CARD_STATUS_MANAGEMENT,
                trx("deviceID", DEVICE, "userID", USER, "tokenAction", "DELETE"))).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
    }

    @Test
    void aRacingChangeIsSeenAndDecidedAgain() {
        TokenRecord original = f.token(token, card, WALLET_ID, DEVICE, CardState.ACTIVE);
        AtomicInteger races = new AtomicInteger();
        // Another request suspends the token between our read and our CAS, once.
        f.cards.beforeTokenCas(t -> {
            if (races.getAndIncrement() == 0) {
                f.cards.forceToken(original.withState(CardState.SUSPENDED, f.clock.instant()));
            }
        });
        Outcome outcome = act("DELETE");
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(stored()).isEqualTo(CardState.DELETED);
        assertThat(races).hasValue(2);
    }

    @Test
    void aRacingDeleteTurnsASuspendInto93() {
        TokenRecord original = f.token(token, card, WALLET_ID, DEVICE, CardState.ACTIVE);
        f.cards.beforeTokenCas(t -> f.cards.forceToken(original.withState(CardState.DELETED, f.clock.instant())));
        assertThat(act("SUSPEND").code()).isEqualTo(ResponseCode.INVALID_ENROLL_STATE);
    }

    @Test
    void endlessRacesGiveUpWith08() {
        TokenRecord original = f.token(token, card, WALLET_ID, DEVICE, CardState.ACTIVE);
        AtomicInteger attempts = new AtomicInteger();
        // Every CAS finds the token flipped to the other live state.
        f.cards.beforeTokenCas(t -> {
            CardState now = f.cards.findToken(t).orElseThrow().state();
            attempts.incrementAndGet();
            f.cards.forceToken(original.withState(now == CardState.ACTIVE ? CardState.SUSPENDED : CardState.ACTIVE,
                    f.clock.instant()));
        });
        Outcome outcome = act("DELETE");
        assertThat(outcome.code()).isEqualTo(ResponseCode.TSP_ERROR);
        assertThat(attempts).hasValue(CardStatusManagementHandler.MAX_ATTEMPTS);
        assertThat(stored()).isNotEqualTo(CardState.DELETED);
    }
}
