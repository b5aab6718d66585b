package org.openscis.codec.qr;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One BER-TLV data object (EMV Book 3 Annex B). {@code tag} holds the tag bytes big-endian ({@code 0x9F26}). A
 * constructed object read by {@link BerTlv#read} has its content bytes in {@code value} and the parsed objects in
 * {@code children}; when written, a constructed object with children is encoded from the children.
 */
public record Tlv(int tag, byte[] value, List<Tlv> children) {

    public Tlv {
        value = value.clone();
        children = List.copyOf(children);
    }

    /** A primitive object. */
    public static Tlv primitive(int tag, byte[] value) {
        return new Tlv(tag, value, List.of());
    }

    /** A constructed object (a template) holding {@code children}; its value is their encoding. */
    public static Tlv constructed(int tag, List<Tlv> children) {
        return new Tlv(tag, BerTlv.write(children), children);
    }

    /** Whether the tag's first byte marks a constructed object (bit 6). */
    public boolean constructed() {
        return (firstTagByte(tag) & BerTlv.CONSTRUCTED_BIT) != 0;
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The tag as upper-case hex ({@code "9F26"}). */
    public String tagHex() {
        return BerTlv.tagHex(tag);
    }

    /** The first child with this tag, if any. */
    public Optional<Tlv> child(int childTag) {
        return children.stream().filter(c -> c.tag == childTag).findFirst();
    }

    static int firstTagByte(int tag) {
        if ((tag & 0xFF000000) != 0) {
            return tag >>> 24;
        }
        if ((tag & 0xFF0000) != 0) {
            return tag >>> 16;
        }
        if ((tag & 0xFF00) != 0) {
            return tag >>> 8;
        }
        return tag;
    }

    int valueLength() {
        return value.length;
    }

    byte[] valueUnsafe() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && t.tag == tag && Arrays.equals(t.value, value) && t.children.equals(children);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * tag + Arrays.hashCode(value)) + children.hashCode();
    }

    /** Tag and length only: values may be card data. */
    @Override
    public String toString() {
        return "Tlv[" + tagHex() + ", " + value.length + " bytes" + (children.isEmpty() ? "" : ", " + children) + "]";
    }
}
