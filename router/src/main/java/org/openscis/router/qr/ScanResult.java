package org.openscis.router.qr;

import org.openscis.codec.ResponseCode;
import org.openscis.router.port.CpqrCode;

/** What {@link CpqrScan#scan} found. */
public sealed interface ScanResult {

    /** A genuine code the switch issued, not expired (reuse is decided by {@link org.openscis.router.port.CpqrCodes#redeem}). */
    record Accepted(CpqrCode code) implements ScanResult {}

    /**
     * Why the scanned code cannot be paid with: 30 undecodable, 14 unknown, 05 cryptogram/ATC/token mismatch, 02
     * expired. {@code detail} is a {@code responseMsg} that never contains payload, barcode or token.
     */
    record Refused(ResponseCode code, String detail) implements ScanResult {}
}
