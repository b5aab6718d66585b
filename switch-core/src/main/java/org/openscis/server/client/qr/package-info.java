/**
 * QR tools of the App Gateway client: {@link org.openscis.server.client.qr.QrImages} draws any QR text as a PNG and
 * reads one back (ZXing, byte mode, error correction M, ECI 26 for UTF-8 text), and
 * {@link org.openscis.server.client.qr.MerchantQr} builds a UnionPay EMV merchant QR for the demo and for trying the
 * merchant-presented flows by hand. No network here; paying a code is {@link org.openscis.server.client.MerchantQrPayment}.
 */
package org.openscis.server.client.qr;
