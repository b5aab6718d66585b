package org.openscis.codec.qr;

/** Why an EMVCo CPM payload was refused; the names match {@code meta.cpmErrorCodes} of the QR vectors (qr.md §9). */
public enum CpmError {
    CPM_PREFIX, BASE64, BER_TRUNCATED, BER_LENGTH, PFI_NOT_FIRST, PFI_VALUE, NO_APPLICATION_TEMPLATE,
    NO_ELIGIBLE_APPLICATION, DUPLICATE_POI_DATA, NO_PAN, TRACK2_FORMAT
}
