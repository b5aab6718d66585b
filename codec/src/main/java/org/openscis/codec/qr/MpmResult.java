package org.openscis.codec.qr;

import java.util.List;

/** The outcome of parsing an MPM payload: the payload with any warnings, or the first rule it breaks. */
public sealed interface MpmResult {

    /** A payload that passed every check; {@code warnings} name tolerated deviations such as {@code CRC_LOWERCASE}. */
    record Parsed(MpmPayload payload, List<String> warnings) implements MpmResult {
        public Parsed {
            warnings = List.copyOf(warnings);
        }
    }

    /** A refused payload; {@code detail} names the place (IDs, offsets), never the values. */
    record Failed(MpmError error, String detail) implements MpmResult {
    }
}
