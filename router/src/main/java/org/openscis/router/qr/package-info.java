/**
 * Consumer-presented QR codes (decisions.md §7, qr.md §9): the per-token key and application cryptogram
 * ({@link org.openscis.router.qr.CodeCryptogram}, HMAC-SHA256 based, not an EMV-certified ARQC), the EMV CPM
 * payload the switch issues ({@link org.openscis.router.qr.CpqrEmv}), the barcodes, the generation of a batch of codes
 * ({@link org.openscis.router.qr.CpqrGenerator}) and the validation of a scanned code
 * ({@link org.openscis.router.qr.CpqrScan}). See docs/decisions/cpqr-codes.md.
 */
package org.openscis.router.qr;
