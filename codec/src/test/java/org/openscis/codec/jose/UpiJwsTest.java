package org.openscis.codec.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpiJwsTest {

    private static final byte[] BODY = "{\"msgInfo\":{\"insID\":\"39990061\"},\"trxInfo\":{}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String PATH = "/scis/switch/qremvpayment";

    private static UpiJwsHeader request(String alg) {
        return UpiJwsHeader.request(alg, "1560936206326", UpiJws.newUuid(), "1568030969", "39990061", PATH);
    }

    private static ParsedJws parsed(String value, boolean lenient) {
        JwsParseResult result = UpiJws.parse(value, lenient);
        assertThat(result).isInstanceOf(JwsParseResult.Ok.class);
        return ((JwsParseResult.Ok) result).jws();
    }

    private static String failure(String value, boolean lenient) {
        JwsParseResult result = UpiJws.parse(value, lenient);
        assertThat(result).isInstanceOf(JwsParseResult.Failed.class);
        return ((JwsParseResult.Failed) result).reason();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A header value with the given raw header JSON and a syntactically valid (but meaningless) signature. */
    private static String withHeader(String json) {
        return b64(json) + ".." + b64("signature-bytes");
    }

    private static String json(String alg, String crit, String extra) {
        return "{\"alg\":\"" + alg + "\",\"kid\":\"1\",\"crit\":" + crit
                + ",\"UPI-UUID\":\"814a1c76eccf4e8fadf1ed135f4d63c0\",\"UPI-TIMESTAMP\":\"1568030969\","
                + "\"UPI-APPID\":\"39990061\"" + extra + "}";
    }

    private static final String CRIT3 = "[\"UPI-UUID\",\"UPI-TIMESTAMP\",\"UPI-APPID\"]";
    private static final String CRIT4 = "[\"UPI-UUID\",\"UPI-TIMESTAMP\",\"UPI-APPID\",\"UPI-REQPATH\"]";

    @Test
    void rs256RoundTrip() {
        UpiJwsHeader header = request("RS256");
        String value = UpiJws.sign(header, BODY, TestKeys.RSA.getPrivate());

        ParsedJws jws = parsed(value, false);

        assertThat(value).contains("..").doesNotContain("=").doesNotContain("+").doesNotContain("/");
        assertThat(jws.header()).isEqualTo(header);
        assertThat(jws.encodedHeader()).isEqualTo(value.substring(0, value.indexOf('.')));
        assertThat(jws.signature()).hasSize(256);
        assertThat(UpiJws.verify(jws, BODY, TestKeys.RSA.getPublic())).isTrue();
    }

    @Test
    void ps256AndEs256RoundTrip() {
        String ps = UpiJws.sign(request("PS256"), BODY, TestKeys.RSA.getPrivate());
        String es = UpiJws.sign(request("ES256"), BODY, TestKeys.EC.getPrivate());

        assertThat(UpiJws.verify(parsed(ps, false), BODY, TestKeys.RSA.getPublic())).isTrue();
        assertThat(UpiJws.verify(parsed(es, false), BODY, TestKeys.EC.getPublic())).isTrue();
        assertThat(parsed(es, false).signature()).hasSize(64);
    }

    @Test
    void headerJsonHasTheSampleMemberOrder() {
        UpiJwsHeader header = new UpiJwsHeader("RS256", "1560936206326", null, "814a1c76eccf4e8fadf1ed135f4d63c0",
                "1568030969", "39990061", null);
        String value = UpiJws.sign(header, BODY, TestKeys.RSA.getPrivate());

        String decoded = new String(Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))),
                StandardCharsets.UTF_8);

        assertThat(decoded).isEqualTo("{\"alg\":\"RS256\",\"kid\":\"1560936206326\",\"crit\":[\"UPI-UUID\","
                + "\"UPI-TIMESTAMP\",\"UPI-APPID\"],\"UPI-UUID\":\"814a1c76eccf4e8fadf1ed135f4d63c0\","
                + "\"UPI-TIMESTAMP\":\"1568030969\",\"UPI-APPID\":\"39990061\"}");
    }

    @Test
    void responseFormHasThreeCritNamesAndNoReqPath() {
        UpiJwsHeader header = UpiJwsHeader.response("RS256", "1560936206326", UpiJws.newUuid(), "1568030969",
                "39990061");
        ParsedJws jws = parsed(UpiJws.sign(header, BODY, TestKeys.RSA.getPrivate()), false);

        assertThat(jws.header().reqPath()).isNull();
        assertThat(jws.header().crit()).containsExactly("UPI-UUID", "UPI-TIMESTAMP", "UPI-APPID");
        assertThat(jws.header().timestampSeconds()).isEqualTo(1568030969L);
        assertThat(UpiJws.verify(jws, BODY, TestKeys.RSA.getPublic())).isTrue();
    }

    @Test
    void requestFormListsFourCritNamesInOrder() {
        ParsedJws jws = parsed(UpiJws.sign(request("RS256"), BODY, TestKeys.RSA.getPrivate()), false);

        assertThat(jws.header().crit()).containsExactly("UPI-UUID", "UPI-TIMESTAMP", "UPI-APPID", "UPI-REQPATH");
        assertThat(jws.header().reqPath()).isEqualTo(PATH);
    }

    @Test
    void emptyBodyCanBeSignedAndVerified() {
        ParsedJws jws = parsed(UpiJws.sign(request("RS256"), new byte[0], TestKeys.RSA.getPrivate()), false);

        assertThat(UpiJws.verify(jws, new byte[0], TestKeys.RSA.getPublic())).isTrue();
    }

    @Test
    void tamperedBodyFails() {
        ParsedJws jws = parsed(UpiJws.sign(request("RS256"), BODY, TestKeys.RSA.getPrivate()), false);
        byte[] tampered = BODY.clone();
        tampered[5] ^= 1;

        assertThat(UpiJws.verify(jws, tampered, TestKeys.RSA.getPublic())).isFalse();
    }

    @Test
    void reserialisedBodyFails() {
        ParsedJws jws = parsed(UpiJws.sign(request("RS256"), BODY, TestKeys.RSA.getPrivate()), false);
        byte[] pretty = "{\"msgInfo\": {\"insID\": \"39990061\"}, \"trxInfo\": {}}".getBytes(StandardCharsets.UTF_8);

        assertThat(UpiJws.verify(jws, pretty, TestKeys.RSA.getPublic())).isFalse();
    }

    @Test
    void tamperedHeaderFails() {
        String value = UpiJws.sign(request("RS256"), BODY, TestKeys.RSA.getPrivate());
        String signature = value.substring(value.lastIndexOf('.') + 1);
        UpiJwsHeader other = new UpiJwsHeader("RS256", "1560936206326", null, UpiJws.newUuid(), "1568030969",
                "39990099", PATH);
        String otherHeader = UpiJws.sign(other, BODY, TestKeys.RSA.getPrivate());
        String forged = otherHeader.substring(0, otherHeader.indexOf('.')) + ".." + signature;

        assertThat(UpiJws.verify(parsed(forged, false), BODY, TestKeys.RSA.getPublic())).isFalse();
    }

    @Test
    void tamperedSignatureFails() {
        ParsedJws jws = parsed(UpiJws.sign(request("RS256"), BODY, TestKeys.RSA.getPrivate()), false);
        byte[] signature = jws.signature().clone();
        signature[10] ^= 0x40;

        assertThat(UpiJws.verify(new ParsedJws(jws.header(), jws.encodedHeader(), signature), BODY,
                TestKeys.RSA.getPublic())).isFalse();
    }

    @Test
    void wrongOrMismatchedKeyFails() {
        ParsedJws rs = parsed(UpiJws.sign(request("RS256"), BODY, TestKeys.RSA.getPrivate()), false);
        ParsedJws es = parsed(UpiJws.sign(request("ES256"), BODY, TestKeys.EC.getPrivate()), false);

        assertThat(UpiJws.verify(rs, BODY, TestKeys.RSA_OTHER.getPublic())).isFalse();
        assertThat(UpiJws.verify(rs, BODY, TestKeys.EC.getPublic())).isFalse();
        assertThat(UpiJws.verify(es, BODY, TestKeys.EC_OTHER.getPublic())).isFalse();
        assertThat(UpiJws.verify(es, BODY, TestKeys.RSA.getPublic())).isFalse();
    }

    @Test
    void weakRsaKeyIsRefused() {
        KeyPair weak = TestKeys.weakRsa();
        String encodedHeader = b64(json("RS256", CRIT3, ""));
        String value = encodedHeader + ".." + nimbusRs256(encodedHeader, BODY, false, weak);

        assertThat(UpiJws.verify(parsed(value, false), BODY, weak.getPublic())).isFalse();
        assertThatThrownBy(() -> UpiJws.sign(request("RS256"), BODY, weak.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2048");
    }

    @Test
    void verifyNeverThrowsOnNulls() {
        ParsedJws jws = parsed(UpiJws.sign(request("RS256"), BODY, TestKeys.RSA.getPrivate()), false);

        assertThat(UpiJws.verify(null, BODY, TestKeys.RSA.getPublic())).isFalse();
        assertThat(UpiJws.verify(jws, null, TestKeys.RSA.getPublic())).isFalse();
        assertThat(UpiJws.verify(jws, BODY, null)).isFalse();
        assertThat(UpiJws.verify(new ParsedJws(jws.header(), "\u00e9" + jws.encodedHeader(), jws.signature()), BODY,
                TestKeys.RSA.getPublic())).isFalse();
    }

    @Test
    void standardBase64SignatureIsAcceptedOnlyWhenLenient() {
        String value = UpiJws.sign(request("RS256"), BODY, TestKeys.RSA.getPrivate());
        byte[] signature = Base64.getUrlDecoder().decode(value.substring(value.lastIndexOf('.') + 1));
        String standard = value.substring(0, value.indexOf('.')) + ".." + Base64.getEncoder().encodeToString(signature);
        String paddedUrl = value.substring(0, value.indexOf('.')) + ".." + Base64.getUrlEncoder().encodeToString(signature);

        assertThat(standard).endsWith("=");
        assertThat(failure(standard, false)).contains("signature");
        assertThat(failure(paddedUrl, false)).contains("signature");
        assertThat(UpiJws.verify(parsed(standard, true), BODY, TestKeys.RSA.getPublic())).isTrue();
        assertThat(UpiJws.verify(parsed(paddedUrl, true), BODY, TestKeys.RSA.getPublic())).isTrue();
    }

    @Test
    void lenientModeStillRefusesBrokenPadding() {
        String value = UpiJws.sign(request("RS256"), BODY, TestKeys.RSA.getPrivate());

        assertThat(failure(value + "=", true)).contains("signature");
        assertThat(failure(value + "===", true)).contains("signature");
        assertThat(failure(value.substring(0, value.length() - 2) + "=A", true)).contains("signature");
        assertThat(failure(value.substring(0, value.length() - 1) + "*", true)).contains("signature");
    }

    @Test
    void paddedPayloadVariantVerifies() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(body.length % 3).isNotZero();
        String encodedHeader = b64(json("RS256", CRIT3, ""));
        String value = encodedHeader + ".." + nimbusRs256(encodedHeader, body, true, TestKeys.RSA);

        ParsedJws jws = parsed(value, false);

        assertThat(UpiJws.verify(jws, body, TestKeys.RSA.getPublic())).isTrue();
        assertThat(UpiJws.verify(jws, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), TestKeys.RSA.getPublic()))
                .isFalse();
    }

    @Test
    void headerSegmentIsKeptExactlyAsReceived() {
        String json = "{ \"UPI-APPID\" : \"39990061\", \"alg\":\"RS256\",\"typ\":\"JOSE\", \"kid\":\"7\",\"crit\":"
                + "[\"UPI-APPID\",\"UPI-TIMESTAMP\",\"UPI-UUID\"],\"UPI-UUID\":\"814a1c76eccf4e8fadf1ed135f4d63c0\","
                + "\"UPI-TIMESTAMP\":\"1568030969\",\"x-extra\":{\"nested\":[1,2,{\"a\":null}]}}";
        String encodedHeader = b64(json);
        String value = encodedHeader + ".." + nimbusRs256(encodedHeader, BODY, false, TestKeys.RSA);

        ParsedJws jws = parsed(value, false);

        assertThat(jws.encodedHeader()).isEqualTo(encodedHeader);
        assertThat(jws.header().kid()).isEqualTo("7");
        assertThat(UpiJws.verify(jws, BODY, TestKeys.RSA.getPublic())).isTrue();
    }

    @Test
    void paddedHeaderSegmentIsAcceptedOnlyWhenLenient() {
        String json = json("RS256", CRIT3, "");
        while (json.length() % 3 == 0) {
            json = json.replace("{", "{ ");
        }
        String encodedHeader = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertThat(encodedHeader).endsWith("=");
        String value = encodedHeader + ".." + nimbusRs256(encodedHeader, BODY, false, TestKeys.RSA);

        assertThat(failure(value, false)).contains("header segment");
        assertThat(UpiJws.verify(parsed(value, true), BODY, TestKeys.RSA.getPublic())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256", "HS512", "RS512", "ES384", "EdDSA", "rs256", ""})
    void disallowedAlgorithmsAreRefused(String alg) {
        assertThat(failure(withHeader(json(alg, CRIT3, "")), true)).isEqualTo("alg not allowed");
    }

    @Test
    void algNoneWithEmptySignatureIsRefused() {
        assertThat(UpiJws.parse(b64(json("none", CRIT3, "")) + "..", true))
                .isInstanceOf(JwsParseResult.Failed.class);
    }

    @Test
    void critVariants() {
        assertThat(parsed(withHeader(json("RS256", CRIT3, "")), false).header().reqPath()).isNull();
        assertThat(parsed(withHeader(json("RS256", CRIT4, ",\"UPI-REQPATH\":\"/p\"")), false).header().reqPath())
                .isEqualTo("/p");
        assertThat(parsed(withHeader(json("RS256", "[\"UPI-APPID\",\"UPI-UUID\",\"UPI-TIMESTAMP\"]", "")), false)
                .header().crit()).containsExactly("UPI-APPID", "UPI-UUID", "UPI-TIMESTAMP");

        assertThat(failure(withHeader(json("RS256", "null", "")), false)).isEqualTo("crit is not an array");
        assertThat(failure(withHeader(json("RS256", "\"UPI-UUID\"", "")), false)).isEqualTo("crit is not an array");
        assertThat(failure(withHeader(json("RS256", "[]", "")), false)).isEqualTo("crit empty");
        assertThat(failure(withHeader(json("RS256", "[1,2]", "")), false)).isEqualTo("crit holds a non-string");
        assertThat(failure(withHeader(json("RS256", "[\"UPI-UUID\",\"UPI-TIMESTAMP\",\"UPI-APPID\",\"exp\"]", "")),
                false)).isEqualTo("crit lists a name that is not understood");
        assertThat(failure(withHeader(json("RS256", "[\"UPI-UUID\",\"UPI-TIMESTAMP\",\"UPI-APPID\",\"UPI-UUID\"]",
                "")), false)).isEqualTo("crit lists a name twice");
        assertThat(failure(withHeader(json("RS256", "[\"UPI-UUID\",\"UPI-TIMESTAMP\"]", "")), false))
                .isEqualTo("crit does not list every UPI parameter present");
        assertThat(failure(withHeader(json("RS256", CRIT3, ",\"UPI-REQPATH\":\"/p\"")), false))
                .isEqualTo("crit does not list every UPI parameter present");
        assertThat(failure(withHeader(json("RS256", CRIT4, "")), false))
                .isEqualTo("crit lists a parameter the header lacks");
        String noCrit = "{\"alg\":\"RS256\",\"kid\":\"1\",\"UPI-UUID\":\"a\",\"UPI-TIMESTAMP\":\"1\","
                + "\"UPI-APPID\":\"1\"}";
        assertThat(failure(withHeader(noCrit), false)).isEqualTo("crit missing");
    }

    @Test
    void headerFieldRules() {
        String base = json("RS256", CRIT3, "");
        assertThat(failure(withHeader(base.replace("\"1568030969\"", "1568030969")), false))
                .isEqualTo("UPI-TIMESTAMP is not a string");
        assertThat(failure(withHeader(base.replace("\"1568030969\"", "\"1568030969.5\"")), false))
                .isEqualTo("UPI-TIMESTAMP is not a string of digits");
        assertThat(failure(withHeader(base.replace("\"1568030969\"", "\"-1\"")), false))
                .isEqualTo("UPI-TIMESTAMP is not a string of digits");
        assertThat(failure(withHeader(base.replace("\"1568030969\"", "\"\u0661\u0662\"")), false))
                .isEqualTo("UPI-TIMESTAMP is not a string of digits");
        assertThat(failure(withHeader(base.replace("\"1568030969\"", "\"1234567890123456789\"")), false))
                .isEqualTo("UPI-TIMESTAMP is not a string of digits");
        assertThat(failure(withHeader(base.replace("\"kid\":\"1\",", "")), false)).isEqualTo("kid missing");
        assertThat(failure(withHeader(base.replace("\"kid\":\"1\"", "\"kid\":\"a\\nb\"")), false))
                .isEqualTo("kid malformed");
        assertThat(failure(withHeader(base.replace("814a1c76eccf4e8fadf1ed135f4d63c0", "a b")), false))
                .isEqualTo("UPI-UUID malformed");
        assertThat(failure(withHeader(base.replace("\"UPI-APPID\":\"39990061\"", "\"UPI-APPID\":\"\"")), false))
                .isEqualTo("UPI-APPID malformed");
        assertThat(failure(withHeader(base.replace("\"alg\":\"RS256\",", "")), false)).isEqualTo("alg missing");
        assertThat(failure(withHeader(base.replace("\"alg\":\"RS256\"", "\"alg\":[\"RS256\"]")), false))
                .isEqualTo("alg is not a string");
        assertThat(failure(withHeader(base.replace("}", ",\"b64\":false}")), false)).isEqualTo("b64 is not supported");
        assertThat(failure(withHeader(base.replace("}", ",\"alg\":\"RS256\"}")), false))
                .isEqualTo("header is not valid JSON");
    }

    @Test
    void structuralFailures() {
        String value = UpiJws.sign(request("RS256"), BODY, TestKeys.RSA.getPrivate());
        String header = value.substring(0, value.indexOf('.'));
        String signature = value.substring(value.lastIndexOf('.') + 1);

        assertThat(failure(null, true)).isEqualTo("UPI-JWS missing");
        assertThat(failure("", true)).isEqualTo("UPI-JWS missing");
        assertThat(failure("x".repeat(UpiJws.MAX_HEADER_VALUE_CHARS + 1), true)).isEqualTo("UPI-JWS too long");
        assertThat(failure(header + "." + signature, true)).isEqualTo("UPI-JWS is not three segments");
        assertThat(failure(header + "..." + signature, true)).isEqualTo("UPI-JWS is not three segments");
        assertThat(failure(header + ".." + signature + ".", true)).isEqualTo("UPI-JWS is not three segments");
        assertThat(failure(header + "." + b64("{}") + "." + signature, true))
                .isEqualTo("UPI-JWS payload segment is not empty");
        assertThat(failure(".." + signature, true)).contains("header segment");
        assertThat(failure(header + "..", true)).contains("signature");
        assertThat(failure("!!!.." + signature, true)).contains("header segment");
        assertThat(failure(b64("[1,2]") + ".." + signature, true)).isEqualTo("header is not a JSON object");
        assertThat(failure(b64("\"RS256\"") + ".." + signature, true)).isEqualTo("header is not a JSON object");
        assertThat(failure(b64("{\"alg\":") + ".." + signature, true)).isEqualTo("header is not valid JSON");
        assertThat(failure(b64("{} {}") + ".." + signature, true)).contains("JSON");
        assertThat(failure(b64("{'alg':'RS256'}") + ".." + signature, true)).isEqualTo("header is not valid JSON");
        String notUtf8 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {'{', (byte) 0xC3, '}'});
        assertThat(failure(notUtf8 + ".." + signature, true)).isEqualTo("header is not UTF-8");
    }

    @Test
    void deeplyNestedHeaderIsRefusedQuietly() {
        String nested = json("RS256", CRIT3, ",\"x\":" + "[".repeat(2500) + "]".repeat(2500));
        String value = withHeader(nested);

        assertThat(value.length()).isLessThan(UpiJws.MAX_HEADER_VALUE_CHARS);
        assertThat(failure(value, true)).isEqualTo("header is not valid JSON");
    }

    @Test
    void signRefusesHeadersItWouldNotAccept() {
        assertThatThrownBy(() -> UpiJws.sign(request("HS256"), BODY, TestKeys.RSA.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alg not allowed");
        assertThatThrownBy(() -> UpiJws.sign(request("RS256"), BODY, TestKeys.EC.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RS256");
        assertThatThrownBy(() -> UpiJws.sign(request("ES256"), BODY, TestKeys.RSA.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-256");
        UpiJwsHeader wrongCrit = new UpiJwsHeader("RS256", "1", List.of("UPI-UUID"), "a", "1", "2", null);
        assertThatThrownBy(() -> UpiJws.sign(wrongCrit, BODY, TestKeys.RSA.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crit");
        UpiJwsHeader nullName = new UpiJwsHeader("RS256", "1", java.util.Arrays.asList("UPI-UUID", null), "a", "1",
                "2", null);
        assertThatThrownBy(() -> UpiJws.sign(nullName, BODY, TestKeys.RSA.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crit");
        UpiJwsHeader badTimestamp = new UpiJwsHeader("RS256", "1", null, "a", "12:00", "2", null);
        assertThatThrownBy(() -> UpiJws.sign(badTimestamp, BODY, TestKeys.RSA.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UPI-TIMESTAMP");
        assertThatThrownBy(() -> UpiJws.sign(null, BODY, TestKeys.RSA.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonSpecialCharactersInValuesRoundTrip() {
        UpiJwsHeader header = UpiJwsHeader.request("RS256", "k\"i\\d\u00e9", UpiJws.newUuid(), "1", "app",
                "/scis/switch/x?a=\"b\"");
        ParsedJws jws = parsed(UpiJws.sign(header, BODY, TestKeys.RSA.getPrivate()), false);

        assertThat(jws.header()).isEqualTo(header);
        assertThat(UpiJws.verify(jws, BODY, TestKeys.RSA.getPublic())).isTrue();
    }

    @Test
    void newUuidIs32LowerHexAndFresh() {
        String a = UpiJws.newUuid();
        String b = UpiJws.newUuid();

        assertThat(a).matches("[0-9a-f]{32}");
        assertThat(a).isNotEqualTo(b);
    }

    /** Signs like a foreign client would, with nimbus directly and our own choice of payload encoding. */
    static String nimbusRs256(String encodedHeader, byte[] body, boolean paddedPayload, KeyPair keys) {
        try {
            Base64.Encoder encoder = paddedPayload ? Base64.getUrlEncoder() : Base64.getUrlEncoder().withoutPadding();
            byte[] input = (encodedHeader + "." + encoder.encodeToString(body)).getBytes(StandardCharsets.US_ASCII);
            return new RSASSASigner(keys.getPrivate(), true).sign(new JWSHeader(JWSAlgorithm.RS256), input).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
