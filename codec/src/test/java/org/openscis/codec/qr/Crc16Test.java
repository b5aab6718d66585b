package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16Test {

    @Test
    void catalogueCheckValueOf123456789Is29B1() {
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);

        assertThat(Crc16.hex(Crc16.ccittFalse(b, 0, b.length))).isEqualTo("29B1");
    }

    @Test
    void hexIsZeroPaddedUpperCase() {
        assertThat(Crc16.hex(0x7B)).isEqualTo("007B");
        assertThat(Crc16.hex(0xA13A)).isEqualTo("A13A");
    }

    @Test
    void textVariantHashesTheUtf8BytesIncludingCharactersOutsideTheBmp() {
        String s = "6304𠮷野家é A\u0000";
        byte[] b = s.getBytes(StandardCharsets.UTF_8);

        assertThat(Crc16.ccittFalse(s, 0, s.length())).isEqualTo(Crc16.ccittFalse(b, 0, b.length));
    }

    @Test
    void loneSurrogateHashesLikeJavasUtf8Encoder() {
        String s = "ab\uD800cd\uDC00";
        byte[] b = s.getBytes(StandardCharsets.UTF_8);

        assertThat(Crc16.ccittFalse(s, 0, s.length())).isEqualTo(Crc16.ccittFalse(b, 0, b.length));
    }

    @Test
    void annexBPayloadCrcIsA13A() {
        String payload = QrVectors.list("mpm", "valid").get(0).get("payload").asText();
        int crcStart = payload.length() - 4;

        assertThat(Crc16.hex(Crc16.ccittFalse(payload, 0, crcStart))).isEqualTo("A13A");
        byte[] b = payload.substring(0, crcStart).getBytes(StandardCharsets.UTF_8);
        assertThat(Crc16.hex(Crc16.ccittFalse(b, 0, b.length))).isEqualTo("A13A");
    }
}
