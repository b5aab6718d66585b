/**
 * EMV QR codes (see spec/qr.md): the EMVCo merchant-presented payload (MPM) with its strict parser and generator,
 * UnionPay URL-mode detection, and the consumer-presented container (CPM) built on BER-TLV. Parsers never throw on bad
 * input: they return a failure value carrying a precise error code.
 */
package org.openscis.codec.qr;
