package org.openscis.codec.jose;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The little ASN.1 DER framing key files need: reading the algorithm OID of PKCS#8 and SubjectPublicKeyInfo, and
 * wrapping PKCS#1 / SEC1 keys into those containers so that the JDK key factories read them without BouncyCastle.
 * Framing only; all cryptography stays with the JCA. Malformed input throws IllegalArgumentException.
 */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int BIT_STRING = 0x03;
    static final int OID = 0x06;
    static final int CONTEXT_0 = 0xA0;

    /** 1.2.840.113549.1.1.1 */
    static final byte[] OID_RSA = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    /** 1.2.840.10045.2.1 */
    static final byte[] OID_EC = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    /** 1.2.840.10045.3.1.7 (secp256r1) */
    static final byte[] OID_P256 = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};

    private static final byte[] NULL = {0x05, 0x00};

    private Der() {}

    /** One element: tag and the bounds of its contents inside the buffer it was read from. */
    record Element(int tag, int contentStart, int contentEnd) {
        byte[] content(byte[] der) {
            return Arrays.copyOfRange(der, contentStart, contentEnd);
        }
    }

    /** Reads the element starting at {@code offset}, within {@code limit}. */
    static Element read(byte[] der, int offset, int limit) {
        if (offset + 2 > limit) {
            throw new IllegalArgumentException("DER truncated");
        }
        int tag = der[offset] & 0xFF;
        int first = der[offset + 1] & 0xFF;
        int pos = offset + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4 || pos + count > limit) {
                throw new IllegalArgumentException("DER length malformed");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[pos++] & 0xFF);
            }
        }
        if (length > limit - pos) {
            throw new IllegalArgumentException("DER truncated");
        }
        return new Element(tag, pos, pos + (int) length);
    }

    static Element expect(byte[] der, int offset, int limit, int tag) {
        Element e = read(der, offset, limit);
        if (e.tag() != tag) {
            throw new IllegalArgumentException("DER structure unexpected");
        }
        return e;
    }

    /** The key algorithm OID (contents) of a PKCS#8 PrivateKeyInfo or an X.509 SubjectPublicKeyInfo. */
    static byte[] algorithmOid(byte[] der, boolean pkcs8) {
        Element outer = expect(der, 0, der.length, SEQUENCE);
        int pos = outer.contentStart();
        if (pkcs8) {
            pos = expect(der, pos, outer.contentEnd(), INTEGER).contentEnd();
        }
        Element algorithmId = expect(der, pos, outer.contentEnd(), SEQUENCE);
        return expect(der, algorithmId.contentStart(), algorithmId.contentEnd(), OID).content(der);
    }

    /**
     * The curve OID inside a SEC1 ECPrivateKey ({@code [0] parameters}), or null when the structure omits it.
     */
    static byte[] sec1CurveOid(byte[] der) {
        Element outer = expect(der, 0, der.length, SEQUENCE);
        int pos = expect(der, outer.contentStart(), outer.contentEnd(), INTEGER).contentEnd();
        pos = expect(der, pos, outer.contentEnd(), OCTET_STRING).contentEnd();
        while (pos < outer.contentEnd()) {
            Element e = read(der, pos, outer.contentEnd());
            if (e.tag() == CONTEXT_0) {
                Element oid = read(der, e.contentStart(), e.contentEnd());
                return oid.tag() == OID ? oid.content(der) : null;
            }
            pos = e.contentEnd();
        }
        return null;
    }

    /** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo. */
    static byte[] pkcs8FromPkcs1(byte[] rsaPrivateKey) {
        return pkcs8(sequence(tlv(OID, OID_RSA), NULL), rsaPrivateKey);
    }

    /** SEC1 ECPrivateKey on P-256 → PKCS#8 PrivateKeyInfo. */
    static byte[] pkcs8FromSec1P256(byte[] ecPrivateKey) {
        return pkcs8(sequence(tlv(OID, OID_EC), tlv(OID, OID_P256)), ecPrivateKey);
    }

    /** PKCS#1 RSAPublicKey → X.509 SubjectPublicKeyInfo. */
    static byte[] spkiFromPkcs1(byte[] rsaPublicKey) {
        byte[] bits = new byte[rsaPublicKey.length + 1];
        System.arraycopy(rsaPublicKey, 0, bits, 1, rsaPublicKey.length);
        return sequence(sequence(tlv(OID, OID_RSA), NULL), tlv(BIT_STRING, bits));
    }

    private static byte[] pkcs8(byte[] algorithmId, byte[] privateKey) {
        return sequence(tlv(INTEGER, new byte[] {0}), algorithmId, tlv(OCTET_STRING, privateKey));
    }

    static byte[] sequence(byte[]... encodedParts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : encodedParts) {
            content.writeBytes(part);
        }
        return tlv(SEQUENCE, content.toByteArray());
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
