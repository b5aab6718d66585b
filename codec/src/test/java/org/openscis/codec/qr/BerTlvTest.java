package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BerTlvTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void shortAndLongFormLengthsAreWrittenMinimally() {
        assertThat(HEX.formatHex(BerTlv.write(List.of(Tlv.primitive(0x5A, new byte[127]))))).startsWith("5A7F");
        assertThat(HEX.formatHex(BerTlv.write(List.of(Tlv.primitive(0x5A, new byte[128]))))).startsWith("5A8180");
        assertThat(HEX.formatHex(BerTlv.write(List.of(Tlv.primitive(0x5A, new byte[255]))))).startsWith("5A81FF");
        assertThat(HEX.formatHex(BerTlv.write(List.of(Tlv.primitive(0x5A, new byte[256]))))).startsWith("5A820100");
        assertThat(HEX.formatHex(BerTlv.write(List.of(Tlv.primitive(0x5A, new byte[70000]))))).startsWith("5A83011170");
    }

    @Test
    void longFormsReadBack() {
        for (int size : new int[] {0, 1, 127, 128, 255, 256, 600, 65535, 65536}) {
            List<Tlv> objects = List.of(Tlv.constructed(0x61, List.of(Tlv.primitive(0x9F26, new byte[size]))),
                    Tlv.primitive(0x85, "CPV01".getBytes()));
            byte[] bytes = BerTlv.write(objects);

            BerResult read = BerTlv.read(bytes);

            assertThat(read).isEqualTo(new BerResult.Parsed(objects));
            assertThat(BerTlv.write(((BerResult.Parsed) read).objects())).isEqualTo(bytes);
        }
    }

    @Test
    void multiByteTagsAreReadAndWritten() {
        byte[] bytes = HEX.parseHex("9F2601AA5F3401005F2D026565BF0C039F0100DF810101FF");

        BerResult read = BerTlv.read(bytes);

        assertThat(read).isInstanceOfSatisfying(BerResult.Parsed.class, p -> {
            assertThat(p.objects()).extracting(Tlv::tagHex).containsExactly("9F26", "5F34", "5F2D", "BF0C", "DF8101");
            Tlv bf0c = p.objects().get(3);
            assertThat(bf0c.constructed()).isTrue();
            assertThat(bf0c.children()).extracting(Tlv::tagHex).containsExactly("9F01");
            assertThat(bf0c.child(0x9F01)).isPresent();
            assertThat(p.objects().get(0).constructed()).isFalse();
            assertThat(BerTlv.write(p.objects())).isEqualTo(bytes);
        });
    }

    @ParameterizedTest
    @CsvSource({
        "5A05AABB, BER_TRUNCATED",
        "5A, BER_TRUNCATED",
        "9F, BER_TRUNCATED",
        "9F81, BER_TRUNCATED",
        "5A81, BER_TRUNCATED",
        "5A8201, BER_TRUNCATED",
        "6104 5A05AABB, BER_TRUNCATED",
        "5A80, BER_LENGTH",
        "5A84000000010A, BER_LENGTH",
        "9F81818101AA, BER_LENGTH",
    })
    void malformedInputFailsWithACode(String hex, CpmError expected) {
        BerResult read = BerTlv.read(HEX.parseHex(hex.replace(" ", "")));

        assertThat(read).isInstanceOfSatisfying(BerResult.Failed.class, f -> assertThat(f.error()).isEqualTo(expected));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedNotRecursedInto() {
        byte[] bytes = new byte[0];
        for (int i = 0; i < 40; i++) {
            byte[] outer = new byte[bytes.length + 2];
            outer[0] = 0x61;
            outer[1] = (byte) bytes.length;
            System.arraycopy(bytes, 0, outer, 2, bytes.length);
            bytes = outer.length < 128 ? outer : bytes;
        }

        assertThat(BerTlv.read(bytes)).isInstanceOfSatisfying(BerResult.Failed.class,
                f -> assertThat(f.error()).isEqualTo(CpmError.BER_LENGTH));
        assertThat(BerTlv.read(null)).isInstanceOf(BerResult.Failed.class);
        assertThat(BerTlv.read(new byte[0])).isEqualTo(new BerResult.Parsed(List.of()));
    }

    @Test
    void toStringShowsTagsAndLengthsOnly() {
        Tlv t = Tlv.constructed(0x61, List.of(Tlv.primitive(0x5A, HEX.parseHex("6292610358444335"))));

        assertThat(t.toString()).isEqualTo("Tlv[61, 10 bytes, [Tlv[5A, 8 bytes]]]");
    }
}
