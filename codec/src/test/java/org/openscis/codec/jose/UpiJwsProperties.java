package org.openscis.codec.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class UpiJwsProperties {

    private static final byte[] BODY = "{\"msgInfo\":{\"insID\":\"39990061\"}}".getBytes(StandardCharsets.UTF_8);
    private static final String RS256 = UpiJws.sign(UpiJwsHeader.request("RS256", "1560936206326",
            "814a1c76eccf4e8fadf1ed135f4d63c0", "1568030969", "39990061", "/scis/switch/cvminquiry"), BODY,
            TestKeys.RSA.getPrivate());
    private static final String ES256 = UpiJws.sign(UpiJwsHeader.response("ES256", "1",
            "814a1c76eccf4e8fadf1ed135f4d63c0", "1568030969", "39990061"), BODY, TestKeys.EC.getPrivate());
    private static final ParsedJws PARSED_RS256 = ((JwsParseResult.Ok) UpiJws.parse(RS256, false)).jws();
    private static final ParsedJws PARSED_ES256 = ((JwsParseResult.Ok) UpiJws.parse(ES256, false)).jws();

    @Property(tries = 1000)
    void parseNeverThrowsOnArbitraryStrings(@ForAll String value, @ForAll boolean lenient) {
        assertThat(UpiJws.parse(value, lenient)).isNotNull();
    }

    @Property(tries = 1000)
    void parseNeverThrowsOnJwsShapedStrings(@ForAll("jwsShaped") String value, @ForAll boolean lenient) {
        assertThat(UpiJws.parse(value, lenient)).isNotNull();
    }

    @Property(tries = 500)
    void mutatedHeaderValuesNeverThrow(@ForAll("mutations") List<Mutation> mutations, @ForAll boolean lenient,
            @ForAll boolean ec) {
        String value = ec ? ES256 : RS256;
        for (Mutation mutation : mutations) {
            value = mutation.applyTo(value);
        }
        JwsParseResult result = UpiJws.parse(value, lenient);

        assertThat(result).isNotNull();
        if (result instanceof JwsParseResult.Ok ok) {
            UpiJws.verify(ok.jws(), BODY, TestKeys.RSA.getPublic());
            UpiJws.verify(ok.jws(), BODY, TestKeys.EC.getPublic());
        }
    }

    @Property(tries = 500)
    void mutatedHeaderJsonNeverThrows(@ForAll("mutations") List<Mutation> mutations, @ForAll boolean lenient) {
        String encodedHeader = RS256.substring(0, RS256.indexOf('.'));
        String json = new String(Base64.getUrlDecoder().decode(encodedHeader), StandardCharsets.UTF_8);
        for (Mutation mutation : mutations) {
            json = mutation.applyTo(json);
        }
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8))
                + RS256.substring(RS256.indexOf('.'));

        JwsParseResult result = UpiJws.parse(value, lenient);

        assertThat(result).isNotNull();
        if (result instanceof JwsParseResult.Ok ok && !ok.jws().encodedHeader().equals(encodedHeader)) {
            // Whatever still parses and differs from the signed header must not verify (a mutation may also
            // leave the header byte-for-byte unchanged; then the genuine signature rightly verifies).
            assertThat(UpiJws.verify(ok.jws(), BODY, TestKeys.RSA.getPublic())).isFalse();
        }
    }

    @Property(tries = 200)
    void aValidSignatureOfOtherBytesNeverVerifies(@ForAll byte[] body, @ForAll boolean ec) {
        Assume.that(!Arrays.equals(body, BODY));

        boolean verified = ec ? UpiJws.verify(PARSED_ES256, body, TestKeys.EC.getPublic())
                : UpiJws.verify(PARSED_RS256, body, TestKeys.RSA.getPublic());

        assertThat(verified).isFalse();
    }

    @Provide
    Arbitrary<String> jwsShaped() {
        Arbitrary<String> segment = Arbitraries.strings().withChars(Mutation.INTERESTING.replace(".", "")).ofMaxLength(60);
        Arbitrary<String> json = Arbitraries.strings().withChars("{}[]\":,0123456789abcUPI-ALGKDTSMalgkidcrt ")
                .ofMaxLength(60)
                .map(s -> Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(
                segment.list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join(".", parts)),
                net.jqwik.api.Combinators.combine(json, segment).as((h, s) -> h + ".." + s));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.arbitrary().list().ofMinSize(1).ofMaxSize(4);
    }
}
