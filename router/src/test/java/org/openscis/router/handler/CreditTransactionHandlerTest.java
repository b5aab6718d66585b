package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.MoneyFixture.AGENT;
import static org.openscis.router.testing.MoneyFixture.WALLET;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.MoneyFixture;
import org.openscis.router.testing.RouterFixture;

class CreditTransactionHandlerTest {

    private static final String ACCOUNT = "774411220033";

    private final MoneyFixture m = new MoneyFixture();
    private final Handler handler = m.handler(MessageType.CREDIT_TRANSACTION);
    private final CardRecord card = m.card("C1", "11", ACCOUNT);
    private final TokenRecord token = m.token("11", card);

    /** As in the real sample: no deviceID, no userID. */
    private TrxInfo.Builder topUp(String amount) {
        return TrxInfo.builder()
                .put("merchantInfo", trx("mid", AGENT.mid(), "merchantName", "mm"))
                .put("token", token.token())
                .put("trxAmt", amount)
                .put("trxCurrency", "156")
                .put("trxNote", "test");
    }

    private Outcome credit(TrxInfo trxInfo) {
        return run(handler, m.request(MessageType.CREDIT_TRANSACTION, trxInfo));
    }

    private Outcome credit(String amount) {
        return credit(topUp(amount).build());
    }

    @Test
    void aTopUpCreditsTheCardFromTheAgentInOneCbsCall() {
        Request request = m.request(MessageType.CREDIT_TRANSACTION, topUp("20").put("referNo", "r-9").build());

        Outcome outcome = run(handler, request);

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo()).isNull();
        var call = m.cbs.onlyCall().call();
        assertThat(call.operation()).isEqualTo(CbsOperation.CREDIT_TRANSACTION);
        TrxInfo sent = call.trxInfo();
        assertThat(sent.names()).containsExactly("relTrxMsgID", "relTrxType", "merchantInfo", "creditAccountInfo",
                "trxAmt", "trxCurrency", "billAmt", "billCurrency", "trxNote", "retrivlRefNum", "transDatetime",
                "traceNum", "referNo");
        assertThat(sent.string("relTrxMsgID")).isEqualTo(request.msgInfo().msgID());
        assertThat(sent.string("relTrxType")).isEqualTo("CREDIT_TRANSACTION");
        assertThat(sent.object("merchantInfo")).isEqualTo(trx("mid", AGENT.mid(), "merchantName", AGENT.name(),
                "mcc", "6012", "merchantCountry", "156"));
        assertThat(sent.object("creditAccountInfo")).isEqualTo(trx("token", token.token(), "pan", card.pan(),
                "accountNo", ACCOUNT));
        assertThat(sent.string("trxAmt")).isEqualTo("20.00");
        assertThat(sent.string("billAmt")).isEqualTo("20.00");
        assertThat(sent.string("referNo")).isEqualTo("r-9");
        MoneyTransaction trx = m.transactions.findByRequest(WALLET_ID, request.msgInfo().msgID()).orElseThrow();
        assertThat(trx.state()).isEqualTo(TrxState.APPROVED);
        assertThat(trx.operation()).isEqualTo(CbsOperation.CREDIT_TRANSACTION);
        assertThat(trx.deviceId()).as("the token's device").isEqualTo(DEVICE);
        assertThat(m.outbox.entries()).isEmpty();
    }

    @Test
    void aDeviceIsCheckedOnlyWhenGiven() {
        assertThat(credit(topUp("20").put("deviceID", DEVICE).put("userID", USER).build()).code())
                .isEqualTo(ResponseCode.APPROVED);
        assertThat(credit(topUp("20").put("deviceID", OTHER_DEVICE).build()).code())
                .isEqualTo(ResponseCode.INVALID_DEVICE);
        assertThat(credit(topUp("20").put("deviceID", "").build()).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
    }

    @Test
    void theMidMustBeAConfiguredAgent() {
        assertThat(credit(topUp("20").put("merchantInfo", trx("mid", MoneyFixture.BILLER.mid())).build()).code())
                .isEqualTo(ResponseCode.INVALID_MERCHANT);
        assertThat(credit(topUp("20").put("merchantInfo", trx("mid", "000000000000000")).build()).code())
                .isEqualTo(ResponseCode.INVALID_MERCHANT);
        assertThat(credit(topUp("20").remove("merchantInfo").build()).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(m.cbs.calls()).isEmpty();
    }

    @Test
    void tokenAndCardChecksApply() {
        assertThat(credit(topUp("20").put("token", RouterFixture.withWrongCheckDigit(token.token())).build()).code())
                .isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(credit(topUp("20").put("token", MoneyFixture.tokenNumber(WALLET, "99")).build()).code())
                .isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        m.f.cards.updateCardState(card.cardId(), CardState.SUSPENDED, StateReason.LOST);
        assertThat(credit("20").code()).isEqualTo(ResponseCode.LOST_CARD);
        m.f.cards.updateCardState(card.cardId(), CardState.ACTIVE, StateReason.NONE);
        m.f.cards.updateTokenState(token.token(), CardState.ACTIVE, token.withState(CardState.DELETED,
                m.f.clock.instant()));
        assertThat(credit("20").code()).isEqualTo(ResponseCode.CARD_STATUS_ERROR);
    }

    @Test
    void thePerTransactionLimitAppliesButNotTheDailyOutgoingOne() {
        m.limits(MoneyFixture.amountLimits(5000, 1000));
        m.stored("T1", "M1", MessageType.BILL_PAYMENT, CbsOperation.DEBIT_TRANSACTION, card, token, 1000,
                TrxState.APPROVED, "00", Instant.parse("2025-06-15T01:00:00Z"));
        assertThat(credit("50").code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(credit("50.01").code()).isEqualTo(ResponseCode.EXCEEDS_LIMIT);
    }

    @Test
    void otherRefusals() {
        assertThat(credit("0").code()).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(credit(topUp("20").put("trxCurrency", "999").build()).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        m.limits(MoneyFixture.blocking(Set.of(), Set.of("156")));
        assertThat(credit("20").code()).isEqualTo(ResponseCode.RESTRICTED);
        m.limits(MoneyFixture.cutOff(LocalTime.of(10, 0), LocalTime.of(10, 5), ZoneId.of("UTC")));
        assertThat(credit("20").code()).isEqualTo(ResponseCode.CUT_OFF);
        m.limits(MoneyFixture.tiers("1", Map.of(MessageType.CREDIT_TRANSACTION, 3)));
        assertThat(credit("20").code()).isEqualTo(ResponseCode.NOT_PERMITTED);
        CardRecord closed = m.card("C2", "22", "774411220034", CardState.ACTIVE, StateReason.NONE,
                RouterFixture.CLOSED);
        TokenRecord t = m.token("22", closed);
        assertThat(credit(topUp("20").put("token", t.token()).build()).code()).isEqualTo(ResponseCode.NOT_SUPPORTED);
        assertThat(m.cbs.calls()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"INSUFFICIENT_BALANCE", "INVALID_MERCHANT", "INVALID_CARD_NUMBER", "ISSUER_DECLINED",
        "ISSUER_VALIDATION_ERROR", "REFER_TO_ISSUER"})
    void cbsDeclinesPassThrough(ResponseCode code) {
        m.cbs.answer(code);
        Outcome outcome = credit("20");
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(outcome.trxInfo()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"ISSUER_SYSTEM_ERROR", "NETWORK_ERROR", "TIMEOUT"})
    void notSent(ResponseCode code) {
        m.cbs.notSent(code);
        assertThat(credit("20").code()).isEqualTo(code);
    }

    @Test
    void noAnswerIsPending() {
        m.cbs.noAnswer();
        assertThat(credit("20").code()).isEqualTo(ResponseCode.PENDING);
        assertThat(m.transactions.all()).singleElement().extracting(MoneyTransaction::state)
                .isEqualTo(TrxState.UNKNOWN);
    }
}
