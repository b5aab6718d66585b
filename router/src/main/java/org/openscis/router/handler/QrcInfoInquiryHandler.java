package org.openscis.router.handler;

import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.qr.UrlQr;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.QrHost;
import org.openscis.router.port.UrlInquiries;
import org.openscis.router.port.UrlInquiry;
import org.openscis.router.port.UrlOrder;

/**
 * QRC_INFO_INQUIRY (protocol.md §3.18, qr.md §8): resolves a URL-mode merchant QR through the UnionPay QR host.
 * Request: {@code deviceID}, {@code userID}, {@code mpqrcPayload} (the URL, verbatim).
 *
 * <p>A payload that is not a UnionPay URL-mode code ({@link UrlQr#parse}) → 30; a well-formed code the host does not
 * know → 03. Otherwise the answer is recorded ({@link UrlInquiries}: MPQRC_PAYMENT_URL names it by
 * {@code origTrxMsgID}) and the response carries the order's fields the host has: {@code trxAmt} (fixed-amount codes
 * only), {@code trxCurrency}, {@code qrcUseCase}, {@code upperLimitAmt}, {@code merchantName}, {@code mcc},
 * {@code merchantCountry}, {@code merchantCity}, {@code postalCode}, {@code languagePreference},
 * {@code merchantNameAL}, {@code merchantCityAL}, {@code terminalID}.
 */
public final class QrcInfoInquiryHandler extends SynchronousHandler {

    /** Read bound for a URL payload; a UnionPay URL code is far shorter, so a longer one fails detection (30). */
    static final int URL_PAYLOAD_MAX_CHARS = 512;

    private final QrHost host;
    private final UrlInquiries inquiries;

    public QrcInfoInquiryHandler(QrHost host, UrlInquiries inquiries) {
        super(MessageType.QRC_INFO_INQUIRY);
        this.host = host;
        this.inquiries = inquiries;
    }

    @Override
    Outcome decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        RequestFields.userId(reader);
        String url = reader.required("mpqrcPayload", 1, URL_PAYLOAD_MAX_CHARS, CharClass.ANS);
        if (reader.failed()) {
            return RequestFields.formatError(reader);
        }
        if (UrlQr.parse(url).isEmpty()) {
            return Outcome.fail(ResponseCode.FORMAT_ERROR, "mpqrcPayload: not a UnionPay URL-mode QR code");
        }
        Optional<UrlOrder> order = host.resolve(url);
        if (order.isEmpty()) {
            return Outcome.fail(ResponseCode.INVALID_MERCHANT, "mpqrcPayload: the QR host does not know the code");
        }
        inquiries.record(new UrlInquiry(request.participant().insId(), request.msgInfo().msgID(), url, order.get(),
                deviceId, request.receivedAt()));
        return Outcome.ok(response(order.get()));
    }

    static TrxInfo response(UrlOrder o) {
        return TrxInfo.builder()
                .put("trxAmt", o.trxAmt())
                .put("trxCurrency", o.trxCurrency())
                .put("qrcUseCase", o.qrcUseCase())
                .put("upperLimitAmt", o.upperLimitAmt())
                .put("merchantName", o.merchantName())
                .put("mcc", o.mcc())
                .put("merchantCountry", o.merchantCountry())
                .put("merchantCity", o.merchantCity())
                .put("postalCode", o.postalCode())
                .put("languagePreference", o.languagePreference())
                .put("merchantNameAL", o.merchantNameAL())
                .put("merchantCityAL", o.merchantCityAL())
                .put("terminalID", o.terminalId())
                .build();
    }
}
