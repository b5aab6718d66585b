package org.openscis.router.handler;

import java.time.Duration;
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
import org.openscis.router.port.UrlInquiries;
import org.openscis.router.port.UrlInquiry;
import org.openscis.router.port.UrlOrder;

/**
 * MPQRC_PAYMENT_URL (protocol.md §3.20, qr.md §8): pays the order a QRC_INFO_INQUIRY resolved. Request:
 * {@code deviceID}, {@code userID}, {@code token}, {@code origTrxMsgID}, {@code trxAmt}, {@code trxCurrency},
 * {@code mpqrcPayload}, {@code merchantInfo}? ({@code merchantName}, {@code mcc}), {@code additionalData}?,
 * {@code riskInfo}?, {@code couponInfo}?, {@code trxNote}?, {@code referNo}?.
 *
 * <p>In this order: {@code origTrxMsgID} names no inquiry of the same participant, or one answered longer than the
 * inquiry validity ago → 25; {@code mpqrcPayload} not the inquired URL byte for byte → 30; {@code merchantInfo}
 * members disagreeing with the order → 30; {@code trxCurrency} not the order's → 30; {@code trxAmt} malformed or zero
 * → 13, not the fixed amount of a fixed-amount order → 13, above an open-amount order's {@code upperLimitAmt} → 13.
 * Then {@link QrPayment} with the order's merchant. An inquiry may back more than one payment while it is valid: a
 * static open-amount code is paid by many; whether a dynamic order was already paid is the host's to know.
 */
public final class MpqrcPaymentUrlHandler extends MoneyHandler {

    private final UrlInquiries inquiries;
    private final Duration inquiryValidity;
    private final QrPayment payment;

    MpqrcPaymentUrlHandler(UrlInquiries inquiries, Duration inquiryValidity, QrPayment payment) {
        super(MessageType.MPQRC_PAYMENT_URL);
        this.inquiries = inquiries;
        this.inquiryValidity = inquiryValidity;
        this.payment = payment;
    }

    @Override
    CompletionStage<Outcome> decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        RequestFields.userId(reader);
        String token = RequestFields.token(reader);
        String origMsgId = QrFields.origTrxMsgId(reader);
        String trxAmt = MoneyFields.trxAmt(reader);
        String trxCurrency = MoneyFields.trxCurrency(reader);
        String url = reader.required("mpqrcPayload", 1, QrcInfoInquiryHandler.URL_PAYLOAD_MAX_CHARS, CharClass.ANS);
        QrFields.SentMerchant sent = QrFields.SentMerchant.read(reader, false);
        TrxInfo additionalData = QrFields.additionalData(reader);
        QrFields.uninterpreted(reader);
        String note = MoneyFields.trxNote(reader);
        String referNo = MoneyFields.referNo(reader);
        if (reader.failed()) {
            return done(RequestFields.formatError(reader));
        }
        TrxInfo echo = RequestFields.deviceEcho(deviceId);
        Optional<UrlInquiry> found = inquiries.find(request.participant().insId(), origMsgId);
        if (found.isEmpty()) {
            return done(Outcome.fail(ResponseCode.ORIGINAL_NOT_FOUND, "origTrxMsgID: no such QRC_INFO_INQUIRY", echo));
        }
        UrlInquiry inquiry = found.get();
        if (inquiry.at().plus(inquiryValidity).isBefore(request.receivedAt())) {
            return done(Outcome.fail(ResponseCode.ORIGINAL_NOT_FOUND,
                    "origTrxMsgID: the QRC_INFO_INQUIRY is no longer valid", echo));
        }
        if (!inquiry.url().equals(url)) {
            return done(Outcome.fail(ResponseCode.FORMAT_ERROR, "mpqrcPayload: not the URL of the inquiry", echo));
        }
        UrlOrder order = inquiry.order();
        QrMerchant merchant = new QrMerchant(order.acquirerIin(), order.forwardingIin(), order.mid(),
                order.merchantName(), order.mcc(), order.merchantCountry(), order.terminalId());
        String disagreement = sent.disagreement(merchant);
        if (disagreement != null) {
            return done(Outcome.fail(ResponseCode.FORMAT_ERROR, disagreement + ": not the order's", echo));
        }
        Optional<Currency> currency = Currency.byNumeric(order.trxCurrency());
        if (!order.trxCurrency().equals(trxCurrency) || currency.isEmpty()) {
            return done(Outcome.fail(ResponseCode.FORMAT_ERROR, "trxCurrency: not the order's currency", echo));
        }
        AmountParse parsed = Amount.parse(trxAmt, currency.get());
        if (parsed instanceof AmountParse.Invalid invalid) {
            return done(Outcome.fail(ResponseCode.INVALID_AMOUNT, "trxAmt: " + invalid.reason(), echo));
        }
        Amount amount = ((AmountParse.Ok) parsed).amount();
        String amountProblem = amountProblem(order, amount);
        if (amountProblem != null) {
            return done(Outcome.fail(ResponseCode.INVALID_AMOUNT, amountProblem, echo));
        }
        return payment.pay(request, new QrCharge(token, deviceId, amount, new Amount(0, amount.currency()),
                merchant, additionalData, note, referNo));
    }

    /** Null when {@code amount} fits the order; else why not. An unreadable amount in the order refuses too. */
    static String amountProblem(UrlOrder order, Amount amount) {
        if (!order.openAmount()) {
            AmountParse fixed = Amount.parse(order.trxAmt(), amount.currency());
            if (!(fixed instanceof AmountParse.Ok ok) || ok.amount().minor() != amount.minor()) {
                return "trxAmt: not the order's fixed amount";
            }
            return null;
        }
        if (order.upperLimitAmt() != null) {
            AmountParse upper = Amount.parse(order.upperLimitAmt(), amount.currency());
            if (!(upper instanceof AmountParse.Ok ok) || amount.minor() > ok.amount().minor()) {
                return "trxAmt: above the order's upper limit";
            }
        }
        return null;
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
