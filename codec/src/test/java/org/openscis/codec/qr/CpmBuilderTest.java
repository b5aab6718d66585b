package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CpmBuilderTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final Set<String> POI_TAGS = Set.of("4F", "57", "5F34");
    private static final Set<String> TRANSPARENT_TAGS = Set.of("9F26", "9F27", "9F10", "9F36", "82", "9F37");

    private final CpmParser parser = new CpmParser(CpmVectorTest.SUPPORTED_AIDS);

    @Test
    void reproducesTheUpiSampleCpmP03ByteForByte() {
        CpmContent content = new CpmContent("A000000333010101",
                new Track2("6292610358444335641", "2210", "201", "0000018801"), HEX.parseHex("568B12D9DA0BD97F"),
                CpmContent.CID_ARQC, HEX.parseHex("07000103A0000001083339393939393939"), 1, HEX.parseHex("0000"),
                HEX.parseHex("EA0658C8"));

        assertThat(CpmBuilder.build(content)).isEqualTo(
                "hQVDUFYwMWFYTwigAAADMwEBAVcTYpJhA1hEQzVkHSIQIBAAABiAH180AQBjM58mCFaLEtnaC9l/nycBgJ8QEQcAAQOgAAABCDM5OTk5OTk5nzYCAAGCAgAAnzcE6gZYyA==");
    }

    static Stream<Arguments> upiShaped() {
        return QrVectors.list("cpm", "valid").stream()
                .filter(v -> v.get("expected").get("poiData").size() == POI_TAGS.size()
                        && QrVectors.strings(v.get("expected").get("poiData")).keySet().equals(POI_TAGS)
                        && v.get("expected").get("transparentData").has("63")
                        && QrVectors.strings(v.get("expected").get("transparentData").get("63")).keySet()
                                .equals(TRANSPARENT_TAGS))
                .map(v -> Arguments.of(v.get("id").asText(), v));
    }

    /** Every vector with the exact UPI tag set (p03-p05, c01, c02) is rebuilt from its parsed content. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("upiShaped")
    void rebuildsEveryVectorWithTheUpiTagSet(String id, JsonNode v) {
        Map<String, String> t = QrVectors.strings(v.get("expected").get("transparentData").get("63"));
        CpmPayload p = ((CpmResult.Parsed) parser.parse(v.get("base64").asText())).payload();

        CpmContent content = new CpmContent(p.aid(), p.track2(), HEX.parseHex(t.get("9F26")),
                Integer.parseInt(t.get("9F27"), 16), HEX.parseHex(t.get("9F10")), Integer.parseInt(t.get("9F36"), 16),
                HEX.parseHex(t.get("82")), HEX.parseHex(t.get("9F37")));

        assertThat(CpmBuilder.build(content)).isEqualTo(v.get("base64").asText());
    }

    @Test
    void buildThenParseGivesTheContentBack() {
        CpmContent content = new CpmContent("A000000333010102", new Track2("6292611234567890", "3012", "201", "0000018801"),
                HEX.parseHex("0102030405060708"), 0x80, HEX.parseHex("07000103A0000001083339393930313537"), 65535,
                HEX.parseHex("0000"), HEX.parseHex("CAFEBABE"));

        String payload = CpmBuilder.build(content);

        assertThat(payload).startsWith("hQVDUFYwMW").endsWith("=");
        CpmPayload p = ((CpmResult.Parsed) parser.parse(payload)).payload();
        assertThat(p.aid()).isEqualTo("A000000333010102");
        assertThat(p.track2()).isEqualTo(content.track2());
        assertThat(p.pan()).isEqualTo("6292611234567890");
        assertThat(p.cryptogram()).hasValueSatisfying(c -> assertThat(c).isEqualTo(content.cryptogram()));
        assertThat(p.atc()).hasValue(65535);
        assertThat(p.unpredictableNumber()).hasValueSatisfying(u -> assertThat(u).isEqualTo(content.unpredictableNumber()));
        assertThat(p.issuerApplicationData()).hasValueSatisfying(i -> assertThat(i).isEqualTo(content.issuerApplicationData()));
        assertThat(p.poiData().keySet()).containsExactlyInAnyOrder(0x4F, 0x57, 0x5F34);
        assertThat(p.transparentData().keySet()).containsExactlyInAnyOrder(0x9F26, 0x9F27, 0x9F10, 0x9F36, 0x82, 0x9F37);
        assertThat(p.transparentData().get(0x9F27)).containsExactly((byte) 0x80);
    }

    @Test
    void contentRefusesWrongSizes() {
        Track2 t2 = new Track2("6292611234567890", "3012", "201", "");
        byte[] iad = new byte[17];
        assertThatThrownBy(() -> new CpmContent("A0000003", t2, new byte[8], 0x80, iad, 1, new byte[2], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CpmContent("A000000333", t2, new byte[7], 0x80, iad, 1, new byte[2], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CpmContent("A000000333", t2, new byte[8], 0x80, iad, 70000, new byte[2], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CpmContent("A000000333", t2, new byte[8], 256, iad, 1, new byte[2], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CpmContent("A000000333", null, new byte[8], 0x80, iad, 1, new byte[2], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contentToStringShowsNoCardData() {
        CpmContent content = new CpmContent("A000000333010101", new Track2("6292610358444335641", "2210", "201", "1"),
                new byte[8], 0x80, new byte[17], 7, new byte[2], new byte[4]);

        assertThat(content.toString()).doesNotContain("6292610358444335641").doesNotContain("2210").contains("6292");
    }
}
