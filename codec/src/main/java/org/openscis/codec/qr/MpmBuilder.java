package org.openscis.codec.qr;

import java.util.Map;
import java.util.TreeMap;

/**
 * Writes EMVCo MPM payloads (for tests, the demo and merchant tooling): IDs in ascending order with 00 first, sub-IDs
 * in ascending order, lengths in characters, the CRC last in upper case. It checks the TLV frame (IDs, lengths), not
 * the field rules — {@link MpmParser} is the judge of those, so a builder can also produce invalid codes for tests.
 */
public final class MpmBuilder {

    private static final int MAX_VALUE_CHARS = 99;

    private final TreeMap<Integer, String> objects = new TreeMap<>();

    private MpmBuilder() {
    }

    /** A builder with ID 00 = "01" already set. */
    public static MpmBuilder create() {
        return new MpmBuilder().put("00", "01");
    }

    /** Sets a root object (replacing an earlier value of the same ID). ID 63 is always computed. */
    public MpmBuilder put(String id, String value) {
        int n = checkedId(id);
        if (n == MpmParser.CRC) {
            throw new IllegalArgumentException("ID 63 is the CRC, written by build()");
        }
        objects.put(n, checkedValue(id, value));
        return this;
    }

    /** Sets a template root object from its sub-objects (sub-ID to value), written in ascending sub-ID order. */
    public MpmBuilder template(String id, Map<String, String> sub) {
        if (sub.isEmpty()) {
            throw new IllegalArgumentException("template " + id + " needs at least one object");
        }
        StringBuilder body = new StringBuilder();
        new TreeMap<>(sub).forEach((subId, value) -> append(body, checkedId(subId), checkedValue(subId, value)));
        return put(id, body.toString());
    }

    /** Sets ID 15 to acquirer IIN (8 digits) + forwarding IIN (8 digits) + merchant ID (15 characters). */
    public MpmBuilder unionPay(String acquirerIin, String fwdIin, String mid) {
        if (acquirerIin.length() != UnionPayAccount.IIN_CHARS || fwdIin.length() != UnionPayAccount.IIN_CHARS
                || mid.length() != UnionPayAccount.MID_CHARS) {
            throw new IllegalArgumentException("ID 15 is 8 + 8 + 15 characters");
        }
        return put("15", acquirerIin + fwdIin + mid);
    }

    /** The payload, CRC included. */
    public String build() {
        StringBuilder out = new StringBuilder(256);
        objects.forEach((id, value) -> append(out, id, value));
        out.append("6304");
        out.append(Crc16.hex(Crc16.ccittFalse(out, 0, out.length())));
        return out.toString();
    }

    private static void append(StringBuilder out, int id, String value) {
        int len = value.codePointCount(0, value.length());
        out.append(MpmText.id2(id)).append(MpmText.id2(len)).append(value);
    }

    private static int checkedId(String id) {
        int n = MpmText.idOf(id);
        if (n < 0) {
            throw new IllegalArgumentException("ID must be two digits: " + id);
        }
        return n;
    }

    private static String checkedValue(String id, String value) {
        int len = value.codePointCount(0, value.length());
        if (len < 1 || len > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException("ID " + id + ": value must be 1-99 characters, was " + len);
        }
        return value;
    }
}
