package org.openscis.router.qr;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.qr.Barcodes;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.CpqrCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a consumer-presented code an acquirer scanned, in this order (the first failure decides):
 * <ol>
 *   <li>the payload decodes as an EMV CPM payload of a UnionPay application with track 2, cryptogram, ATC,
 *       unpredictable number and AIP, or the barcode is 19 digits starting 62 → else 30;</li>
 *   <li>payload: the cryptogram recomputed with the per-token key of the token in track 2 over the payload's ATC,
 *       unpredictable number, AIP and expiry matches → else 05 (card authentication failed: a tampered cryptogram,
 *       ATC or token);</li>
 *   <li>the code is one the switch issued (exact payload, or barcode) → else 14;</li>
 *   <li>the stored code agrees: for a payload, its token and ATC are the scanned ones; for a barcode, the stored
 *       payload's cryptogram verifies → else 05;</li>
 *   <li>the code has not expired → else 02.</li>
 * </ol>
 * Whether the code was used already is not judged here: {@link CpqrCodes#redeem} decides that atomically at payment.
 */
public final class CpqrScan {

    private static final Logger LOG = LoggerFactory.getLogger(CpqrScan.class);

    private final CpqrCodes codes;
    private final CodeCryptogram cryptogram;
    private final Clock clock;
    private final CpqrEmv emv = new CpqrEmv();

    public CpqrScan(CpqrCodes codes, CodeCryptogram cryptogram, Clock clock) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.cryptogram = Objects.requireNonNull(cryptogram, "cryptogram");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Exactly one of the two is expected; with both or neither the answer is 30. Never throws for bad input. */
    public ScanResult scan(String emvPayloadOrNull, String barcodeOrNull) {
        if ((emvPayloadOrNull == null) == (barcodeOrNull == null)) {
            return refuse(ResponseCode.FORMAT_ERROR, "exactly one of emvCpqrcPayload and barcodeCpqrcPayload");
        }
        return emvPayloadOrNull != null ? scanPayload(emvPayloadOrNull) : scanBarcode(barcodeOrNull);
    }

    private ScanResult scanPayload(String payload) {
        CpqrEmv.Read read = emv.read(payload);
        if (read instanceof CpqrEmv.Read.Unreadable u) {
            return refuse(ResponseCode.FORMAT_ERROR, u.detail());
        }
        CpqrEmv.Read.Fields f = (CpqrEmv.Read.Fields) read;
        if (!verifies(f)) {
            return refuse(ResponseCode.CARDHOLDER_VERIFICATION_FAILED, "the code's cryptogram does not verify");
        }
        Optional<CpqrCode> found = codes.findByPayload(payload);
        if (found.isEmpty()) {
            return refuse(ResponseCode.INVALID_CARD_NUMBER, "the code is not one the switch issued");
        }
        CpqrCode code = found.get();
        if (!code.token().equals(f.token()) || code.atc() != f.atc()) {
            LOG.warn("code {} was found by its payload but its stored token or ATC differ", code.codeId());
            return refuse(ResponseCode.CARDHOLDER_VERIFICATION_FAILED, "the code's token or ATC do not match");
        }
        return unexpired(code);
    }

    private ScanResult scanBarcode(String barcode) {
        if (!Barcodes.wellFormed(barcode)) {
            return refuse(ResponseCode.FORMAT_ERROR, "barcodeCpqrcPayload: must be 19 digits starting 62");
        }
        Optional<CpqrCode> found = codes.findByBarcode(barcode);
        if (found.isEmpty()) {
            return refuse(ResponseCode.INVALID_CARD_NUMBER, "the barcode is not one the switch issued");
        }
        CpqrCode code = found.get();
        CpqrEmv.Read read = emv.read(code.emvPayload());
        if (!(read instanceof CpqrEmv.Read.Fields f) || !verifies(f) || !code.token().equals(f.token())
                || code.atc() != f.atc()) {
            LOG.warn("the stored payload of code {} does not verify", code.codeId());
            return refuse(ResponseCode.CARDHOLDER_VERIFICATION_FAILED, "the code's cryptogram does not verify");
        }
        return unexpired(code);
    }

    private boolean verifies(CpqrEmv.Read.Fields f) {
        return cryptogram.verify(f.cryptogram(), f.token(), f.atc(), f.unpredictableNumber(), f.aip(),
                f.expiryYymm());
    }

    private ScanResult unexpired(CpqrCode code) {
        if (code.expiredAt(clock.instant())) {
            return refuse(ResponseCode.QRC_DUPLICATED_OR_EXPIRED, "the code has expired");
        }
        return new ScanResult.Accepted(code);
    }

    private static ScanResult refuse(ResponseCode code, String detail) {
        return new ScanResult.Refused(code, detail);
    }
}
