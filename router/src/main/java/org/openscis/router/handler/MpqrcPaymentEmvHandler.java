package org.openscis.router.handler;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.openscis.codec.qr.AdditionalData;
import org.openscis.codec.qr.MpmError;
import org.openscis.codec.qr.MpmParser;
import org.openscis.codec.qr.MpmPayload;
import org.openscis.codec.qr.MpmPolicy;
import org.openscis.codec.qr.MpmResult;
import org.openscis.codec.qr.UnionPayAccount;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;

/**
 * MPQRC_PAYMENT_EMV (protocol.md §3.19, qr.md §7): pays a merchant-presented EMVCo QR. Request: {@code deviceID},
 * {@code userID}, {@code token}, {@code trxAmt}, {@code trxCurrency}, {@code mpqrcPayload} (the raw QR),
 * {@code merchantInfo} ({@code acquirerIIN}?, {@code fwdIIN}?, {@code mid}?, {@code merchantName}?, {@code mcc}?),
 * {@code additionalData}?, {@code trxFeeAmt}? (UMPS), {@code riskInfo}?, {@code couponInfo}?, {@code trxNote}?,
 * {@code referNo}?.
 *
 * <p>The switch parses the payload again (strict, {@link MpmParser}) and trusts only the QR. In this order: the payload
 * does not parse → 30; its ID 15 is missing or not UnionPay's 8/8/15 layout (not routable through UnionPay) → 03;
 * its country (tag 58) is not an ISO 3166 code or its currency (53) not an ISO 4217 one → 30; a {@code merchantInfo}
 * member that disagrees with the QR → 30; {@code trxCurrency} ≠ tag 53 → 30; {@code trxAmt} malformed or zero → 13.
 * Amounts (tag 55):
 * <ul>
 *   <li>no 55: with tag 54, {@code trxAmt} must equal it (13);</li>
 *   <li>55 = 01 (the payer adds a tip): with 54, the tip is {@code trxAmt} − 54 and may not be negative (13); the whole
 *       {@code trxAmt} goes to the merchant;</li>
 *   <li>55 = 02: a fixed convenience fee, tag 56; 55 = 03: a percentage fee, tag 57, of the amount, rounded half up
 *       to the minor unit; with 54, {@code trxAmt} must equal it (13). The fee is the CBS {@code feeAmt}, debited with
 *       the amount, and the checks apply to amount + fee.</li>
 * </ul>
 * A {@code trxFeeAmt} the requester sends must equal the fee the QR gives (zero without one) → 13. The merchant is
 * the QR's: acquirer, forwarding IIN and mid from ID 15, name 59, category 52, country 58, terminal from 62-07; the
 * request's {@code additionalData} goes to the CBS unchanged. Then {@link QrPayment}.
 */
public final class MpqrcPaymentEmvHandler extends MoneyHandler {

    /** Read bound for the payload; the parser enforces the EMVCo 512-character limit (30 beyond it). */
    static final int PAYLOAD_MAX_READ_CHARS = 1024;
    static final String TIP_BY_PAYER = "01";
    static final String FIXED_FEE = "02";
    static final String PERCENTAGE_FEE = "03";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final MpmParser parser = new MpmParser(MpmPolicy.strict());
    private final QrPayment payment;

    MpqrcPaymentEmvHandler(QrPayment payment) {
        super(MessageType.MPQRC_PAYMENT_EMV);
        this.payment = payment;
    }

    @Override
    CompletionStage<Outcome> decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        RequestFields.userId(reader);
        String token = RequestFields.token(reader);
        String trxAmt = MoneyFields.trxAmt(reader);
        String trxCurrency = MoneyFields.trxCurrency(reader);
        String payload = reader.required("mpqrcPayload", 1, PAYLOAD_MAX_READ_CHARS, CharClass.S);
        QrFields.SentMerchant sent = QrFields.SentMerchant.read(reader, true);
        TrxInfo additionalData = QrFields.additionalData(reader);
        String sentFee = MoneyFields.optionalAmount(reader, "trxFeeAmt");
        QrFields.uninterpreted(reader);
        String note = MoneyFields.trxNote(reader);
        String referNo = MoneyFields.referNo(reader);
        if (reader.failed()) {
            return done(RequestFields.formatError(reader));
        }
        TrxInfo echo = RequestFields.deviceEcho(deviceId);
        MpmResult parsed = parser.parse(payload);
        if (parsed instanceof MpmResult.Failed failed) {
            if (failed.error() == MpmError.UNIONPAY_15_FORMAT) {
                return done(Outcome.fail(ResponseCode.INVALID_MERCHANT,
                        "mpqrcPayload: ID 15 is not a UnionPay merchant account", echo));
            }
            return done(Outcome.fail(ResponseCode.FORMAT_ERROR, "mpqrcPayload: not a valid EMV QR code ("
                    + failed.error() + ")", echo));
        }
        MpmPayload qr = ((MpmResult.Parsed) parsed).payload();
        Optional<UnionPayAccount> account = qr.unionPay();
        if (account.isEmpty()) {
            return done(Outcome.fail(ResponseCode.INVALID_MERCHANT,
                    "mpqrcPayload: no UnionPay merchant account (ID 15)", echo));
        }
        Optional<String> country = CountryCodes.numeric(qr.countryCode());
        Optional<Currency> currency = Currency.byNumeric(qr.transactionCurrency());
        if (country.isEmpty() || currency.isEmpty()) {
            return done(Outcome.fail(ResponseCode.FORMAT_ERROR, "mpqrcPayload: "
                    + (country.isEmpty() ? "the country (58) is not an ISO 3166 code"
                            : "the currency (53) is not an ISO 4217 currency"), echo));
        }
        QrMerchant merchant = new QrMerchant(account.get().acquirerIin(), account.get().forwardingIin(),
                account.get().merchantId(), qr.merchantName(), qr.merchantCategoryCode(), country.get(),
                qr.additionalData().flatMap(AdditionalData::terminalLabel).orElse(null));
        String disagreement = sent.disagreement(merchant);
        if (disagreement != null) {
            return done(Outcome.fail(ResponseCode.FORMAT_ERROR, disagreement + ": not the QR's", echo));
        }
        if (!currency.get().numeric().equals(trxCurrency)) {
            return done(Outcome.fail(ResponseCode.FORMAT_ERROR, "trxCurrency: not the QR's currency (53)", echo));
        }
        AmountParse requested = Amount.parse(trxAmt, currency.get());
        if (requested instanceof AmountParse.Invalid invalid) {
            return done(Outcome.fail(ResponseCode.INVALID_AMOUNT, "trxAmt: " + invalid.reason(), echo));
        }
        Amount amount = ((AmountParse.Ok) requested).amount();
        Charge charge = charge(qr, amount);
        if (charge.problem() != null) {
            return done(Outcome.fail(charge.code(), charge.problem(), echo));
        }
        if (sentFee != null && !sentFeeMatches(sentFee, charge.fee())) {
            return done(Outcome.fail(ResponseCode.INVALID_AMOUNT, "trxFeeAmt: not the QR's convenience fee", echo));
        }
        return payment.pay(request, new QrCharge(token, deviceId, amount, charge.fee(), merchant, additionalData,
                note, referNo));
    }

    /** The fee the QR puts on {@code amount}, or why the amount does not fit the QR. */
    static Charge charge(MpmPayload qr, Amount amount) {
        Currency currency = amount.currency();
        Amount zero = new Amount(0, currency);
        Optional<Amount> qrAmount = Optional.empty();
        if (qr.transactionAmount().isPresent()) {
            AmountParse fixed = Amount.parse(qr.transactionAmount().get(), currency);
            if (fixed instanceof AmountParse.Invalid) {
                return Charge.refused(ResponseCode.FORMAT_ERROR, "mpqrcPayload: the amount (54) is not valid");
            }
            qrAmount = Optional.of(((AmountParse.Ok) fixed).amount());
        }
        String indicator = qr.tipIndicator().orElse(null);
        if (TIP_BY_PAYER.equals(indicator)) {
            if (qrAmount.isPresent() && amount.minor() < qrAmount.get().minor()) {
                return Charge.refused(ResponseCode.INVALID_AMOUNT, "trxAmt: below the QR's amount (54)");
            }
            return Charge.of(zero);
        }
        if (qrAmount.isPresent() && qrAmount.get().minor() != amount.minor()) {
            return Charge.refused(ResponseCode.INVALID_AMOUNT, "trxAmt: not the QR's amount (54)");
        }
        if (FIXED_FEE.equals(indicator)) {
            AmountParse fee = qr.convenienceFeeFixed().map(v -> Amount.parseAllowZero(v, currency)).orElse(null);
            if (!(fee instanceof AmountParse.Ok ok)) {
                return Charge.refused(ResponseCode.FORMAT_ERROR, "mpqrcPayload: the convenience fee (56) is not valid");
            }
            return Charge.of(ok.amount());
        }
        if (PERCENTAGE_FEE.equals(indicator)) {
            BigDecimal percent;
            try {
                percent = new BigDecimal(qr.convenienceFeePercentage().orElseThrow());
            } catch (RuntimeException e) {
                return Charge.refused(ResponseCode.FORMAT_ERROR,
                        "mpqrcPayload: the convenience fee percentage (57) is not valid");
            }
            long fee = BigDecimal.valueOf(amount.minor()).multiply(percent)
                    .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
            return Charge.of(new Amount(fee, currency));
        }
        return Charge.of(zero);
    }

    private static boolean sentFeeMatches(String sentFee, Amount fee) {
        AmountParse parsed = Amount.parseAllowZero(sentFee, fee.currency());
        return parsed instanceof AmountParse.Ok ok && ok.amount().minor() == fee.minor();
    }

    /** The convenience fee of a payment, or the refusal ({@code code}, {@code problem}) when it does not fit. */
    record Charge(Amount fee, ResponseCode code, String problem) {

        static Charge of(Amount fee) {
            return new Charge(fee, null, null);
        }

        static Charge refused(ResponseCode code, String problem) {
            return new Charge(null, code, problem);
        }
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
