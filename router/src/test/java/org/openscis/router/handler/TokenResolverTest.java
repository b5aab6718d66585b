package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_WALLET_ID;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.ResponseCode;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.testing.RouterFixture;

class TokenResolverTest {

    private final RouterFixture f = new RouterFixture();
    private final TokenResolver resolver = new TokenResolver(f.cards);
    private final CardRecord card = f.card("C1", RouterFixture.pan(RouterFixture.DEBIT, "1"), "2809");
    private final String token = RouterFixture.tokenNumber("1");

    @Test
    void resolvesTheTokenAndItsCard() {
        TokenRecord t = f.token(token, card, WALLET_ID, DEVICE, CardState.SUSPENDED);
        assertThat(resolver.resolve(token, DEVICE, WALLET_ID)).isEqualTo(new TokenResolution.Resolved(t, card));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "629261000000000", "62926100000000000000", "629261000000000000a", "6292610000000000001"})
    void malformedOrLuhnInvalidIs14(String bad) {
        assertThat(code(resolver.resolve(bad, DEVICE, WALLET_ID))).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
    }

    @Test
    void nullTokenIs14() {
        assertThat(code(resolver.resolve(null, DEVICE, WALLET_ID))).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
    }

    @Test
    void unknownTokenIs73() {
        assertThat(code(resolver.resolve(token, DEVICE, WALLET_ID))).isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
    }

    @Test
    void anotherParticipantsTokenLooksUnknown() {
        f.token(token, card, OTHER_WALLET_ID, DEVICE, CardState.ACTIVE);
        assertThat(code(resolver.resolve(token, DEVICE, WALLET_ID))).isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
    }

    @Test
    void anotherDeviceIs55() {
        f.token(token, card, WALLET_ID, DEVICE, CardState.ACTIVE);
        assertThat(code(resolver.resolve(token, OTHER_DEVICE, WALLET_ID))).isEqualTo(ResponseCode.INVALID_DEVICE);
    }

    @Test
    void aTokenWithoutItsCardIs08() {
        Instant at = Instant.EPOCH;
        f.cards.putToken(new TokenRecord(token, "C-missing", WALLET_ID, DEVICE, "u", "280930235959",
                CardState.ACTIVE, at, at));
        assertThat(code(resolver.resolve(token, DEVICE, WALLET_ID))).isEqualTo(ResponseCode.TSP_ERROR);
    }

    @Test
    void refusalsNeverEchoTheToken() {
        f.token(token, card, WALLET_ID, DEVICE, CardState.ACTIVE);
        TokenResolution.Refused refused = (TokenResolution.Refused) resolver.resolve(token, OTHER_DEVICE, WALLET_ID);
        assertThat(refused.toOutcome().responseMsg()).doesNotContain(token);
    }

    private static ResponseCode code(TokenResolution resolution) {
        assertThat(resolution).isInstanceOf(TokenResolution.Refused.class);
        return ((TokenResolution.Refused) resolution).code();
    }
}
