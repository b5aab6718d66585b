package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
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

class CashOutTokenHandlerTest {

    private static final String ACCOUNT = "774411220033";

    private final MoneyFixture m = new MoneyFixture();
    private final Handler handler = m.handler(MessageType.GET_CASH_OUT_TOKEN);
    private final CardRecord card = m.card("C1", "11", ACCOUNT);
    private final TokenRecord token = m.token("11", card);

    private TrxInfo.Builder cashOut(String type, String amount) {
        return TrxInfo.builder()
                .put("deviceID", DEVICE)
                .put("userID", USER)
                .put("token", token.token())
                .put("trxTokenType", type)
                .put("trxAmt", amount)
                .put("trxCurrency", "156");
    }

    private Outcome ask(TrxInfo trxInfo) {
        return run(handler, m.request(MessageType.GET_CASH_OUT_TOKEN, trxInfo));
    }

    private Outcome ask(String amount) {
        return ask(cashOut("WITHDRAW", amount).build());
    }

    @Test
    void aWithdrawTokenHoldsTheAmountAtTheCbs() {
        m.limits(MoneyFixture.cashOutValidity(10));
        Request request = m.request(MessageType.GET_CASH_OUT_TOKEN, cashOut("WITHDRAW", "20").build());

        Outcome outcome = run(handler, request);

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        TrxInfo reply = outcome.trxInfo();
        assertThat(reply.names()).containsExactly("trxToken", "referNo", "tokenExpiry");
        assertThat(reply.string("trxToken")).matches("\\d{18}");
        assertThat(reply.string("referNo")).isNotBlank();
        assertThat(reply.string("tokenExpiry")).isEqualTo("20250615101000");

        var call = m.cbs.onlyCall().call();
        assertThat(call.operation()).isEqualTo(CbsOperation.GET_CASH_OUT_TOKEN);
        TrxInfo sent = call.trxInfo();
        assertThat(sent.names()).containsExactly("relTrxMsgID", "trxTokenType", "trxToken", "tokenExpiry",
                "debitAccountInfo", "trxAmt", "trxCurrency", "traceNum", "transDatetime", "referNo");
        assertThat(sent.string("relTrxMsgID")).isEqualTo(request.msgInfo().msgID());
        assertThat(sent.string("trxTokenType")).isEqualTo("WITHDRAW");
        assertThat(sent.string("trxToken")).isEqualTo(reply.string("trxToken"));
        assertThat(sent.string("tokenExpiry")).isEqualTo("20250615101000");
        assertThat(sent.object("debitAccountInfo")).isEqualTo(trx("token", token.token(), "pan", card.pan(),
                "accountNo", ACCOUNT));
        assertThat(sent.string("trxAmt")).isEqualTo("20.00");
        assertThat(sent.string("referNo")).isEqualTo(reply.string("referNo"));

        MoneyTransaction trx = m.transactions.findByRequest(WALLET_ID, request.msgInfo().msgID()).orElseThrow();
        assertThat(trx.approvedReply()).isEqualTo(reply);
        assertThat(trx.operation()).isEqualTo(CbsOperation.GET_CASH_OUT_TOKEN);
        assertThat(m.outbox.entries()).isEmpty();
    }

    @Test
    void theDefaultValidityIsThirtyMinutes() {
        assertThat(ask("20").trxInfo().string("tokenExpiry")).isEqualTo("20250615103000");
    }

    @Test
    void aRetryGetsTheSameTokenWithoutASecondHold() {
        Request request = m.request(MessageType.GET_CASH_OUT_TOKEN, cashOut("WITHDRAW", "20").build());
        Outcome first = run(handler, request);
        Outcome again = run(handler, request);
        assertThat(again.trxInfo()).isEqualTo(first.trxInfo());
        assertThat(m.cbs.calls()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEPOSIT", "withdraw", "CASH"})
    void onlyWithdrawIsSupported(String type) {
        Outcome outcome = ask(cashOut(type, "20").build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.NOT_SUPPORTED);
        assertThat(outcome.responseMsg()).contains("only WITHDRAW").contains("DEPOSIT");
        assertThat(m.transactions.all()).isEmpty();
    }

    @Test
    void refusals() {
        assertThat(ask(cashOut("WITHDRAW", "20").remove("trxTokenType").build()).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(ask("20.001").code()).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(ask(cashOut("WITHDRAW", "20").put("deviceID", OTHER_DEVICE).build()).code())
                .isEqualTo(ResponseCode.INVALID_DEVICE);
        m.limits(MoneyFixture.amountLimits(0, 3000));
        assertThat(ask("20").code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(ask("10.01").code()).as("held amounts count against the daily limit")
                .isEqualTo(ResponseCode.EXCEEDS_LIMIT);
        m.limits(MoneyFixture.cutOff(LocalTime.of(9, 0), LocalTime.of(11, 0), ZoneId.of("UTC")));
        assertThat(ask("1").code()).isEqualTo(ResponseCode.CUT_OFF);
        m.f.cards.updateCardState(card.cardId(), CardState.SUSPENDED, StateReason.FRAUD);
        assertThat(ask("1").code()).isEqualTo(ResponseCode.FRAUD_CARD);
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"INSUFFICIENT_BALANCE", "INVALID_CARD_NUMBER", "INVALID_AMOUNT",
        "ISSUER_DECLINED", "NETWORK_ERROR"})
    void cbsDeclinesPassThroughWithoutAToken(ResponseCode code) {
        m.cbs.answer(code);
        Outcome outcome = ask("20");
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(outcome.trxInfo()).isNull();
    }

    @Test
    void noAnswerIsPendingWithoutAToken() {
        m.cbs.noAnswer();
        Outcome outcome = ask("20");
        assertThat(outcome.code()).isEqualTo(ResponseCode.PENDING);
        assertThat(outcome.trxInfo()).isNull();
        assertThat(m.transactions.all()).singleElement().extracting(MoneyTransaction::state)
                .isEqualTo(TrxState.UNKNOWN);
    }

    @Test
    void notSentIsDeclined() {
        m.cbs.notSent(ResponseCode.TIMEOUT);
        assertThat(ask("20").code()).isEqualTo(ResponseCode.TIMEOUT);
    }
}
