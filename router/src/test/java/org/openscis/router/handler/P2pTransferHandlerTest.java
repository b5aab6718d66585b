package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.CardDataLeaks.assertNoCardData;
import static org.openscis.router.testing.MoneyFixture.WALLET;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_WALLET_ID;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.money.TrxResultNotifications;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.FakeFieldCrypto;
import org.openscis.router.testing.LogCapture;
import org.openscis.router.testing.MoneyFixture;
import org.openscis.router.testing.RouterFixture;

class P2pTransferHandlerTest {

    private static final String PAYER_ACCOUNT = "774411220033";
    private static final String PAYEE_ACCOUNT = "774411220044";

    private final MoneyFixture m = new MoneyFixture();
    private final Handler handler = m.handler(MessageType.P2P_TRANSFER);
    private final CardRecord payerCard = m.card("C1", "11", PAYER_ACCOUNT);
    private final TokenRecord payer = m.token("11", payerCard);
    private final CardRecord payeeCard = m.card("C2", "22", PAYEE_ACCOUNT);
    private final TokenRecord payee = m.token("22", payeeCard, OTHER_WALLET_ID, OTHER_DEVICE, CardState.ACTIVE);

    private TrxInfo.Builder transfer(String payeeJson, String amount) {
        return TrxInfo.builder()
                .put("deviceID", DEVICE)
                .put("userID", USER)
                .put("token", payer.token())
                .put("creditAccountInfo", FakeFieldCrypto.sealForSwitch(payeeJson))
                .put("trxAmt", amount)
                .put("trxCurrency", "156");
    }

    private Outcome send(TrxInfo trxInfo) {
        return run(handler, m.request(MessageType.P2P_TRANSFER, trxInfo));
    }

    private Outcome send(String payeeJson) {
        return send(transfer(payeeJson, "1").build());
    }

    private static String account(String accountNo) {
        return "{\"accountNo\":\"" + accountNo + "\"}";
    }

    @Test
    void aTransferToAnAccountIsOneCbsCallAndNotifiesBothSides() {
        Request request = m.request(MessageType.P2P_TRANSFER, transfer(
                "{\"accountNo\":\"" + PAYEE_ACCOUNT + "\",\"firstName\":\"Kai\",\"lastName\":\"Chen\"}", "1")
                .put("trxNote", "lunch").put("referNo", "p2p-1").put("riskInfo", trx("gps", "1,2")).build());

        Outcome outcome = run(handler, request);

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo()).isNull();
        var call = m.cbs.onlyCall().call();
        assertThat(call.operation()).isEqualTo(CbsOperation.P2P_TRANSFER);
        TrxInfo sent = call.trxInfo();
        assertThat(sent.names()).containsExactly("relTrxMsgID", "debitAccountInfo", "creditAccountInfo", "trxAmt",
                "trxCurrency", "billAmt", "billCurrency", "feeAmt", "markupAmt", "trxNote", "traceNum",
                "transDatetime", "referNo");
        assertThat(sent.string("relTrxMsgID")).isEqualTo(request.msgInfo().msgID());
        assertThat(sent.object("debitAccountInfo")).isEqualTo(trx("token", payer.token(), "pan", payerCard.pan(),
                "accountNo", PAYER_ACCOUNT));
        assertThat(sent.object("creditAccountInfo")).isEqualTo(trx("accountNo", PAYEE_ACCOUNT, "firstName", "Kai",
                "lastName", "Chen"));
        assertThat(sent.string("trxAmt")).isEqualTo("1.00");
        assertThat(sent.string("feeAmt")).isEqualTo("0");
        assertThat(sent.string("markupAmt")).isEqualTo("0");
        assertThat(sent.string("traceNum")).isEqualTo(call.cbsMsgId().substring(23));

        List<Notification> toPayer = m.outbox.to(WALLET_ID);
        assertThat(toPayer).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo(MessageType.TRX_RESULT_NOTIFICATION);
            assertThat(n.orderKey()).isEqualTo(payer.token());
            assertThat(n.trxInfo()).isEqualTo(TrxInfo.builder()
                    .put("deviceID", DEVICE)
                    .put("token", payer.token())
                    .put("trxMsgType", "P2P_TRANSFER")
                    .put("trxAmt", "1.00")
                    .put("trxCurrency", "156")
                    .put("trxNote", "lunch")
                    .put("paymentStatus", "APPROVED")
                    .put("rejectionReason", "APPROVED")
                    .put("referNo", "p2p-1")
                    .build());
        });
        assertThat(m.outbox.to(OTHER_WALLET_ID)).singleElement().satisfies(n -> {
            assertThat(n.orderKey()).isEqualTo(payee.token());
            assertThat(n.trxInfo().string("deviceID")).isEqualTo(OTHER_DEVICE);
            assertThat(n.trxInfo().string("token")).isEqualTo(payee.token());
            assertThat(n.trxInfo().string("paymentStatus")).isEqualTo("APPROVED");
            assertThat(n.trxInfo().has("referNo")).as("the payer's reference stays with the payer").isFalse();
        });
        MoneyTransaction trx = m.transactions.findByRequest(WALLET_ID, request.msgInfo().msgID()).orElseThrow();
        assertThat(trx.state()).isEqualTo(TrxState.APPROVED);
        assertThat(trx.notifyOnFinal()).isTrue();
    }

    @Test
    void aPayeeGivenByTokenOrPanIsCreditedOnItsCardsAccount() {
        assertThat(send("{\"token\":\"" + payee.token() + "\"}").code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(send("{\"pan\":\"" + payeeCard.pan() + "\"}").code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(m.cbs.calls()).hasSize(2).allSatisfy(c -> assertThat(c.call().trxInfo().object("creditAccountInfo"))
                .isEqualTo(trx("accountNo", PAYEE_ACCOUNT)));
        assertThat(m.outbox.to(OTHER_WALLET_ID)).hasSize(2);
    }

    @Test
    void aDeclinedTransferIsNotifiedToThePayerOnly() {
        m.cbs.answer(ResponseCode.INSUFFICIENT_BALANCE);
        Outcome outcome = send(account(PAYEE_ACCOUNT));
        assertThat(outcome.code()).isEqualTo(ResponseCode.INSUFFICIENT_BALANCE);
        assertThat(outcome.trxInfo()).isNull();
        assertThat(m.outbox.notifications()).singleElement().satisfies(n -> {
            assertThat(n.recipientInsId()).isEqualTo(WALLET_ID);
            assertThat(n.trxInfo().string("paymentStatus")).isEqualTo("DECLINED");
            assertThat(n.trxInfo().string("rejectionReason")).isEqualTo("51 Insufficient balance");
        });
    }

    @Test
    void aPendingTransferIsNotifiedOnlyOnceResolved() {
        m.cbs.noAnswer();
        assertThat(send(account(PAYEE_ACCOUNT)).code()).isEqualTo(ResponseCode.PENDING);
        assertThat(m.outbox.entries()).isEmpty();
        MoneyTransaction open = m.transactions.all().get(0);
        assertThat(open.state()).isEqualTo(TrxState.UNKNOWN);
        assertThat(open.notifyOnFinal()).isTrue();

        // what the background resolver does once the CBS says it was approved
        List<Notification> callbacks = new TrxResultNotifications(m.f.cards).forFinal(open,
                TrxState.RESOLVED_APPROVED, "00");
        assertThat(m.transactions.transition(open.trxId(), TrxState.UNKNOWN, TrxState.RESOLVED_APPROVED, "00",
                callbacks, m.f.clock.instant())).isTrue();
        assertThat(m.outbox.notifications()).extracting(Notification::recipientInsId)
                .containsExactly(WALLET_ID, OTHER_WALLET_ID);
        assertThat(m.outbox.to(WALLET_ID).get(0).trxInfo().string("paymentStatus")).isEqualTo("APPROVED");
    }

    @ParameterizedTest
    @CsvSource({"fakejwe-badkid.x", "fakejwe-tampered.x", "not-a-jwe"})
    void anUndecryptablePayeeIsA0(String sealed) {
        Outcome outcome = send(transfer("{}", "1").put("creditAccountInfo", sealed).build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.SIGNATURE_FAILURE);
        assertThat(outcome.responseMsg()).startsWith("creditAccountInfo: ");
        assertThat(m.transactions.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "not json", "{}", "{\"accountNo\":\"12345\"}", "{\"accountNo\":\"12345x7\"}",
        "{\"accountNo\":123456789}", "{\"firstName\":\"Kai\"}"})
    void contentThatNamesNoPayeeIs30(String content) {
        Outcome outcome = send(content);
        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).startsWith("creditAccountInfo");
        assertThat(m.cbs.calls()).isEmpty();
    }

    @Test
    void unknownOrMalformedPayeeCardsAre14() {
        assertThat(send("{\"token\":\"1234\"}").code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(send("{\"pan\":\"" + RouterFixture.withWrongCheckDigit(payeeCard.pan()) + "\"}").code())
                .isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(send("{\"token\":\"" + MoneyFixture.tokenNumber(WALLET, "98") + "\"}").code())
                .isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(send("{\"pan\":\"" + RouterFixture.pan(WALLET, "98") + "\"}").code())
                .isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        TokenRecord deleted = m.token("33", payeeCard, OTHER_WALLET_ID, "device-3", CardState.DELETED);
        assertThat(send("{\"token\":\"" + deleted.token() + "\"}").code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        CardRecord noAccount = m.card("C3", "44", null);
        assertThat(send("{\"pan\":\"" + noAccount.pan() + "\"}").code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        CardRecord gone = m.card("C4", "55", "774411220055", CardState.DELETED, StateReason.NONE, WALLET);
        assertThat(send("{\"pan\":\"" + gone.pan() + "\"}").code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(m.cbs.calls()).isEmpty();
    }

    @Test
    void payingOneselfOrAnotherIssuerIs12() {
        assertThat(send(account(PAYER_ACCOUNT)).code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(send("{\"token\":\"" + payer.token() + "\"}").code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        CardRecord sameAccount = m.card("C3", "44", PAYER_ACCOUNT);
        assertThat(send("{\"pan\":\"" + sameAccount.pan() + "\"}").code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        CardRecord foreign = m.card("C4", "55", "774411220055", CardState.ACTIVE, StateReason.NONE,
                MoneyFixture.FOREIGN);
        Outcome outcome = send("{\"pan\":\"" + foreign.pan() + "\"}");
        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(outcome.responseMsg()).isEqualTo("the payee's account is at another issuer");
        assertThat(m.cbs.calls()).isEmpty();
    }

    @Test
    void thePayersChecksApply() {
        m.limits(MoneyFixture.amountLimits(0, 1000));
        assertThat(send(transfer(account(PAYEE_ACCOUNT), "6").build()).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(send(transfer(account(PAYEE_ACCOUNT), "4.01").build()).code())
                .isEqualTo(ResponseCode.EXCEEDS_LIMIT);
        assertThat(send(transfer(account(PAYEE_ACCOUNT), "0").build()).code()).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(send(transfer(account(PAYEE_ACCOUNT), "1").put("deviceID", OTHER_DEVICE).build()).code())
                .isEqualTo(ResponseCode.INVALID_DEVICE);
        assertThat(send(transfer(account(PAYEE_ACCOUNT), "1").put("token", payee.token()).build()).code())
                .as("the payee's token belongs to another wallet").isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        m.f.cards.updateCardState(payerCard.cardId(), CardState.SUSPENDED, StateReason.STOLEN);
        assertThat(send(account(PAYEE_ACCOUNT)).code()).isEqualTo(ResponseCode.STOLEN_CARD);
    }

    @Test
    void missingFieldsAre30() {
        assertThat(send(transfer(account(PAYEE_ACCOUNT), "1").remove("creditAccountInfo").build()).responseMsg())
                .isEqualTo("creditAccountInfo: is missing");
        assertThat(send(transfer(account(PAYEE_ACCOUNT), "1").remove("userID").build()).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"INVALID_CARD_NUMBER", "INVALID_TRANSACTION", "INVALID_AMOUNT",
        "ISSUER_DECLINED", "OTP_MAX_TRIES", "OTP_EXPIRED", "INVALID_OTP", "OTP_NOT_FOUND", "ISSUER_MAC_FAILED"})
    void cbsDeclinesPassThrough(ResponseCode code) {
        m.cbs.answer(code);
        assertThat(send(account(PAYEE_ACCOUNT)).code()).isEqualTo(code);
        assertThat(m.outbox.notifications()).singleElement().extracting(n -> n.trxInfo().string("rejectionReason"))
                .isEqualTo(code.code() + " " + code.message());
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"ISSUER_SYSTEM_ERROR", "NETWORK_ERROR", "TIMEOUT"})
    void notSent(ResponseCode code) {
        m.cbs.notSent(code);
        assertThat(send(account(PAYEE_ACCOUNT)).code()).isEqualTo(code);
        assertThat(m.outbox.notifications()).hasSize(1);
    }

    @Test
    void noCardDataInOutcomesOrLogs() {
        try (LogCapture logs = new LogCapture()) {
            assertNoCardData(send("{\"pan\":\"" + payeeCard.pan() + "\"}"), payeeCard.pan(), PAYEE_ACCOUNT,
                    payerCard.pan(), PAYER_ACCOUNT);
            assertNoCardData(send(account(PAYER_ACCOUNT)), PAYER_ACCOUNT, payerCard.pan());
            assertNoCardData(send("{\"accountNo\":\"77441122x\"}"), "77441122");
            assertThat(logs.lines()).allSatisfy(line -> assertThat(line).doesNotContain(payeeCard.pan())
                    .doesNotContain(PAYEE_ACCOUNT).doesNotContain(PAYER_ACCOUNT).doesNotContain(payerCard.pan()));
        }
    }
}
