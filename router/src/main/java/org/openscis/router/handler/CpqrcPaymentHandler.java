package org.openscis.router.handler;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.LocalTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.cpqrc.CodeScanner;
import org.openscis.router.cpqrc.CpqrcNotifications;
import org.openscis.router.cpqrc.CpqrcPorts;
import org.openscis.router.cpqrc.CvmGate;
import org.openscis.router.money.CbsFields;
import org.openscis.router.money.MoneyMovement;
import org.openscis.router.money.Movement;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.CpqrCodes;
import org.openscis.router.port.CpqrPayment;
import org.openscis.router.port.Participant;
import org.openscis.router.port.SwitchIds;
import org.openscis.router.port.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CPQRC_PAYMENT (decisions.md §7, §7.1) from an acquirer: a merchant scanned a code the switch issued. Request: exactly
 * one of {@code emvCpqrcPayload} (the scanned payload) or {@code barcodeCpqrcPayload} (19 digits), {@code trxAmt},
 * {@code trxCurrency}, {@code merchantInfo} {{@code acquirerIIN} (N8, the sender's insID), {@code fwdIIN} (N8),
 * {@code mid} (ANS 1-15), {@code merchantName} (1-40), {@code mcc} (N4), {@code merchantCountry} (N3), {@code
 * termId} (ANS 1-8)}, {@code retrivlRefNum} (N12), {@code traceNum} (N6), {@code transDatetime} ({@code
 * MMDDhhmmss}), {@code trxNote}? — anything else malformed, or a message from a participant that is not an acquirer,
 * is 30 (resp. 12).
 *
 * <p>In order: the scan (30, 14, 05, 02: {@link CodeScanner}); {@code trxCurrency} an ISO 4217 currency (30) and the
 * code's {@code limitCurrency} (13: no conversion, a code's limits are in the card's currency and a payment in
 * another one is refused); the amount (13) and the code's {@code trxLimit} (13); the {@link MovementChecks} of the
 * code's card, token and device as its App Gateway would face them (card state, product, tier, per-transaction and
 * daily limits 61, cut-off); the merchant's category or country blocked for the card (62); then the code is used up
 * ({@link CpqrCodes#redeem}: already used or expired → 02; of two concurrent scans exactly one gets past this). At or
 * below the code's {@code cvmLimit} the account is debited at once; above it the payment waits for the cardholder
 * ({@link CvmGate}: 05 when declined or not confirmed in time). The CBS gets a DEBIT_TRANSACTION with {@code onUsFlag}
 * {@code "N"}, {@code relTrxType} {@code CPQRC_PAYMENT} and the request's merchant data.
 *
 * <p>Response {@code trxInfo} when approved: {@code trxAmt}, {@code trxCurrency}, {@code qrcVoucherNo} (20 digits),
 * {@code authID} (6 digits: the voucher number's last six), {@code retrivlRefNum} (the acquirer's), {@code
 * settlementKey} {{@code acquirerIIN}, {@code forwardingIIN}, {@code systemTraceAuditNumber} (the acquirer's
 * {@code traceNum}), {@code transmissionDateTime} (its {@code transDatetime})}; no promotions apply to these
 * payments. Refusals echo {@code trxAmt}, {@code trxCurrency} and {@code retrivlRefNum}. The final state goes to the
 * code's App Gateway as TRX_RESULT_NOTIFICATION ({@link CpqrcNotifications}), not to the acquirer.
 */
public final class CpqrcPaymentHandler extends MoneyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CpqrcPaymentHandler.class);

    static final int EMV_PAYLOAD_MAX_CHARS = 512;
    static final int BARCODE_DIGITS = 19;
    static final int IIN_DIGITS = 8;
    static final int MCC_DIGITS = 4;
    static final int COUNTRY_DIGITS = 3;
    static final int TERM_ID_MAX_CHARS = 8;
    static final int RRN_DIGITS = 12;
    static final int TRACE_DIGITS = 6;
    static final int TRANS_DATETIME_DIGITS = 10;
    static final int AUTH_ID_DIGITS = 6;

    private final CpqrcPorts cpqrc;
    private final MovementChecks checks;
    private final MoneyMovement movement;
    private final TransactionStore transactions;
    private final SwitchIds ids;
    private final CpqrcNotifications notifications;
    private final Clock clock;

    public CpqrcPaymentHandler(CpqrcPorts cpqrc, MovementChecks checks, MoneyMovement movement,
            TransactionStore transactions, SwitchIds ids, Clock clock) {
        super(MessageType.CPQRC_PAYMENT);
        this.cpqrc = cpqrc;
        this.checks = checks;
        this.movement = movement;
        this.transactions = transactions;
        this.ids = ids;
        this.notifications = new CpqrcNotifications(cpqrc.payments());
        this.clock = clock;
    }

    @Override
    CompletionStage<Outcome> decide(Request request) {
        if (request.participant().kind() != Participant.Kind.ACQUIRER) {
            return done(Outcome.fail(ResponseCode.INVALID_TRANSACTION, "CPQRC_PAYMENT comes from acquirers"));
        }
        Fields f = read(request);
        if (f.reader.failed()) {
            return done(RequestFields.formatError(f.reader));
        }
        TrxInfo echo = TrxInfo.builder().put("trxAmt", f.trxAmt).put("trxCurrency", f.trxCurrency)
                .put("retrivlRefNum", f.rrn).build();
        CodeScanner.Scan scan = cpqrc.scanner().scan(f.emv, f.barcode);
        if (scan instanceof CodeScanner.Scan.Refused refused) {
            return done(Outcome.fail(refused.code(), refused.detail(), echo));
        }
        CpqrCode code = ((CodeScanner.Scan.Accepted) scan).code();

        Optional<Currency> currency = Currency.byNumeric(f.trxCurrency);
        if (currency.isEmpty()) {
            return done(Outcome.fail(ResponseCode.FORMAT_ERROR, "trxCurrency: is not an ISO 4217 currency", echo));
        }
        if (!currency.get().numeric().equals(code.limitCurrency())) {
            return done(Outcome.fail(ResponseCode.INVALID_AMOUNT, "trxCurrency: is not the code's limit currency",
                    echo));
        }
        AmountParse parsed = Amount.parse(f.trxAmt, currency.get());
        if (parsed instanceof AmountParse.Invalid invalid) {
            return done(Outcome.fail(ResponseCode.INVALID_AMOUNT, "trxAmt: " + invalid.reason(), echo));
        }
        Amount amount = ((AmountParse.Ok) parsed).amount();
        if (amount.minor() > code.trxLimitMinor()) {
            return done(Outcome.fail(ResponseCode.INVALID_AMOUNT, "trxAmt: above the code's trxLimit", echo));
        }

        CheckResult result = checks.check(new MovementCheck(MessageType.CPQRC_PAYMENT, code.insId(), code.token(),
                code.deviceId(), f.trxAmt, null, f.trxCurrency, null, null, true, request.receivedAt()));
        if (result instanceof CheckResult.Refused refused) {
            return done(refused.toOutcome(echo));
        }
        CheckResult.Passed p = (CheckResult.Passed) result;
        if (p.limits().blockedMccs().contains(f.mcc) || p.limits().blockedCountries().contains(f.country)) {
            return done(Outcome.fail(ResponseCode.RESTRICTED,
                    "the merchant's category or country is blocked for the card", echo));
        }

        String insId = request.participant().insId();
        String msgId = request.msgInfo().msgID();
        if (!usedByThisRequest(code, insId, msgId)) {
            CpqrCodes.RedeemResult redeemed = cpqrc.codes().redeem(code.codeId(), insId, msgId, clock.instant());
            switch (redeemed) {
                case REDEEMED -> { }
                case ALREADY_USED -> {
                    return done(Outcome.fail(ResponseCode.QRC_DUPLICATED_OR_EXPIRED, "the code was already used",
                            echo));
                }
                case EXPIRED -> {
                    return done(Outcome.fail(ResponseCode.QRC_DUPLICATED_OR_EXPIRED, "the code has expired", echo));
                }
                case UNKNOWN -> {
                    return done(Outcome.fail(ResponseCode.INVALID_CARD_NUMBER, "the code is unknown", echo));
                }
            }
        }
        CpqrPayment payment = payment(code, f, amount, insId, msgId);

        String voucherNo = ids.voucherNo();
        TrxInfo reply = TrxInfo.builder()
                .put("trxAmt", amount.toWire())
                .put("trxCurrency", currency.get().numeric())
                .put("qrcVoucherNo", voucherNo)
                .put("authID", voucherNo.substring(voucherNo.length() - AUTH_ID_DIGITS))
                .put("retrivlRefNum", f.rrn)
                .put("settlementKey", TrxInfo.builder()
                        .put("acquirerIIN", f.acquirerIin)
                        .put("forwardingIIN", f.fwdIin)
                        .put("systemTraceAuditNumber", f.traceNum)
                        .put("transmissionDateTime", f.transDatetime)
                        .build())
                .build();
        TrxInfo merchantInfo = TrxInfo.builder()
                .put("acquirerIIN", f.acquirerIin)
                .put("fwdIIN", f.fwdIin)
                .put("mid", f.mid)
                .put("merchantName", f.merchantName)
                .put("mcc", f.mcc)
                .put("merchantCountry", f.country)
                .put("termId", f.termId)
                .build();
        Movement m = Movement.of(request, p.card().issuerIin(), p.card().cardId(), p.token().token(),
                        p.token().deviceId(), CbsOperation.DEBIT_TRANSACTION, amount.minor(),
                        currency.get().numeric(),
                        (cbsMsgId, now) -> TrxInfo.builder()
                                .put("relTrxMsgID", msgId)
                                .put("relTrxType", MessageType.CPQRC_PAYMENT.name())
                                .put("merchantInfo", merchantInfo)
                                .put("onUsFlag", "N")
                                .put("debitAccountInfo", CbsFields.accountInfo(p.token(), p.card()))
                                .put("trxAmt", amount.toWire())
                                .put("trxCurrency", currency.get().numeric())
                                .put("billAmt", amount.toWire())
                                .put("billCurrency", currency.get().numeric())
                                .put("feeAmt", "0")
                                .put("markupAmt", "0")
                                .put("trxNote", f.trxNote)
                                .put("retrivlRefNum", f.rrn)
                                .put("transDatetime", CbsFields.transDatetime(now))
                                .put("traceNum", CbsFields.traceNum(cbsMsgId))
                                .build())
                .withApprovedReply(reply)
                .withEcho(echo)
                .withNotifications(notifications)
                .withDailyLimit(p.dailyLimit());
        CvmGate gate = payment.verificationRequired()
                ? new CvmGate(transactions, cpqrc.waits(), cpqrc.verificationTimeout(), clock, payment,
                        f.merchantName)
                : null;
        return movement.execute(m, gate);
    }

    /** A re-run of this very request (its first run stopped after using the code up) goes on with the code. */
    private static boolean usedByThisRequest(CpqrCode code, String insId, String msgId) {
        return insId.equals(code.usedByInsId()) && msgId.equals(code.usedByMsgId());
    }

    /** The payment's record: stored now, or the one a first run of this request stored. */
    private CpqrPayment payment(CpqrCode code, Fields f, Amount amount, String insId, String msgId) {
        CpqrPayment fresh = new CpqrPayment(new CpqrPayment.Key(insId, msgId), code.codeId(), code.insId(),
                f.barcode != null, f.barcode != null ? f.barcode : f.emv, amount.minor() > code.cvmLimitMinor(),
                null, clock.instant());
        if (cpqrc.payments().create(fresh)) {
            return fresh;
        }
        LOG.info("{}/{} already has its CPQRC payment record; going on with it", insId, msgId);
        return cpqrc.payments().find(insId, msgId).orElseThrow(
                () -> new IllegalStateException("CPQRC payment " + insId + "/" + msgId + " vanished"));
    }

    private static Fields read(Request request) {
        TrxReader r = new TrxReader(request.trxInfo());
        Fields f = new Fields(r);
        f.emv = r.optional("emvCpqrcPayload", 1, EMV_PAYLOAD_MAX_CHARS, CharClass.ANS);
        f.barcode = r.optional("barcodeCpqrcPayload", BARCODE_DIGITS, BARCODE_DIGITS, CharClass.N);
        if (!r.failed() && (f.emv == null) == (f.barcode == null)) {
            r.fail("emvCpqrcPayload", "exactly one of emvCpqrcPayload and barcodeCpqrcPayload must be given");
        }
        f.trxAmt = MoneyFields.trxAmt(r);
        f.trxCurrency = MoneyFields.trxCurrency(r);
        TrxReader m = r.requiredObject("merchantInfo");
        f.acquirerIin = m.required("acquirerIIN", IIN_DIGITS, IIN_DIGITS, CharClass.N);
        f.fwdIin = m.required("fwdIIN", IIN_DIGITS, IIN_DIGITS, CharClass.N);
        f.mid = m.required("mid", 1, MoneyFields.MID_MAX_CHARS, CharClass.ANS);
        f.merchantName = m.required("merchantName", 1, MoneyFields.MERCHANT_NAME_MAX_CHARS, CharClass.S);
        f.mcc = m.required("mcc", MCC_DIGITS, MCC_DIGITS, CharClass.N);
        f.country = m.required("merchantCountry", COUNTRY_DIGITS, COUNTRY_DIGITS, CharClass.N);
        f.termId = m.required("termId", 1, TERM_ID_MAX_CHARS, CharClass.ANS);
        if (f.acquirerIin != null && !f.acquirerIin.equals(request.participant().insId())) {
            // the envelope's insID is the acquirer's IIN (decisions.md §7.1): a request naming another contradicts it
            m.fail("acquirerIIN", "must be the sender's insID");
        }
        f.rrn = r.required("retrivlRefNum", RRN_DIGITS, RRN_DIGITS, CharClass.N);
        f.traceNum = r.required("traceNum", TRACE_DIGITS, TRACE_DIGITS, CharClass.N);
        f.transDatetime = r.required("transDatetime", TRANS_DATETIME_DIGITS, TRANS_DATETIME_DIGITS, CharClass.N);
        if (f.transDatetime != null && !validTransDatetime(f.transDatetime)) {
            r.fail("transDatetime", "must be MMDDhhmmss");
        }
        f.trxNote = MoneyFields.trxNote(r);
        return f;
    }

    /** {@code MMDDhhmmss} naming a real day of some year (29 February included) and a real time. */
    static boolean validTransDatetime(String s) {
        try {
            MonthDay.of(Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2, 4)));
            LocalTime.of(Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6, 8)),
                    Integer.parseInt(s.substring(8, 10)));
            return true;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /** The request's fields as read; null where absent or malformed (then {@code reader} has failed). */
    private static final class Fields {
        final TrxReader reader;
        String emv;
        String barcode;
        String trxAmt;
        String trxCurrency;
        String acquirerIin;
        String fwdIin;
        String mid;
        String merchantName;
        String mcc;
        String country;
        String termId;
        String rrn;
        String traceNum;
        String transDatetime;
        String trxNote;

        Fields(TrxReader reader) {
            this.reader = reader;
        }
    }
}
