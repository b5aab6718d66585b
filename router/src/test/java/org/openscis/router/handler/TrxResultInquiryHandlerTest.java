package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.MoneyFixture.BILLER;
import static org.openscis.router.testing.MoneyFixture.WALLET;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.MoneyFixture;
import org.openscis.router.testing.RouterFixture;

class TrxResultInquiryHandlerTest {

    private final MoneyFixture m = new MoneyFixture();
    private final Handler inquiry = m.handler(MessageType.TRX_RESULT_INQUIRY);
    private final CardRecord card = m.card("C1", "11", "774411220033");
    private final TokenRecord token = m.token("11", card);

    private Request billPayment(String referNo) {
        Request request = m.request(MessageType.BILL_PAYMENT, TrxInfo.builder()
                .put("deviceID", DEVICE).put("userID", USER).put("token", token.token())
                .put("trxAmt", "50").put("trxCurrency", "156").put("trxFeeAmt", "2")
                .put("merchantInfo", trx("mid", BILLER.mid())).put("referNo", referNo).build());
        run(m.handler(MessageType.BILL_PAYMENT), request);
        return request;
    }

    private TrxInfo.Builder ask(String origMsgId, String origMsgType) {
        return TrxInfo.builder()
                .put("deviceID", DEVICE)
                .put("userID", USER)
                .put("token", token.token())
                .put("origMsgID", origMsgId)
                .put("origMsgType", origMsgType);
    }

    private Outcome inquire(TrxInfo trxInfo) {
        return run(inquiry, m.request(MessageType.TRX_RESULT_INQUIRY, trxInfo));
    }

    @Test
    void anApprovedPayment() {
        Request original = billPayment("bill-7");
        Outcome outcome = inquire(ask(original.msgInfo().msgID(), "BILL_PAYMENT")
                .put("trxAmt", "50.00").put("trxCurrency", "156").build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo()).isEqualTo(TrxInfo.builder()
                .put("deviceID", DEVICE)
                .put("origMsgType", "BILL_PAYMENT")
                .put("trxAmt", "50.00")
                .put("trxCurrency", "156")
                .put("paymentStatus", "APPROVED")
                .put("rejectionReason", "APPROVED")
                .put("referNo", "bill-7")
                .build());
    }

    @Test
    void aDeclinedPaymentIsFoundToo() {
        m.cbs.answer(ResponseCode.INSUFFICIENT_BALANCE);
        Request original = billPayment(null);
        Outcome outcome = inquire(ask(original.msgInfo().msgID(), "BILL_PAYMENT").build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().string("paymentStatus")).isEqualTo("DECLINED");
        assertThat(outcome.trxInfo().string("rejectionReason")).isEqualTo("51 Insufficient balance");
        assertThat(outcome.trxInfo().has("referNo")).isFalse();
    }

    @Test
    void aPendingPaymentHasNoRejectionReason() {
        m.cbs.noAnswer();
        Request original = billPayment(null);
        Outcome outcome = inquire(ask(original.msgInfo().msgID(), "BILL_PAYMENT").build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().string("paymentStatus")).isEqualTo("PENDING");
        assertThat(outcome.trxInfo().has("rejectionReason")).isFalse();
    }

    @Test
    void aCashOutTokenReportsTheSwitchReference() {
        Request original = m.request(MessageType.GET_CASH_OUT_TOKEN, TrxInfo.builder()
                .put("deviceID", DEVICE).put("userID", USER).put("token", token.token())
                .put("trxTokenType", "WITHDRAW").put("trxAmt", "20").put("trxCurrency", "156").build());
        Outcome cashOut = run(m.handler(MessageType.GET_CASH_OUT_TOKEN), original);
        Outcome outcome = inquire(ask(original.msgInfo().msgID(), "GET_CASH_OUT_TOKEN").build());
        assertThat(outcome.trxInfo().string("referNo")).isEqualTo(cashOut.trxInfo().string("referNo"));
        assertThat(outcome.trxInfo().string("trxAmt")).isEqualTo("20.00");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "RESOLVED_APPROVED, 00, APPROVED, APPROVED",
        "RESOLVED_DECLINED, 12, DECLINED, 12 Invalid transaction",
        "REFUNDED, 00, REFUNDED, APPROVED",
        "CANCELLED, 00, CANCELLED, null",
        "SENT, null, PENDING, null",
        "RECEIVED, null, PENDING, null",
        "UNKNOWN, 04, PENDING, null"})
    void everyStateHasAPaymentStatus(TrxState state, String code, String status, String reason) {
        m.stored("T1", "A3999006120250615090000000001", MessageType.P2P_TRANSFER, CbsOperation.P2P_TRANSFER, card,
                token, 1234, state, code, Instant.parse("2025-06-15T09:00:00Z"));
        Outcome outcome = inquire(ask("A3999006120250615090000000001", "P2P_TRANSFER").build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().string("trxAmt")).isEqualTo("12.34");
        assertThat(outcome.trxInfo().string("paymentStatus")).isEqualTo(status);
        assertThat(outcome.trxInfo().string("rejectionReason")).isEqualTo(reason);
    }

    @Test
    void anOriginalThatIsNotTheRequestersIs25() {
        Request original = billPayment(null);
        String msgId = original.msgInfo().msgID();
        assertThat(inquire(ask("A3999006120250615090000000099", "BILL_PAYMENT").build()).code())
                .isEqualTo(ResponseCode.ORIGINAL_NOT_FOUND);
        Outcome wrongType = inquire(ask(msgId, "P2P_TRANSFER").build());
        assertThat(wrongType.code()).isEqualTo(ResponseCode.ORIGINAL_NOT_FOUND);
        assertThat(wrongType.trxInfo()).isEqualTo(trx("deviceID", DEVICE));

        TokenRecord second = m.token("12", card, RouterFixture.WALLET_ID, OTHER_DEVICE, CardState.ACTIVE);
        assertThat(inquire(ask(msgId, "BILL_PAYMENT").put("token", second.token()).put("deviceID", OTHER_DEVICE)
                .build()).code()).as("made with another token").isEqualTo(ResponseCode.ORIGINAL_NOT_FOUND);

        TokenRecord theirs = m.token("13", card, RouterFixture.OTHER_WALLET_ID, "device-9", CardState.ACTIVE);
        assertThat(run(inquiry, m.f.request(MessageType.TRX_RESULT_INQUIRY, m.f.otherWallet,
                ask(msgId, "BILL_PAYMENT").put("token", theirs.token()).put("deviceID", "device-9").build())).code())
                .as("another participant's msgID").isEqualTo(ResponseCode.ORIGINAL_NOT_FOUND);
    }

    @Test
    void tokenChecksAndTheTokensStateDoesNotMatter() {
        Request original = billPayment(null);
        String msgId = original.msgInfo().msgID();
        assertThat(inquire(ask(msgId, "BILL_PAYMENT").put("token", RouterFixture.withWrongCheckDigit(token.token()))
                .build()).code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(inquire(ask(msgId, "BILL_PAYMENT").put("token", MoneyFixture.tokenNumber(WALLET, "99")).build())
                .code()).isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        assertThat(inquire(ask(msgId, "BILL_PAYMENT").put("deviceID", OTHER_DEVICE).build()).code())
                .isEqualTo(ResponseCode.INVALID_DEVICE);
        m.f.cards.updateTokenState(token.token(), CardState.ACTIVE, token.withState(CardState.SUSPENDED,
                m.f.clock.instant()));
        assertThat(inquire(ask(msgId, "BILL_PAYMENT").build()).code()).isEqualTo(ResponseCode.APPROVED);
    }

    @ParameterizedTest
    @CsvSource({"origMsgID, A123, origMsgID: must be 17 to 49 characters",
        "origMsgID, A3999006120250615-90000000001, origMsgID: must be letters and digits",
        "trxAmt, '', trxAmt: must be 1 to 32 characters", "trxCurrency, 15, trxCurrency: must be 3 characters"})
    void malformedFieldsAre30(String field, String value, String message) {
        Outcome outcome = inquire(ask("A3999006120250615090000000001", "BILL_PAYMENT").put(field, value).build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).isEqualTo(message);
    }

    @Test
    void missingOrigMsgTypeIs30() {
        assertThat(inquire(ask("A3999006120250615090000000001", null).build()).responseMsg())
                .isEqualTo("origMsgType: is missing");
    }
}
