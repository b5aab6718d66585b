/**
 * One class added to ZXing's QR encoder package ({@link com.google.zxing.qrcode.encoder.ByteModeEncoder}): ZXing's
 * encoding steps with the mode fixed to byte, which its public API cannot request. Everything else of ZXing is used
 * as shipped (com.google.zxing:core).
 */
package com.google.zxing.qrcode.encoder;
