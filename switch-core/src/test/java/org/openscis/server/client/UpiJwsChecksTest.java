package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;

class UpiJwsChecksTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final byte[] BODY = "{\"msgInfo\":{\"msgID\":\"A1\"}}".getBytes(StandardCharsets.UTF_8);
    private static final String PATH = "/callbacks/notify";

    private final UpiJwsChecks checks = new UpiJwsChecks(TestKeys.client(), Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(300));

    private static String sign(String kid, String appId, String reqPath, long timestamp, PrivateKey key) {
        UpiJwsHeader h = new UpiJwsHeader("RS256", kid, null, UpiJws.newUuid(), Long.toString(timestamp), appId,
                reqPath);
        return UpiJws.sign(h, BODY, key);
    }

    private static String switchSigned(String reqPath) {
        return sign(TestKeys.SWITCH_SIGNING_KID, TestKeys.INS_ID, reqPath, NOW.getEpochSecond(),
                TestKeys.SWITCH_SIGNING.getPrivate());
    }

    @Test
    void aGoodResponseSignature() {
        SignatureCheck c = checks.response(switchSigned(null), BODY);

        assertThat(c.valid()).as(c.reason()).isTrue();
        assertThat(c.reason()).isEqualTo(SignatureCheck.OK);
        assertThat(c.header().appId()).isEqualTo(TestKeys.INS_ID);
    }

    @Test
    void responseFailures() {
        long now = NOW.getEpochSecond();
        PrivateKey sw = TestKeys.SWITCH_SIGNING.getPrivate();
        assertThat(checks.response(null, BODY).reason()).isEqualTo("missing UPI-JWS header");
        assertThat(checks.response("abc", BODY).reason()).startsWith("malformed UPI-JWS");
        assertThat(checks.response(sign("1", TestKeys.INS_ID, null, now, sw), BODY).reason())
                .contains("not the switch signing kid");
        assertThat(checks.response(switchSigned("/scis/switch/cvminquiry"), BODY).reason())
                .contains("UPI-REQPATH must be absent");
        assertThat(checks.response(sign(TestKeys.SWITCH_SIGNING_KID, "39990000", null, now, sw), BODY).reason())
                .contains("UPI-APPID is 39990000");
        assertThat(checks.response(sign(TestKeys.SWITCH_SIGNING_KID, TestKeys.INS_ID, null, now,
                TestKeys.STRANGER.getPrivate()), BODY).reason()).contains("signature does not verify");
        assertThat(checks.response(switchSigned(null), "{}".getBytes(StandardCharsets.UTF_8)).reason())
                .contains("signature does not verify");
        assertThat(checks.response(sign(TestKeys.SWITCH_SIGNING_KID, TestKeys.INS_ID, null, now - 301, sw), BODY)
                .reason()).contains("301 s away");
        assertThat(checks.response(sign(TestKeys.SWITCH_SIGNING_KID, TestKeys.INS_ID, null, now + 300, sw), BODY)
                .valid()).isTrue();
    }

    @Test
    void paddedStandardBase64SignaturesAreNotForgiven() {
        String good = switchSigned(null);
        int dot = good.lastIndexOf('.');
        // 256 signature bytes always need "==" padding in standard base64.
        String standard = good.substring(0, dot + 1)
                + Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(good.substring(dot + 1)));

        assertThat(checks.response(standard, BODY).reason()).startsWith("malformed UPI-JWS");
    }

    @Test
    void callbacksNeedTheFourNameFormForTheirPath() {
        assertThat(checks.callback(switchSigned(PATH), BODY, PATH).valid()).isTrue();
        assertThat(checks.callback(switchSigned("/elsewhere"), BODY, PATH).reason())
                .contains("UPI-REQPATH is /elsewhere");
        assertThat(checks.callback(switchSigned(null), BODY, PATH).reason()).contains("crit must list exactly");
        String forged = ForgedJws.sign("RS256", TestKeys.SWITCH_SIGNING_KID, List.of("UPI-UUID", "UPI-TIMESTAMP",
                "UPI-APPID"), UpiJws.newUuid(), Long.toString(NOW.getEpochSecond()), TestKeys.INS_ID, PATH, BODY,
                TestKeys.SWITCH_SIGNING.getPrivate());
        assertThat(checks.callback(forged, BODY, PATH).valid()).isFalse();
    }
}
