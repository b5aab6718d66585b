package org.openscis.codec.qr;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a UnionPay CPM payload with exactly the tag set of qr.md §9.3: 85 "CPV01", then one 61 holding 4F, 57,
 * 5F34 = 00 and a 63 with 9F26, 9F27, 9F10, 9F36, 82, 9F37; BER long-form lengths where needed; base64 with padding.
 */
public final class CpmBuilder {

    static final int PAN_SEQUENCE_NUMBER = 0x5F34;
    private static final byte[] PAN_SEQUENCE_ZERO = {0};

    private CpmBuilder() {
    }

    public static String build(CpmContent c) {
        int atc = c.atc();
        List<Tlv> transparent = List.of(
                Tlv.primitive(CpmPayload.CRYPTOGRAM, c.cryptogram()),
                Tlv.primitive(CpmPayload.CRYPTOGRAM_INFO, new byte[] {(byte) c.cid()}),
                Tlv.primitive(CpmPayload.ISSUER_APPLICATION_DATA, c.issuerApplicationData()),
                Tlv.primitive(CpmPayload.ATC, new byte[] {(byte) (atc >>> 8), (byte) atc}),
                Tlv.primitive(CpmPayload.AIP, c.aip()),
                Tlv.primitive(CpmPayload.UNPREDICTABLE_NUMBER, c.unpredictableNumber()));
        List<Tlv> application = List.of(
                Tlv.primitive(CpmParser.AID, HexFormat.of().parseHex(c.aid())),
                Tlv.primitive(CpmParser.TRACK2, c.track2().encode()),
                Tlv.primitive(PAN_SEQUENCE_NUMBER, PAN_SEQUENCE_ZERO),
                Tlv.constructed(CpmParser.APPLICATION_TRANSPARENT, transparent));
        byte[] bytes = BerTlv.write(List.of(
                Tlv.primitive(CpmParser.PFI, CpmParser.CPV01),
                Tlv.constructed(CpmParser.APPLICATION_TEMPLATE, application)));
        return Base64.getEncoder().encodeToString(bytes);
    }
}
