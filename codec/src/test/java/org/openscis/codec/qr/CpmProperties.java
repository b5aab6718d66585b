package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random bytes, random base64 and mutated payloads only ever give a value; built payloads read back. */
class CpmProperties {

    private static final List<byte[]> VALID = QrVectors.list("cpm", "valid").stream()
            .map(v -> Base64.getDecoder().decode(v.get("base64").asText())).toList();

    private final CpmParser parser = new CpmParser(CpmVectorTest.SUPPORTED_AIDS);

    @Property(tries = 500)
    void randomBytesGiveAValue(@ForAll @Size(max = 300) byte[] bytes) {
        assertThat(BerTlv.read(bytes)).isNotNull();
        assertWellBehaved(parser.parse(Base64.getEncoder().encodeToString(bytes)));
    }

    @Property(tries = 500)
    void randomBytesBehindThePrefixGiveAValue(@ForAll @Size(max = 300) byte[] bytes) {
        byte[] withPrefix = new byte[bytes.length + 5];
        System.arraycopy(new byte[] {(byte) 0x85, 0x05, 'C', 'P', 'V'}, 0, withPrefix, 0, 5);
        System.arraycopy(bytes, 0, withPrefix, 5, bytes.length);
        assertWellBehaved(parser.parse(Base64.getEncoder().encodeToString(withPrefix)));
    }

    @Property(tries = 500)
    void randomTextGiveAValue(@ForAll String s) {
        assertWellBehaved(parser.parse(s));
        assertWellBehaved(parser.parse(CpmParser.PREFIX + s));
    }

    @Property(tries = 1000)
    void mutatedValidPayloadsGiveAValue(@ForAll("mutated") byte[] bytes) {
        assertWellBehaved(parser.parse(Base64.getEncoder().encodeToString(bytes)));
    }

    @Property(tries = 300)
    void builtPayloadsReadBack(@ForAll("track2") Track2 track2, @ForAll @IntRange(min = 0, max = 65535) int atc,
                               @ForAll @Size(8) byte[] cryptogram, @ForAll @Size(4) byte[] un) {
        CpmContent content = new CpmContent("A000000333010101", track2, cryptogram, 0x80, new byte[17], atc,
                new byte[2], un);

        CpmResult r = parser.parse(CpmBuilder.build(content));

        assertThat(r).isInstanceOfSatisfying(CpmResult.Parsed.class, p -> {
            assertThat(p.payload().track2()).isEqualTo(track2);
            assertThat(p.payload().atc()).hasValue(atc);
            assertThat(p.payload().cryptogram()).hasValueSatisfying(c -> assertThat(c).isEqualTo(cryptogram));
            assertThat(p.payload().unpredictableNumber()).hasValueSatisfying(u -> assertThat(u).isEqualTo(un));
        });
    }

    private static void assertWellBehaved(CpmResult r) {
        assertThat(r).isNotNull();
        if (r instanceof CpmResult.Failed f) {
            assertThat(f.error()).isNotNull();
            assertThat(f.detail()).doesNotStartWith("unparseable");
        }
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return Combinators.combine(Arbitraries.of(VALID), Arbitraries.integers().between(0, 3),
                        Arbitraries.doubles().between(0, 1), Arbitraries.bytes(), Arbitraries.integers().between(1, 20))
                .as((b, kind, where, value, span) -> {
                    int i = (int) (where * b.length);
                    byte[] out;
                    switch (kind) {
                        case 0 -> {
                            out = b.clone();
                            out[Math.min(i, b.length - 1)] = value;
                        }
                        case 1 -> out = java.util.Arrays.copyOf(b, i);
                        case 2 -> {
                            int j = Math.min(b.length, i + span);
                            out = new byte[b.length - (j - i)];
                            System.arraycopy(b, 0, out, 0, i);
                            System.arraycopy(b, j, out, i, b.length - j);
                        }
                        default -> {
                            out = new byte[b.length + 1];
                            System.arraycopy(b, 0, out, 0, i);
                            out[i] = value;
                            System.arraycopy(b, i, out, i + 1, b.length - i);
                        }
                    }
                    return out;
                });
    }

    @Provide
    Arbitrary<Track2> track2() {
        return Combinators.combine(Arbitraries.strings().numeric().ofMinLength(12).ofMaxLength(19),
                        Arbitraries.integers().between(0, 99), Arbitraries.integers().between(1, 12),
                        Arbitraries.strings().numeric().ofLength(3), Arbitraries.strings().numeric().ofMaxLength(10))
                .as((pan, yy, mm, sc, dd) -> {
                    int room = 38 - pan.length() - 8;
                    return new Track2(pan, String.format("%02d%02d", yy, mm), sc, dd.substring(0, Math.min(dd.length(), room)));
                });
    }
}
