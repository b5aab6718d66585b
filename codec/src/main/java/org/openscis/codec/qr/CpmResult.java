package org.openscis.codec.qr;

/** The outcome of parsing an EMV CPM payload. */
public sealed interface CpmResult {

    record Parsed(CpmPayload payload) implements CpmResult {
    }

    /** A refused payload; {@code detail} names tags and offsets, never card data. */
    record Failed(CpmError error, String detail) implements CpmResult {
    }
}
