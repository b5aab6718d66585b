package org.openscis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openscis.codec.jose.JwsParseResult;
import org.openscis.codec.jose.UpiJws;
import org.openscis.server.testing.MutableClock;
import org.openscis.server.testing.TestKeyPairs;

class ResponseSignerTest {

    private final ResponseSigner signer = new ResponseSigner("RS256", "1000000000001",
            TestKeyPairs.RSA_A.getPrivate(), new MutableClock(Instant.parse("2026-11-25T12:00:00Z")));
    private final byte[] body = "{\"msgResponse\":{}}".getBytes(StandardCharsets.UTF_8);

    private JwsParseResult.Ok parse(String appId) {
        return (JwsParseResult.Ok) UpiJws.parse(signer.sign(body, appId), false);
    }

    @Test
    void responsesUseTheThreeNameFormNamingTheRequester() {
        JwsParseResult.Ok jws = parse("39990157");
        assertThat(jws.jws().header().appId()).isEqualTo("39990157");
        assertThat(jws.jws().header().crit()).containsExactly("UPI-UUID", "UPI-TIMESTAMP", "UPI-APPID");
        assertThat(jws.jws().header().timestamp()).isEqualTo(Long.toString(Instant.parse("2026-11-25T12:00:00Z").getEpochSecond()));
        assertThat(UpiJws.verify(jws.jws(), body, TestKeyPairs.RSA_A.getPublic())).isTrue();
    }

    @Test
    void unreadableRequesterIdsStillGetASignedResponse() {
        for (String bad : new String[] {null, "", " ", "x".repeat(17), "39\u00e99"}) {
            JwsParseResult.Ok jws = parse(bad);
            assertThat(jws.jws().header().appId()).isEqualTo(ResponseSigner.UNKNOWN_APPID);
            assertThat(UpiJws.verify(jws.jws(), body, TestKeyPairs.RSA_A.getPublic())).isTrue();
        }
    }
}
