package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cpm.valid vector reads to its tree and expected fields; every cpm.invalid one fails with one of its reasons. */
class CpmVectorTest {

    static final List<String> SUPPORTED_AIDS = List.of("A000000333", "A0000000555555", "A0000000666666");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final CpmParser parser = new CpmParser(SUPPORTED_AIDS);

    static Stream<Arguments> valid() {
        return QrVectors.list("cpm", "valid").stream().map(v -> Arguments.of(v.get("id").asText(), v));
    }

    static Stream<Arguments> invalid() {
        return QrVectors.list("cpm", "invalid").stream().map(v -> Arguments.of(v.get("id").asText(), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validVectorReadsToItsTree(String id, JsonNode v) {
        byte[] bytes = Base64.getDecoder().decode(v.get("base64").asText());
        assertThat(HEX.formatHex(bytes)).isEqualTo(v.get("hex").asText());
        assertThat(bytes).hasSize(v.get("lengthBytes").asInt());

        BerResult read = BerTlv.read(bytes);

        assertThat(read).isInstanceOf(BerResult.Parsed.class);
        List<Tlv> objects = ((BerResult.Parsed) read).objects();
        assertTree(objects, v.get("tree"));
        assertThat(BerTlv.write(objects)).as("write(read(x)) == x").isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validVectorParsesWithTheExpectedFields(String id, JsonNode v) {
        CpmResult result = parser.parse(v.get("base64").asText());

        assertThat(result).as(id).isInstanceOf(CpmResult.Parsed.class);
        CpmPayload p = ((CpmResult.Parsed) result).payload();
        JsonNode e = v.get("expected");
        assertThat(e.get("payloadFormatIndicator").asText()).isEqualTo("CPV01");
        assertThat(p.aid()).isEqualTo(e.get("aid").asText());
        assertThat(hex(p.poiData())).isEqualTo(QrVectors.strings(e.get("poiData")));
        Map<String, String> transparent = new HashMap<>();
        e.get("transparentData").fields().forEachRemaining(t -> transparent.putAll(QrVectors.strings(t.getValue())));
        assertThat(hex(p.transparentData())).isEqualTo(transparent);
        JsonNode t2 = e.get("track2");
        if (t2 == null) {
            assertThat(p.track2()).isNull();
            assertThat(p.pan()).isEqualTo(e.get("poiData").get("5A").asText().replace("F", ""));
        } else {
            assertThat(p.track2()).isEqualTo(new Track2(t2.get("pan").asText(), t2.get("expiryYYMM").asText(),
                    t2.get("serviceCode").asText(), t2.get("discretionaryData").asText()));
            assertThat(p.pan()).isEqualTo(t2.get("pan").asText());
            assertThat(HEX.formatHex(p.track2().encode())).isEqualTo(e.get("poiData").get("57").asText())
                    .matches(t2.get("padded").asBoolean() ? ".*F" : ".*[0-9]");
        }
        transparentAccessors(p, transparent);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidVectorFailsWithOneOfItsReasons(String id, JsonNode v) {
        CpmResult result = parser.parse(v.get("base64").asText());

        assertThat(result).as(id).isInstanceOf(CpmResult.Failed.class);
        List<String> reasons = new ArrayList<>();
        v.get("reasons").forEach(r -> reasons.add(r.asText()));
        CpmError error = ((CpmResult.Failed) result).error();
        assertThat(error.name()).as(id).isIn(reasons).isEqualTo(v.get("firstErrorFromReferenceParser").asText());
    }

    private static void transparentAccessors(CpmPayload p, Map<String, String> transparent) {
        assertThat(p.cryptogram().map(HEX::formatHex)).isEqualTo(java.util.Optional.ofNullable(transparent.get("9F26")));
        assertThat(p.unpredictableNumber().map(HEX::formatHex)).isEqualTo(java.util.Optional.ofNullable(transparent.get("9F37")));
        assertThat(p.issuerApplicationData().map(HEX::formatHex))
                .isEqualTo(java.util.Optional.ofNullable(transparent.get("9F10")));
        if (transparent.containsKey("9F36")) {
            assertThat(p.atc().getAsInt()).isEqualTo(Integer.parseInt(transparent.get("9F36"), 16));
        } else {
            assertThat(p.atc()).isEmpty();
        }
    }

    private static void assertTree(List<Tlv> objects, JsonNode tree) {
        assertThat(objects).hasSize(tree.size());
        for (int i = 0; i < objects.size(); i++) {
            Tlv t = objects.get(i);
            JsonNode n = tree.get(i);
            assertThat(t.tagHex()).isEqualTo(n.get("tag").asText());
            assertThat(t.value()).hasSize(n.get("length").asInt());
            if (n.has("children")) {
                assertThat(t.constructed()).isTrue();
                assertTree(t.children(), n.get("children"));
            } else {
                assertThat(t.children()).isEmpty();
                assertThat(HEX.formatHex(t.value())).isEqualTo(n.get("value").asText());
            }
        }
    }

    private static Map<String, String> hex(Map<Integer, byte[]> data) {
        Map<String, String> out = new HashMap<>();
        data.forEach((tag, value) -> out.put(BerTlv.tagHex(tag), HEX.formatHex(value)));
        return out;
    }
}
