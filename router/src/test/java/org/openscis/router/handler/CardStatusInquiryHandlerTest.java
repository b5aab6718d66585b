package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openscis.codec.ResponseCode;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.StateReason;
import org.openscis.router.testing.RouterFixture;

class CardStatusInquiryHandlerTest {

    private final RouterFixture f = new RouterFixture();
    private final CardStatusInquiryHandler handler = new CardStatusInquiryHandler(f.cards);
    private final String token = RouterFixture.tokenNumber("55");

    private Outcome inquire(String tokenNumber, String device) {
        return run(handler, f.request(MessageType.CARD_STATUS_INQUIRY,
                trx("deviceID", device, "userID", USER, "token", tokenNumber)));
    }

    @ParameterizedTest
    @CsvSource({
        "ACTIVE, ACTIVE, ACTIVE", "SUSPENDED, ACTIVE, SUSPENDED", "DELETED, ACTIVE, DELETED",
        "ACTIVE, SUSPENDED, SUSPENDED", "ACTIVE, DELETED, DELETED", "SUSPENDED, DELETED, DELETED",
        "SUSPENDED, SUSPENDED, SUSPENDED"})
    void reportsTheTokenStateUnlessTheCardIsWorse(CardState tokenState, CardState cardState, CardState reported) {
        CardRecord card = f.card("C1", RouterFixture.pan(RouterFixture.DEBIT, "55"), "2809", cardState,
                StateReason.NONE, RouterFixture.DEBIT, null);
        f.token(token, card, WALLET_ID, DEVICE, tokenState);
        Outcome outcome = inquire(token, DEVICE);
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().names()).containsExactly("deviceID", "cardStatus");
        assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        assertThat(outcome.trxInfo().string("cardStatus")).isEqualTo(reported.name());
    }

    @Test
    void tokenChecks() {
        CardRecord card = f.card("C1", RouterFixture.pan(RouterFixture.DEBIT, "55"), "2809");
        f.token(token, card, WALLET_ID, DEVICE, CardState.ACTIVE);
        assertThat(inquire(RouterFixture.withWrongCheckDigit(token), DEVICE).code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(inquire(RouterFixture.tokenNumber("56"), DEVICE).code()).isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        Outcome wrongDevice = inquire(token, OTHER_DEVICE);
        assertThat(wrongDevice.code()).isEqualTo(ResponseCode.INVALID_DEVICE);
        assertThat(wrongDevice.trxInfo().string("deviceID")).isEqualTo(OTHER_DEVICE);
        assertThat(run(handler, f.request(MessageType.CARD_STATUS_INQUIRY, f.otherWallet,
                trx("deviceID", DEVICE, "userID", USER, "token", token))).code())
                .isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
    }

    @Test
    void missingTokenIs30() {
        Outcome outcome = run(handler, f.request(MessageType.CARD_STATUS_INQUIRY, trx("deviceID", DEVICE, "userID", USER)));
        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).isEqualTo("token: is missing");
    }
}
