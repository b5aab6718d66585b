package org.openscis.router.handler;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.cpqrc.CpqrcPorts;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.CpqrPayment;
import org.openscis.router.port.CpqrPayments;
import org.openscis.router.port.CpqrVerdict;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.TransactionStore;
import org.openscis.router.port.TrxState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ADDITIONAL_PROCESSING_RESULT (protocol.md §3.15, §7.8): the wallet reports the cardholder's verdict on a
 * CPQRC_PAYMENT that awaits verification. Request: {@code deviceID}, {@code userID}, {@code token}, exactly one of
 * {@code emvCpqrcPayload} or {@code barcodeCpqrcPayload} (an array holding the one code of ADDITIONAL_PROCESSING),
 * {@code paymentStatus} (ANS 1-20; {@code CONTINUING} goes on, any other value declines), {@code origMsgID}? (the
 * ADDITIONAL_PROCESSING msgID, not interpreted), {@code rejectionReason}? (1-100). Malformed → 30.
 *
 * <p>The payment is found through the code: the code unknown, unused, or its payment unknown → 25; a token that is
 * not the code's → 14, then the usual token rules (14, 73, 55; the device must be the code's → 55); a payment that
 * needs no verification → 12; a payment whose verification is already decided (a result recorded before, the
 * timeout, or the payment already settled) → 78. Otherwise the verdict is recorded by compare-and-set (of two
 * concurrent results exactly one is recorded, the other gets 78), the payment's waiter on this node is woken (on
 * another node its poll finds the verdict), and the answer is 00 with no {@code trxInfo}.
 */
public final class AdditionalProcessingResultHandler extends SynchronousHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdditionalProcessingResultHandler.class);

    static final int PAYMENT_STATUS_MAX_CHARS = 20;
    static final int REJECTION_REASON_MAX_CHARS = 100;
    static final int MSG_ID_MAX_CHARS = 49;

    private final CpqrcPorts cpqrc;
    private final TransactionStore transactions;
    private final TokenResolver resolver;
    private final Clock clock;

    public AdditionalProcessingResultHandler(CpqrcPorts cpqrc, TransactionStore transactions, CardRepository cards,
            Clock clock) {
        super(MessageType.ADDITIONAL_PROCESSING_RESULT);
        this.cpqrc = cpqrc;
        this.transactions = transactions;
        this.resolver = new TokenResolver(cards);
        this.clock = clock;
    }

    @Override
    Outcome decide(Request request) {
        TrxReader r = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(r);
        RequestFields.userId(r);
        String token = RequestFields.token(r);
        String emv = singleCode(r, "emvCpqrcPayload", CpqrcPaymentHandler.EMV_PAYLOAD_MAX_CHARS);
        String barcode = singleCode(r, "barcodeCpqrcPayload", CpqrcPaymentHandler.BARCODE_DIGITS);
        if (!r.failed() && (emv == null) == (barcode == null)) {
            r.fail("emvCpqrcPayload", "exactly one of emvCpqrcPayload and barcodeCpqrcPayload must be given");
        }
        String status = r.required("paymentStatus", 1, PAYMENT_STATUS_MAX_CHARS, CharClass.ANS);
        r.optional("origMsgID", 1, MSG_ID_MAX_CHARS, CharClass.AN);
        String rejectionReason = r.optional("rejectionReason", 1, REJECTION_REASON_MAX_CHARS, CharClass.S);
        if (r.failed()) {
            return RequestFields.formatError(r);
        }

        Optional<CpqrCode> found = emv != null ? cpqrc.codes().findByPayload(emv)
                : cpqrc.codes().findByBarcode(barcode);
        if (found.isEmpty()) {
            return Outcome.fail(ResponseCode.ORIGINAL_NOT_FOUND, "no such code");
        }
        CpqrCode code = found.get();
        if (!code.token().equals(token)) {
            return Outcome.fail(ResponseCode.INVALID_CARD_NUMBER, "the code is not this token's");
        }
        TokenResolution resolution = resolver.resolve(token, deviceId, request.participant().insId());
        if (resolution instanceof TokenResolution.Refused refused) {
            return Outcome.fail(refused.code(), refused.detail());
        }
        if (!code.deviceId().equals(deviceId)) {
            return Outcome.fail(ResponseCode.INVALID_DEVICE, "the code is not this device's");
        }
        if (code.usedByInsId() == null || code.usedByMsgId() == null) {
            return Outcome.fail(ResponseCode.ORIGINAL_NOT_FOUND, "no payment was made with the code");
        }
        Optional<CpqrPayment> payment = cpqrc.payments().find(code.usedByInsId(), code.usedByMsgId());
        Optional<MoneyTransaction> trx = transactions.findByRequest(code.usedByInsId(), code.usedByMsgId());
        if (payment.isEmpty() || trx.isEmpty()) {
            return Outcome.fail(ResponseCode.ORIGINAL_NOT_FOUND, "no payment was made with the code");
        }
        CpqrPayment p = payment.get();
        if (!p.verificationRequired()) {
            return Outcome.fail(ResponseCode.INVALID_TRANSACTION, "the payment needs no cardholder verification");
        }
        TrxState state = trx.get().state();
        if (p.verdict() != null || !(state == TrxState.RECEIVED || state == TrxState.AWAITING_CVM)) {
            return Outcome.fail(ResponseCode.DUPLICATE_REQUEST, "the payment's verification is already decided");
        }
        CpqrVerdict verdict = CpqrVerdict.of(status, rejectionReason, request.participant().insId(),
                request.msgInfo().msgID(), clock.instant());
        CpqrPayments.RecordResult recorded = cpqrc.payments().recordVerdict(p.key().insId(), p.key().msgId(),
                verdict);
        return switch (recorded) {
            case RECORDED -> {
                LOG.info("verification of {}/{}: {} ({})", p.key().insId(), p.key().msgId(), verdict.kind(),
                        status);
                cpqrc.waits().wake(p.key(), verdict);
                yield Outcome.ok(null);
            }
            case ALREADY_DECIDED -> Outcome.fail(ResponseCode.DUPLICATE_REQUEST,
                    "the payment's verification is already decided");
            case NOT_AWAITED -> Outcome.fail(ResponseCode.INVALID_TRANSACTION,
                    "the payment needs no cardholder verification");
        };
    }

    /** An optional array holding exactly one code string; null if absent. */
    private static String singleCode(TrxReader r, String name, int maxChars) {
        Object v = r.source().get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list) || list.size() != 1 || !(list.get(0) instanceof String s)) {
            r.fail(name, "must be an array holding one code");
            return null;
        }
        boolean barcode = name.startsWith("barcode");
        if (s.isEmpty() || s.length() > maxChars || (barcode && s.length() != maxChars)
                || !(barcode ? CharClass.N : CharClass.ANS).accepts(s)) {
            r.fail(name, barcode ? "must hold 19 digits" : "must hold a payload of printable ASCII");
            return null;
        }
        return s;
    }
}
