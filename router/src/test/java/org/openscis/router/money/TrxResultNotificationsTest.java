package org.openscis.router.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_WALLET_ID;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.MoneyFixture;

class TrxResultNotificationsTest {

    private static final Instant AT = Instant.parse("2025-06-15T09:00:00Z");

    private final MoneyFixture m = new MoneyFixture();
    private final TrxResultNotifications notifications = new TrxResultNotifications(m.f.cards);
    private final CardRecord card = m.card("C1", "11", "774411220033");
    private final TokenRecord token = m.token("11", card);

    private MoneyTransaction trx(MessageType type, CbsOperation operation, TrxInfo cbsRequest, TrxInfo reply) {
        MoneyTransaction stored = m.stored("T1", "M1", type, operation, card, token, 5000, TrxState.SENT, null, AT);
        return new MoneyTransaction(stored.trxId(), stored.insId(), stored.msgId(), type, stored.msgVersion(),
                stored.msgTimeStamp(), stored.issuerIin(), stored.cardId(), stored.token(), stored.deviceId(),
                operation, stored.amountMinor(), stored.currency(), cbsRequest, reply, stored.state(), null, true, 0,
                null, AT, AT);
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"BILL_PAYMENT", "CREDIT_TRANSACTION", "P2P_TRANSFER",
        "GET_CASH_OUT_TOKEN", "CPQRC_PAYMENT"})
    void theRequestersNotificationNamesTheRequestsType(MessageType type) {
        MoneyTransaction t = trx(type, CbsOperation.DEBIT_TRANSACTION, TrxInfo.builder().put("trxAmt", "50.00")
                .put("trxNote", "note").put("referNo", "ref-1").put("retrivlRefNum", "000000000001")
                .put("merchantInfo", TrxInfo.builder().put("mid", "m").put("merchantName", "City Power").build())
                .build(), null);
        Notification n = TrxResultNotifications.forTransaction(t, TrxState.RESOLVED_APPROVED, "00");
        assertThat(n.recipientInsId()).isEqualTo(WALLET_ID);
        assertThat(n.type()).isEqualTo(MessageType.TRX_RESULT_NOTIFICATION);
        assertThat(n.orderKey()).isEqualTo(token.token());
        assertThat(n.trxInfo()).isEqualTo(TrxInfo.builder()
                .put("deviceID", DEVICE)
                .put("token", token.token())
                .put("trxMsgType", type.name())
                .put("trxAmt", "50.00")
                .put("trxCurrency", "156")
                .put("trxNote", "note")
                .put("merchantName", "City Power")
                .put("retrivlRefNum", "000000000001")
                .put("paymentStatus", "APPROVED")
                .put("rejectionReason", "APPROVED")
                .put("referNo", "ref-1")
                .build());
    }

    @Test
    void theSwitchsReferenceWinsAndTheStoredTotalStandsInForAMissingAmount() {
        MoneyTransaction t = trx(MessageType.GET_CASH_OUT_TOKEN, CbsOperation.GET_CASH_OUT_TOKEN,
                TrxInfo.builder().put("referNo", "requester").build(), TrxInfo.builder().put("referNo", "switch")
                        .build());
        TrxInfo info = TrxResultNotifications.forTransaction(t, TrxState.DECLINED, "51").trxInfo();
        assertThat(info.string("referNo")).isEqualTo("switch");
        assertThat(info.string("trxAmt")).isEqualTo("50.00");
        assertThat(info.string("paymentStatus")).isEqualTo("DECLINED");
        assertThat(info.string("rejectionReason")).isEqualTo("51 Insufficient balance");
    }

    @Test
    void aMovementWithoutATokenIsOrderedByItsTrxId() {
        MoneyTransaction t = trx(MessageType.BILL_PAYMENT, CbsOperation.DEBIT_TRANSACTION, TrxInfo.EMPTY, null);
        MoneyTransaction tokenless = new MoneyTransaction(t.trxId(), t.insId(), t.msgId(), t.msgType(),
                t.msgVersion(), t.msgTimeStamp(), t.issuerIin(), t.cardId(), null, null, t.operation(),
                t.amountMinor(), t.currency(), t.cbsRequest(), null, t.state(), null, true, 0, null, AT, AT);
        Notification n = TrxResultNotifications.forTransaction(tokenless, TrxState.APPROVED, "00");
        assertThat(n.orderKey()).isEqualTo("T1");
        assertThat(n.trxInfo().has("token")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "APPROVED, 00, APPROVED", "RESOLVED_APPROVED, 00, APPROVED", "REFUNDED, 00, APPROVED",
        "DECLINED, 51, 51 Insufficient balance", "RESOLVED_DECLINED, 12, 12 Invalid transaction",
        "DECLINED, 92, 92 Network error", "DECLINED, ZZ, ZZ", "CANCELLED, 00, null",
        "UNKNOWN, 04, null", "SENT, null, null", "RECEIVED, null, null"})
    void rejectionReasons(TrxState state, String code, String reason) {
        assertThat(TrxResultNotifications.rejectionReason(state, code)).isEqualTo(reason);
    }

    @Test
    void anApprovedTransferAlsoNotifiesEveryLiveTokenOnThePayeesAccount() {
        CardRecord payeeCard = m.card("C2", "22", "774411220044");
        TokenRecord active = m.token("21", payeeCard, OTHER_WALLET_ID, OTHER_DEVICE, CardState.ACTIVE);
        TokenRecord suspended = m.token("22", payeeCard, WALLET_ID, "device-2", CardState.SUSPENDED);
        m.token("23", payeeCard, OTHER_WALLET_ID, "device-3", CardState.DELETED);
        CardRecord deletedCard = m.card("C3", "33", "774411220044", CardState.DELETED, StateReason.NONE,
                MoneyFixture.WALLET);
        m.token("31", deletedCard, OTHER_WALLET_ID, "device-4", CardState.ACTIVE);
        MoneyTransaction t = trx(MessageType.P2P_TRANSFER, CbsOperation.P2P_TRANSFER, TrxInfo.builder()
                .put("trxAmt", "50.00").put("referNo", "payer-ref")
                .put("creditAccountInfo", TrxInfo.builder().put("accountNo", "774411220044").build()).build(), null);

        List<Notification> all = notifications.forFinal(t, TrxState.APPROVED, "00");

        assertThat(all).extracting(Notification::orderKey).containsExactlyInAnyOrder(token.token(), active.token(),
                suspended.token());
        Notification toPayee = all.stream().filter(n -> n.orderKey().equals(active.token())).findFirst()
                .orElseThrow();
        assertThat(toPayee.recipientInsId()).isEqualTo(OTHER_WALLET_ID);
        assertThat(toPayee.trxInfo().string("deviceID")).isEqualTo(OTHER_DEVICE);
        assertThat(toPayee.trxInfo().string("trxMsgType")).isEqualTo("P2P_TRANSFER");
        assertThat(toPayee.trxInfo().has("referNo")).isFalse();

        assertThat(notifications.forFinal(t, TrxState.DECLINED, "51")).extracting(Notification::orderKey)
                .containsExactly(token.token());
        assertThat(notifications.forFinal(trx(MessageType.BILL_PAYMENT, CbsOperation.DEBIT_TRANSACTION,
                t.cbsRequest(), null), TrxState.APPROVED, "00")).hasSize(1);
    }
}
