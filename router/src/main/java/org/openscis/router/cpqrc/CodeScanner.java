package org.openscis.router.cpqrc;

import org.openscis.codec.ResponseCode;
import org.openscis.router.port.CpqrCode;

/**
 * Validates what an acquirer scanned and finds the code the switch issued (the composition root adapts
 * {@code org.openscis.router.qr.CpqrScan} to it): 30 undecodable, 14 unknown token or barcode, 05 cryptogram or ATC
 * mismatch, 02 expired. Reuse is not judged here: {@code CpqrCodes.redeem} decides it atomically at payment time.
 */
@FunctionalInterface
public interface CodeScanner {

    /** Exactly one of the two is non-null. Never throws for bad input. */
    Scan scan(String emvPayloadOrNull, String barcodeOrNull);

    sealed interface Scan {

        record Accepted(CpqrCode code) implements Scan {}

        record Refused(ResponseCode code, String detail) implements Scan {}
    }
}
