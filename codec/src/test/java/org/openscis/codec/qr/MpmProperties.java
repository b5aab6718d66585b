package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random and mutated payloads only ever give a Parsed or Failed value; built payloads parse back to their fields. */
class MpmProperties {

    private static final List<String> VALID = QrVectors.list("mpm", "valid").stream()
            .map(v -> v.get("payload").asText()).toList();

    private final MpmParser parser = new MpmParser(MpmPolicy.strict());

    @Property(tries = 1000)
    void randomStringsGiveAValue(@ForAll String s) {
        assertWellBehaved(parser.parse(s));
    }

    @Property(tries = 500)
    void randomTlvShapedStringsGiveAValue(@ForAll("tlvLike") String s) {
        assertWellBehaved(parser.parse(s));
    }

    @Property(tries = 1000)
    void mutatedValidPayloadsGiveAValue(@ForAll("mutated") String s) {
        assertWellBehaved(parser.parse(s));
    }

    @Property(tries = 300)
    void mutatedPayloadsWithARecomputedCrcGiveAValue(@ForAll("mutated") String s) {
        // Re-signing lets the mutation reach the field and template checks behind the CRC.
        String body = s.length() > 4 ? s.substring(0, s.length() - 4) : s;
        assertWellBehaved(parser.parse(body + Crc16.hex(Crc16.ccittFalse(body, 0, body.length()))));
    }

    @Property(tries = 300)
    void builtPayloadsParseBackToTheirFields(@ForAll("names") String name, @ForAll("names") String city,
                                             @ForAll("amounts") String amount, @ForAll("mids") String mid,
                                             @ForAll @IntRange(min = 0, max = 9999) int mcc) {
        String cityValue = city.length() > 15 ? city.substring(0, 15) : city;
        String payload = MpmBuilder.create().put("01", "12").unionPay("30010344", "00010344", mid)
                .put("52", String.format("%04d", mcc)).put("53", "344").put("54", amount).put("58", "HK")
                .put("59", name).put("60", cityValue).build();

        MpmResult r = parser.parse(payload);

        assertThat(r).isInstanceOfSatisfying(MpmResult.Parsed.class, p -> {
            MpmPayload m = p.payload();
            assertThat(m.merchantName()).isEqualTo(name);
            assertThat(m.merchantCity()).isEqualTo(cityValue);
            assertThat(m.transactionAmount()).contains(amount);
            assertThat(m.amount().orElseThrow()).isEqualByComparingTo(new BigDecimal(amount));
            assertThat(m.unionPay()).contains(new UnionPayAccount("30010344", "00010344", mid));
            assertThat(m.merchantCategoryCode()).isEqualTo(String.format("%04d", mcc));
            assertThat(p.warnings()).isEmpty();
        });
    }

    private static void assertWellBehaved(MpmResult r) {
        assertThat(r).isNotNull();
        if (r instanceof MpmResult.Failed f) {
            assertThat(f.error()).isNotNull();
            assertThat(f.detail()).doesNotStartWith("unparseable");
        } else {
            assertThat(r).isInstanceOf(MpmResult.Parsed.class);
        }
    }

    @Provide
    Arbitrary<String> tlvLike() {
        Arbitrary<String> object = Combinators.combine(
                Arbitraries.integers().between(0, 99), Arbitraries.strings().withCharRange('0', '9').withChars('.', 'A', '名')
                        .ofMinLength(0).ofMaxLength(30))
                .as((id, v) -> String.format("%02d%02d", id, v.length()) + v);
        return object.list().ofMaxSize(15).map(l -> "000201" + String.join("", l) + "6304");
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> base = Arbitraries.of(VALID);
        return Combinators.combine(base, Arbitraries.integers().between(0, 4), Arbitraries.doubles().between(0, 1),
                        Arbitraries.chars().with('0', '9', '.', 'A', 'a', ' ', '\u00e9', '\uD842', '\uDFB7', '6', '3'),
                        Arbitraries.integers().between(1, 40))
                .as(MpmProperties::mutate);
    }

    private static String mutate(String s, int kind, double where, char c, int span) {
        int i = (int) (where * s.length());
        int j = Math.min(s.length(), i + span);
        return switch (kind) {
            case 0 -> s.substring(0, i) + c + s.substring(Math.min(s.length(), i + 1));
            case 1 -> s.substring(0, i) + s.substring(j);
            case 2 -> s.substring(0, i) + c + s.substring(i);
            case 3 -> s.substring(0, i);
            default -> s.substring(0, i) + s.substring(i, j) + s.substring(i);
        };
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(25);
    }

    @Provide
    Arbitrary<String> mids() {
        return Arbitraries.strings().withCharRange('0', 'z').ofLength(15);
    }

    @Provide
    Arbitrary<String> amounts() {
        return Combinators.combine(Arbitraries.longs().between(1, 9_999_999_999L), Arbitraries.integers().between(0, 2))
                .as((minor, decimals) -> new BigDecimal(minor).movePointLeft(decimals).toPlainString());
    }
}
