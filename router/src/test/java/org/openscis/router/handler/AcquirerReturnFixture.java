package org.openscis.router.handler;

import static org.openscis.router.testing.Acquirers.ACQUIRER_ID;

import java.time.Instant;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Participant;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.Acquirers;
import org.openscis.router.testing.MoneyFixture;

/**
 * REFUND and CANCELLATION tests: the demo acquirer, a card of {@link Acquirers#QR_WALLET} with a token of the
 * wallet, and its approved CPQRC_PAYMENT {@link #PAYMENT_MSG_ID} of 100.00 CNY made at the fixture's clock.
 */
final class AcquirerReturnFixture {

    static final String PAYMENT_MSG_ID = "P480003442025061510000000001";
    static final String PAYMENT_TRX_ID = "U62900100202506151000000000001";
    static final long PAYMENT_MINOR = 10_000;

    final MoneyFixture m = new MoneyFixture();
    final Participant acquirer = Acquirers.acquirer(ACQUIRER_ID);
    final CardRecord card;
    final TokenRecord token;
    final MoneyTransaction payment;
    private int msgSeq;

    AcquirerReturnFixture() {
        m.f.catalog.add(Acquirers.QR_WALLET);
        card = m.card("C7", "71", "774411220077", CardState.ACTIVE, StateReason.NONE, Acquirers.QR_WALLET);
        token = m.token("71", card);
        payment = payment(PAYMENT_TRX_ID, PAYMENT_MSG_ID, PAYMENT_MINOR, TrxState.APPROVED);
    }

    MoneyTransaction payment(String trxId, String msgId, long minor, TrxState state) {
        return Acquirers.payment(m, trxId, ACQUIRER_ID, msgId, card, token, minor, state, m.f.clock.instant());
    }

    Handler handler(MessageType type) {
        return AcquirerHandlers.returns(m.ports(), m.moneyPorts()).stream()
                .filter(h -> h.type() == type).findFirst().orElseThrow();
    }

    /** A well-formed request against {@code origMsgId}. */
    static TrxInfo.Builder body(String origMsgId, String amount) {
        return TrxInfo.builder()
                .put("origMsgID", origMsgId)
                .put("trxAmt", amount)
                .put("trxCurrency", MoneyFixture.CNY)
                .put("merchantInfo", Acquirers.merchantInfo(Acquirers.MID))
                .put("retrivlRefNum", "202506150001")
                .put("traceNum", "000001")
                .put("transDatetime", "0615100000");
    }

    /** The next request of the acquirer, with a fresh msgID. */
    Request request(MessageType type, TrxInfo trxInfo) {
        return request(type, trxInfo, String.format("R4800034420250615%012d", ++msgSeq));
    }

    Request request(MessageType type, TrxInfo trxInfo, String msgId) {
        MsgInfo msgInfo = new MsgInfo("1.0.0", msgId, "20250615100000", type.name(), acquirer.insId());
        return new Request(type, Envelope.request(msgInfo, trxInfo), acquirer, m.f.clock.instant());
    }

    Outcome run(MessageType type, TrxInfo trxInfo) {
        return HandlerTesting.run(handler(type), request(type, trxInfo));
    }

    Outcome refund(String amount) {
        return run(MessageType.REFUND, body(PAYMENT_MSG_ID, amount).build());
    }

    Outcome cancel() {
        return run(MessageType.CANCELLATION, body(PAYMENT_MSG_ID, "100.00").build());
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
