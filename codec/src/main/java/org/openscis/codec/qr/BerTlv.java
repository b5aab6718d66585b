package org.openscis.codec.qr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BER-TLV as EMV uses it (Book 3 Annex B): tags of 1-3 bytes (more bytes follow when the low 5 bits of the first are
 * all 1, then while bit 8 is set), lengths in short form (0-127) or long form 81 xx, 82 xx xx, 83 xx xx xx.
 */
public final class BerTlv {

    static final int MAX_TAG_BYTES = 3;
    /** CPM nests 3 deep (61/63 under the root); much deeper is hostile input, refused before the stack suffers. */
    static final int MAX_DEPTH = 8;
    static final int CONSTRUCTED_BIT = 0x20;
    private static final int MULTI_BYTE_TAG = 0x1F;
    private static final int MORE_TAG_BYTES = 0x80;
    private static final int LONG_FORM = 0x80;
    private static final int MAX_LENGTH_BYTES = 3;

    private BerTlv() {
    }

    /** Reads every object of {@code data}, recursing into constructed ones. Never throws. */
    public static BerResult read(byte[] data) {
        if (data == null) {
            return new BerResult.Failed(CpmError.BER_TRUNCATED, "no data");
        }
        List<Tlv> out = new ArrayList<>();
        BerResult.Failed failed = readAll(data, 0, data.length, 0, out);
        return failed != null ? failed : new BerResult.Parsed(out);
    }

    /** Encodes the objects in order; a constructed object with children is encoded from its children. */
    public static byte[] write(List<Tlv> objects) {
        byte[] out = new byte[size(objects)];
        int end = writeAll(objects, out, 0);
        assert end == out.length;
        return out;
    }

    static String tagHex(int tag) {
        int bytes = tagBytes(tag);
        StringBuilder sb = new StringBuilder(bytes * 2);
        for (int i = bytes - 1; i >= 0; i--) {
            int b = (tag >>> (8 * i)) & 0xFF;
            sb.append(Character.toUpperCase(Character.forDigit(b >>> 4, 16)))
              .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        return sb.toString();
    }

    private static BerResult.Failed readAll(byte[] d, int from, int to, int depth, List<Tlv> out) {
        if (depth > MAX_DEPTH) {
            return new BerResult.Failed(CpmError.BER_LENGTH, "templates nested deeper than " + MAX_DEPTH + " levels");
        }
        int i = from;
        while (i < to) {
            int tagStart = i;
            int first = d[i++] & 0xFF;
            int tag = first;
            if ((first & MULTI_BYTE_TAG) == MULTI_BYTE_TAG) {
                int b;
                do {
                    if (i >= to) {
                        return truncated("tag at byte " + tagStart + " runs past its container");
                    }
                    if (i - tagStart >= MAX_TAG_BYTES) {
                        return new BerResult.Failed(CpmError.BER_LENGTH,
                                "tag at byte " + tagStart + " longer than " + MAX_TAG_BYTES + " bytes");
                    }
                    b = d[i++] & 0xFF;
                    tag = (tag << 8) | b;
                } while ((b & MORE_TAG_BYTES) != 0);
            }
            if (i >= to) {
                return truncated("length of tag " + tagHex(tag) + " missing");
            }
            int len = d[i++] & 0xFF;
            if ((len & LONG_FORM) != 0) {
                int n = len & 0x7F;
                if (n == 0 || n > MAX_LENGTH_BYTES) {
                    return new BerResult.Failed(CpmError.BER_LENGTH,
                            "length of tag " + tagHex(tag) + " starts with " + Integer.toHexString(len));
                }
                if (to - i < n) {
                    return truncated("length of tag " + tagHex(tag) + " runs past its container");
                }
                len = 0;
                for (int k = 0; k < n; k++) {
                    len = (len << 8) | (d[i++] & 0xFF);
                }
            }
            if (to - i < len) {
                return truncated("tag " + tagHex(tag) + " declares " + len + " bytes, " + (to - i) + " left");
            }
            List<Tlv> children = List.of();
            if ((Tlv.firstTagByte(tag) & CONSTRUCTED_BIT) != 0) {
                List<Tlv> nested = new ArrayList<>();
                BerResult.Failed failed = readAll(d, i, i + len, depth + 1, nested);
                if (failed != null) {
                    return failed;
                }
                children = nested;
            }
            out.add(new Tlv(tag, Arrays.copyOfRange(d, i, i + len), children));
            i += len;
        }
        return null;
    }

    private static BerResult.Failed truncated(String detail) {
        return new BerResult.Failed(CpmError.BER_TRUNCATED, detail);
    }

    private static int size(List<Tlv> objects) {
        int size = 0;
        for (Tlv t : objects) {
            int content = encodedFromChildren(t) ? size(t.children()) : t.valueLength();
            size += tagBytes(t.tag()) + lengthBytes(content) + content;
        }
        return size;
    }

    private static int writeAll(List<Tlv> objects, byte[] out, int at) {
        for (Tlv t : objects) {
            int tag = t.tag();
            for (int i = tagBytes(tag) - 1; i >= 0; i--) {
                out[at++] = (byte) (tag >>> (8 * i));
            }
            boolean fromChildren = encodedFromChildren(t);
            int len = fromChildren ? size(t.children()) : t.valueLength();
            if (len < LONG_FORM) {
                out[at++] = (byte) len;
            } else {
                int n = lengthBytes(len) - 1;
                out[at++] = (byte) (LONG_FORM | n);
                for (int i = n - 1; i >= 0; i--) {
                    out[at++] = (byte) (len >>> (8 * i));
                }
            }
            if (fromChildren) {
                at = writeAll(t.children(), out, at);
            } else {
                System.arraycopy(t.valueUnsafe(), 0, out, at, len);
                at += len;
            }
        }
        return at;
    }

    private static boolean encodedFromChildren(Tlv t) {
        return t.constructed() && !t.children().isEmpty();
    }

    static int tagBytes(int tag) {
        return (tag & 0xFF000000) != 0 ? 4 : (tag & 0xFF0000) != 0 ? 3 : (tag & 0xFF00) != 0 ? 2 : 1;
    }

    private static int lengthBytes(int len) {
        return len < LONG_FORM ? 1 : len <= 0xFF ? 2 : len <= 0xFFFF ? 3 : 4;
    }
}
