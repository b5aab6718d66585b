package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CPM reader rules beyond the vectors. */
class CpmParserTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final Tlv PFI = Tlv.primitive(0x85, "CPV01".getBytes());
    private static final Tlv UNIONPAY_AID = Tlv.primitive(0x4F, HEX.parseHex("A000000333010101"));
    private static final Tlv TRACK2 = Tlv.primitive(0x57, HEX.parseHex("6292610358444335641D22102010000018801F"));

    private final CpmParser parser = new CpmParser(List.of("A000000333"));

    private static String encode(Tlv... objects) {
        return Base64.getEncoder().encodeToString(BerTlv.write(List.of(objects)));
    }

    private CpmError error(String payload) {
        CpmResult r = parser.parse(payload);
        assertThat(r).isInstanceOf(CpmResult.Failed.class);
        return ((CpmResult.Failed) r).error();
    }

    @Test
    void panComesFrom5AWhenPresentAndTrack2IsStillDecoded() {
        Tlv pan = Tlv.primitive(0x5A, HEX.parseHex("6292610358444335641F"));

        CpmResult r = parser.parse(encode(PFI, Tlv.constructed(0x61, List.of(UNIONPAY_AID, TRACK2, pan))));

        assertThat(r).isInstanceOfSatisfying(CpmResult.Parsed.class, p -> {
            assertThat(p.payload().pan()).isEqualTo("6292610358444335641");
            assertThat(p.payload().track2().expiryYymm()).isEqualTo("2210");
            assertThat(p.payload().toString()).doesNotContain("6292610358444335641");
        });
    }

    @Test
    void firstEligibleApplicationIsChosenAndIneligibleOnesAreSkipped() {
        Tlv visa = Tlv.constructed(0x61, List.of(Tlv.primitive(0x4F, HEX.parseHex("A0000000031010")), TRACK2));
        Tlv noAid = Tlv.constructed(0x61, List.of(TRACK2));
        Tlv longAid = Tlv.constructed(0x61, List.of(Tlv.primitive(0x4F, HEX.parseHex("A000000333" + "00".repeat(12))), TRACK2));
        Tlv credit = Tlv.constructed(0x61, List.of(Tlv.primitive(0x4F, HEX.parseHex("A000000333010102")), TRACK2));

        CpmResult r = parser.parse(encode(PFI, visa, noAid, longAid, credit));

        assertThat(r).isInstanceOfSatisfying(CpmResult.Parsed.class,
                p -> assertThat(p.payload().aid()).isEqualTo("A000000333010102"));
    }

    @Test
    void duplicatesInsideTheTransparentTemplateAreNotChecked() {
        Tlv t63 = Tlv.constructed(0x63, List.of(Tlv.primitive(0x9F36, new byte[] {0, 1}), Tlv.primitive(0x9F36, new byte[] {0, 2})));

        CpmResult r = parser.parse(encode(PFI, Tlv.constructed(0x61, List.of(UNIONPAY_AID, TRACK2, t63))));

        assertThat(r).isInstanceOfSatisfying(CpmResult.Parsed.class, p -> assertThat(p.payload().atc()).hasValue(1));
    }

    @Test
    void unknownObjectsAreKept() {
        Tlv extra = Tlv.primitive(0x9F7C, new byte[] {1, 2, 3});
        Tlv later = Tlv.constructed(0x65, List.of(Tlv.primitive(0x01, new byte[] {9})));

        CpmResult r = parser.parse(encode(PFI, Tlv.constructed(0x61, List.of(UNIONPAY_AID, TRACK2, extra)), later));

        assertThat(r).isInstanceOfSatisfying(CpmResult.Parsed.class,
                p -> assertThat(p.payload().poiData()).containsKey(0x9F7C));
    }

    @Test
    void failures() {
        assertThat(error(null)).isEqualTo(CpmError.CPM_PREFIX);
        assertThat(error("")).isEqualTo(CpmError.CPM_PREFIX);
        assertThat(error("hQVDUFY!")).isEqualTo(CpmError.BASE64);
        assertThat(error("hQVDUFY")).isEqualTo(CpmError.BER_TRUNCATED);
        assertThat(error(encode(PFI))).isEqualTo(CpmError.NO_APPLICATION_TEMPLATE);
        assertThat(error(encode(PFI, Tlv.constructed(0x61, List.of(UNIONPAY_AID, TRACK2, TRACK2)))))
                .isEqualTo(CpmError.DUPLICATE_POI_DATA);
        assertThat(error(encode(PFI, Tlv.constructed(0x61, List.of(UNIONPAY_AID,
                Tlv.primitive(0x57, HEX.parseHex("6292610358444335641D2213201F"))))))).isEqualTo(CpmError.TRACK2_FORMAT);
        assertThat(error(encode(PFI, Tlv.constructed(0x61, List.of(UNIONPAY_AID, Tlv.primitive(0x5A, HEX.parseHex("62AB")))))))
                .isEqualTo(CpmError.NO_PAN);
        assertThat(error(encode(PFI, Tlv.constructed(0x61, List.of(UNIONPAY_AID, Tlv.primitive(0x5A, HEX.parseHex("6F12")))))))
                .isEqualTo(CpmError.NO_PAN);
        assertThat(error(encode(Tlv.primitive(0x85, "CPV02".getBytes()), PFI))).isEqualTo(CpmError.PFI_VALUE);
        assertThat(error(encode(Tlv.primitive(0x85, "CPV011".getBytes())))).isEqualTo(CpmError.CPM_PREFIX);
        assertThat(error("hQVDUFYwMWE=" + "AA")).isEqualTo(CpmError.BASE64);
    }

    @Test
    void theTextPrefixAlreadyPinsTheFirstObjectTo85WithFiveBytes() {
        // hQVDUFY fixes the first 5 bytes (85 05 "CPV"), so a payload whose first object is not the PFI fails here.
        byte[] bytes = HEX.parseHex("8503435056" + "6103" + "4F0100");

        assertThat(error(Base64.getEncoder().encodeToString(bytes))).isEqualTo(CpmError.CPM_PREFIX);
        assertThat(error(encode(Tlv.constructed(0x61, List.of(UNIONPAY_AID, TRACK2)), PFI))).isEqualTo(CpmError.CPM_PREFIX);
    }
}
