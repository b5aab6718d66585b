package org.openscis.server.storage;

import java.time.Instant;
import java.util.List;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.TrxState;

/** Money transactions for storage tests. Times are whole milliseconds, as storage keeps them. */
final class MoneyFixtures {

    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
    static final String INS = "39990061";
    static final String IIN = "62000001";
    static final String CARD = "card-1";
    static final String TOKEN = "6291000000000000018";
    static final String PAN = "6200000112345678903";
    static final String ACCOUNT = "804412345678";
    static final String CASH_OUT_TOKEN = "918273645546372819";
    static final String CNY = "156";

    private MoneyFixtures() {}

    /** A RECEIVED debit of {@code amountMinor} on {@link #CARD}, due for resolution at {@code T0 + 10 s}. */
    static MoneyTransaction trx(String trxId, String msgId, long amountMinor) {
        return trx(trxId, msgId, CbsOperation.DEBIT_TRANSACTION, amountMinor, T0);
    }

    static MoneyTransaction trx(String trxId, String msgId, CbsOperation op, long amountMinor, Instant createdAt) {
        TrxInfo cbsRequest = TrxInfo.builder()
                .put("relTrxMsgID", msgId)
                .put("relTrxType", "BILL_PAYMENT")
                .put("debitAccountInfo", TrxInfo.builder()
                        .put("token", TOKEN).put("pan", PAN).put("accountNo", ACCOUNT).build())
                .put("trxAmt", "12.34")
                .put("trxCurrency", CNY)
                .put("trxToken", CASH_OUT_TOKEN)
                .put("tags", List.of("a", "b"))
                .build();
        TrxInfo approvedReply = TrxInfo.builder()
                .put("deviceID", "device-1")
                .put("trxToken", CASH_OUT_TOKEN)
                .put("trxAmt", "12.34")
                .build();
        return new MoneyTransaction(trxId, INS, msgId, MessageType.BILL_PAYMENT, "1.0.0", "20260301101530", IIN, CARD,
                TOKEN, "device-1", op, amountMinor, CNY, cbsRequest, approvedReply, TrxState.RECEIVED, null, false,
                0, createdAt.plusSeconds(10), createdAt, createdAt);
    }

    static MoneyTransaction withState(MoneyTransaction t, TrxState state, Instant nextAttemptAt) {
        return new MoneyTransaction(t.trxId(), t.insId(), t.msgId(), t.msgType(), t.msgVersion(), t.msgTimeStamp(),
                t.issuerIin(), t.cardId(), t.token(), t.deviceId(), t.operation(), t.amountMinor(), t.currency(),
                t.cbsRequest(), t.approvedReply(), state, t.responseCode(), t.notifyOnFinal(), t.attempts(),
                nextAttemptAt, t.createdAt(), t.updatedAt());
    }

    static MoneyTransaction onCard(MoneyTransaction t, String cardId, String currency) {
        return new MoneyTransaction(t.trxId(), t.insId(), t.msgId(), t.msgType(), t.msgVersion(), t.msgTimeStamp(),
                t.issuerIin(), cardId, t.token(), t.deviceId(), t.operation(), t.amountMinor(), currency,
                t.cbsRequest(), t.approvedReply(), t.state(), t.responseCode(), t.notifyOnFinal(), t.attempts(),
                t.nextAttemptAt(), t.createdAt(), t.updatedAt());
    }
}
