package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MpmBuilderTest {

    private final MpmParser parser = new MpmParser(MpmPolicy.strict());

    @Test
    void buildsTheUnionPayStaticMinimalVectorByteForByte() {
        String built = MpmBuilder.create().put("01", "11").unionPay("30010344", "00010344", "123456789012345")
                .put("52", "5812").put("53", "344").put("58", "HK").put("59", "UPI TEST CAFE").put("60", "HONG KONG")
                .build();

        assertThat(built).isEqualTo(vector("mpm-c01-up-static-minimal").get("payload").asText());
    }

    @Test
    void writesIdsAscendingAndSubIdsAscendingWhateverTheCallOrder() {
        String built = MpmBuilder.create().put("60", "HONG KONG").put("59", "CAFE").put("58", "HK").put("53", "344")
                .put("52", "5812").template("62", Map.of("07", "T1", "01", "BILL"))
                .template("64", Map.of("01", "咖啡", "00", "ZH")).unionPay("30010344", "00010344", "123456789012345")
                .build();

        assertThat(built).startsWith("000201153130010344").contains("62140104BILL0702T1").contains("64120002ZH0102咖啡");
        MpmResult r = parser.parse(built);
        assertThat(r).isInstanceOfSatisfying(MpmResult.Parsed.class, p -> {
            assertThat(p.payload().language()).contains(new LanguageTemplate("ZH", "咖啡", Optional.empty()));
            assertThat(p.payload().additionalData().orElseThrow().terminalLabel()).contains("T1");
            assertThat(p.payload().crc()).isEqualTo(built.substring(built.length() - 4)).isUpperCase();
        });
    }

    static Stream<Arguments> ascendingVectors() {
        return QrVectors.list("mpm", "valid").stream()
                .filter(v -> ascending(v.get("payload").asText()))
                .map(v -> Arguments.of(v.get("id").asText(), v.get("payload").asText()));
    }

    /** Re-building a parsed payload from its raw root values gives back the same string (CRC upper case). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ascendingVectors")
    void rebuildingAParsedVectorReproducesIt(String id, String payload) {
        MpmPayload p = ((MpmResult.Parsed) parser.parse(payload)).payload();
        MpmBuilder b = MpmBuilder.create();
        for (int n = 0; n < 100; n++) {
            String rootId = (n < 10 ? "0" : "") + n;
            if (n != 63) {
                p.value(rootId).ifPresent(v -> b.put(rootId, v));
            }
        }

        assertThat(b.build()).isEqualToIgnoringCase(payload);
    }

    @Test
    void framingMistakesAreProgrammingErrors() {
        assertThatThrownBy(() -> MpmBuilder.create().put("63", "ABCD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MpmBuilder.create().put("1", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MpmBuilder.create().put("59", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MpmBuilder.create().put("59", "x".repeat(100))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MpmBuilder.create().template("62", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MpmBuilder.create().unionPay("1", "00010344", "123456789012345"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesCountCharactersNotJavaChars() {
        Map<String, String> language = new LinkedHashMap<>();
        language.put("00", "JA");
        language.put("01", "𠮷野家");

        String built = MpmBuilder.create().template("64", language).build();

        assertThat(built).contains("64130002JA0103𠮷野家");
    }

    private static boolean ascending(String payload) {
        int last = -1;
        int i = 0;
        while (i < payload.length()) {
            int id = MpmScan.twoDigits(payload, i);
            int len = MpmScan.twoDigits(payload, i + 2);
            if (id <= last) {
                return false;
            }
            last = id;
            i = payload.offsetByCodePoints(i + 4, len);
        }
        return true;
    }

    private static JsonNode vector(String id) {
        return QrVectors.list("mpm", "valid").stream().filter(v -> v.get("id").asText().equals(id)).findFirst().orElseThrow();
    }
}
