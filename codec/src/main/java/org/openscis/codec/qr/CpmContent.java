package org.openscis.codec.qr;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What goes into a generated UnionPay CPM payload (qr.md §9.3). Arrays are copied in and out.
 *
 * @param aid                    application AID, hex (5-16 bytes), e.g. {@code A000000333010101}
 * @param cryptogram             9F26, 8 bytes
 * @param cid                    9F27, cryptogram information data (0x80 = ARQC)
 * @param issuerApplicationData  9F10, 1-32 bytes (UnionPay samples: 17)
 * @param atc                    9F36, 0-65535
 * @param aip                    82, 2 bytes
 * @param unpredictableNumber    9F37, 4 bytes
 */
public record CpmContent(String aid, Track2 track2, byte[] cryptogram, int cid, byte[] issuerApplicationData,
                         int atc, byte[] aip, byte[] unpredictableNumber) {

    static final int CRYPTOGRAM_BYTES = 8;
    static final int AIP_BYTES = 2;
    static final int UNPREDICTABLE_NUMBER_BYTES = 4;
    static final int MAX_IAD_BYTES = 32;
    static final int MAX_ATC = 0xFFFF;
    /** Cryptogram information data for an authorisation request cryptogram. */
    public static final int CID_ARQC = 0x80;

    public CpmContent {
        byte[] aidBytes = HexFormat.of().parseHex(aid);
        if (aidBytes.length < CpmParser.MIN_AID_BYTES || aidBytes.length > CpmParser.MAX_AID_BYTES) {
            throw new IllegalArgumentException("AID must be 5-16 bytes");
        }
        aid = HexFormat.of().withUpperCase().formatHex(aidBytes);
        if (track2 == null) {
            throw new IllegalArgumentException("track 2 is required");
        }
        cryptogram = exactly(cryptogram, CRYPTOGRAM_BYTES, "cryptogram");
        if (cid < 0 || cid > 0xFF) {
            throw new IllegalArgumentException("CID is one byte");
        }
        if (issuerApplicationData.length < 1 || issuerApplicationData.length > MAX_IAD_BYTES) {
            throw new IllegalArgumentException("issuer application data must be 1-32 bytes");
        }
        issuerApplicationData = issuerApplicationData.clone();
        if (atc < 0 || atc > MAX_ATC) {
            throw new IllegalArgumentException("ATC must be 0-65535");
        }
        aip = exactly(aip, AIP_BYTES, "AIP");
        unpredictableNumber = exactly(unpredictableNumber, UNPREDICTABLE_NUMBER_BYTES, "unpredictable number");
    }

    @Override
    public byte[] cryptogram() {
        return cryptogram.clone();
    }

    @Override
    public byte[] issuerApplicationData() {
        return issuerApplicationData.clone();
    }

    @Override
    public byte[] aip() {
        return aip.clone();
    }

    @Override
    public byte[] unpredictableNumber() {
        return unpredictableNumber.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpmContent c && c.aid.equals(aid) && c.track2.equals(track2) && c.cid == cid && c.atc == atc
                && Arrays.equals(c.cryptogram, cryptogram) && Arrays.equals(c.issuerApplicationData, issuerApplicationData)
                && Arrays.equals(c.aip, aip) && Arrays.equals(c.unpredictableNumber, unpredictableNumber);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * aid.hashCode() + track2.hashCode()) + atc;
    }

    /** No cryptographic material, PAN masked by {@link Track2#toString()}. */
    @Override
    public String toString() {
        return "CpmContent[aid=" + aid + ", " + track2 + ", atc=" + atc + "]";
    }

    private static byte[] exactly(byte[] b, int bytes, String name) {
        if (b == null || b.length != bytes) {
            throw new IllegalArgumentException(name + " must be " + bytes + " bytes");
        }
        return b.clone();
    }
}
