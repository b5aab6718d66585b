package org.openscis.router.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweProfile;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Request;
import org.openscis.router.cpqrc.CodeScanner;
import org.openscis.router.cpqrc.CpqrcPorts;
import org.openscis.router.cpqrc.VerificationWaits;
import org.openscis.router.handler.CpqrcHandlers;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.Participant;
import org.openscis.router.port.TokenRecord;

/**
 * The world of the acquirer-side CPQRC tests, on top of {@link MoneyFixture}: a product {@link #QR} that allows
 * CPQRC_PAYMENT, an acquirer participant, in-memory codes and payments, a scanner that finds codes by payload or
 * barcode (refusals scripted per payload), and verification waits completing on the calling thread.
 */
public final class CpqrcFixture {

    public static final String ACQUIRER_ID = "47010344";
    public static final String FWD_IIN = "00020344";
    public static final Duration VERIFICATION_TIMEOUT = Duration.ofSeconds(30);
    public static final CardProduct QR = new CardProduct("3101", MoneyFixture.ISSUER, "62900500", 16, "629265", 36,
            "QR Card", List.of(RouterFixture.FACE_ID),
            EnumSet.of(MessageType.CPQRC_PAYMENT, MessageType.ADDITIONAL_PROCESSING_RESULT), List.of(),
            MoneyFixture.CNY);

    public final MoneyFixture m = new MoneyFixture();
    public final InMemoryCpqrCodes codes = new InMemoryCpqrCodes();
    public final InMemoryCpqrPayments payments = new InMemoryCpqrPayments();
    public final VerificationWaits waits = new VerificationWaits(payments, m.f.clock, Runnable::run);
    public final Map<String, CodeScanner.Scan.Refused> refusals = new ConcurrentHashMap<>();
    public final Participant acquirer = new Participant(ACQUIRER_ID, Participant.Kind.ACQUIRER,
            EnumSet.of(MessageType.CPQRC_PAYMENT), "kid-acq", null, JweProfile.RSA_OAEP_256_A128GCM, null);
    private final AtomicInteger sequence = new AtomicInteger();

    public CpqrcFixture() {
        m.f.catalog.add(QR);
    }

    public CodeScanner scanner() {
        return (emv, barcode) -> {
            String scanned = emv != null ? emv : barcode;
            CodeScanner.Scan.Refused refused = refusals.get(scanned);
            if (refused != null) {
                return refused;
            }
            return (emv != null ? codes.findByPayload(emv) : codes.findByBarcode(barcode))
                    .<CodeScanner.Scan>map(CodeScanner.Scan.Accepted::new)
                    .orElseGet(() -> new CodeScanner.Scan.Refused(ResponseCode.INVALID_CARD_NUMBER, "unknown code"));
        };
    }

    public CpqrcPorts ports() {
        return new CpqrcPorts(scanner(), codes, payments, waits, VERIFICATION_TIMEOUT);
    }

    public List<Handler> handlers() {
        return CpqrcHandlers.acquirer(m.ports(), m.moneyPorts(), ports());
    }

    public Handler handler(MessageType type) {
        return handlers().stream().filter(h -> h.type() == type).findFirst().orElseThrow();
    }

    /** An ACTIVE card of {@link #QR} with an ACTIVE token of the wallet on {@link RouterFixture#DEVICE}. */
    public TokenRecord token(String middle) {
        CardRecord card = m.card("Q" + middle, middle, "7700" + middle, org.openscis.router.port.CardState.ACTIVE,
                org.openscis.router.port.StateReason.NONE, QR);
        return m.token(middle, card);
    }

    /** A code of {@code token} with limits in minor units of CNY, valid five minutes from now. */
    public CpqrCode code(TokenRecord token, long trxLimitMinor, long cvmLimitMinor) {
        int n = sequence.incrementAndGet();
        Instant now = m.f.clock.instant();
        CpqrCode code = new CpqrCode("code-" + n, token.insId(), MoneyFixture.ISSUER, token.cardId(), token.token(),
                token.deviceId(), RouterFixture.USER, "hQVDUFYwMWFYTwigAAADMwEBAVcT" + n + "==",
                "62" + String.format("%017d", n), n, trxLimitMinor, cvmLimitMinor, MoneyFixture.CNY, now,
                now.plus(Duration.ofMinutes(5)), null, null);
        codes.store(List.of(code));
        return code;
    }

    /** The code as stored now. */
    public CpqrCode stored(String codeId) {
        return codes.codes().stream().filter(c -> c.codeId().equals(codeId)).findFirst().orElseThrow();
    }

    /** A CPQRC_PAYMENT request body paying {@code amount} CNY with the code's EMV payload. */
    public TrxInfo.Builder payment(CpqrCode code, String amount) {
        return TrxInfo.builder()
                .put("emvCpqrcPayload", code.emvPayload())
                .put("trxAmt", amount)
                .put("trxCurrency", MoneyFixture.CNY)
                .put("merchantInfo", merchantInfo(ACQUIRER_ID, "5812").build())
                .put("retrivlRefNum", "101588094295")
                .put("traceNum", "903948")
                .put("transDatetime", "1015115804")
                .put("trxNote", "lunch");
    }

    public static TrxInfo.Builder merchantInfo(String acquirerIin, String mcc) {
        return TrxInfo.builder()
                .put("acquirerIIN", acquirerIin)
                .put("fwdIIN", FWD_IIN)
                .put("mid", "123456789012345")
                .put("merchantName", "UPI QRC test K 840")
                .put("mcc", mcc)
                .put("merchantCountry", "344")
                .put("termId", "T0000001");
    }

    public Request acquirerRequest(TrxInfo trxInfo) {
        return m.f.request(MessageType.CPQRC_PAYMENT, acquirer, trxInfo);
    }

    /** ADDITIONAL_PROCESSING_RESULT from the code's wallet. */
    public TrxInfo.Builder result(CpqrCode code, String paymentStatus) {
        return TrxInfo.builder()
                .put("deviceID", code.deviceId())
                .put("userID", RouterFixture.USER)
                .put("token", code.token())
                .put("emvCpqrcPayload", List.of(code.emvPayload()))
                .put("origMsgID", "U39990061000000000000975239")
                .put("paymentStatus", paymentStatus);
    }

    public Request walletRequest(TrxInfo trxInfo) {
        return m.f.request(MessageType.ADDITIONAL_PROCESSING_RESULT, trxInfo);
    }

    public static Set<String> names(TrxInfo t) {
        return t.names();
    }
}
