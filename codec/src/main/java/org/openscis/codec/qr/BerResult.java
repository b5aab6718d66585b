package org.openscis.codec.qr;

import java.util.List;

/** The outcome of reading BER-TLV: the top-level objects, or why the bytes are not BER-TLV. */
public sealed interface BerResult {

    record Parsed(List<Tlv> objects) implements BerResult {
        public Parsed {
            objects = List.copyOf(objects);
        }
    }

    record Failed(CpmError error, String detail) implements BerResult {
    }
}
