package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForgedJwsTest {

    private static final byte[] BODY = "{\"msgInfo\":{}}".getBytes(StandardCharsets.UTF_8);

    private static String header(String detached) {
        return new String(Base64.getUrlDecoder().decode(detached.substring(0, detached.indexOf('.'))),
                StandardCharsets.UTF_8);
    }

    private static boolean rs256Verifies(String detached) throws Exception {
        String[] parts = detached.split("\\.", -1);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(TestKeys.CLIENT_SIGNING.getPublic());
        s.update((parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(BODY))
                .getBytes(StandardCharsets.US_ASCII));
        return s.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    @Test
    void writesTheDeclaredHeaderInOrderAndSignsDetached() throws Exception {
        String jws = ForgedJws.sign("none", "k1", List.of("UPI-UUID", "X-OTHER"), "u", "1700000000", "399", "/p",
                BODY, TestKeys.CLIENT_SIGNING.getPrivate());

        assertThat(jws).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
        assertThat(header(jws)).isEqualTo("{\"alg\":\"none\",\"kid\":\"k1\",\"crit\":[\"UPI-UUID\",\"X-OTHER\"],"
                + "\"UPI-UUID\":\"u\",\"UPI-TIMESTAMP\":\"1700000000\",\"UPI-APPID\":\"399\",\"UPI-REQPATH\":\"/p\"}");
        assertThat(rs256Verifies(jws)).isTrue();
    }

    @Test
    void leavesOutAbsentMembers() {
        String jws = ForgedJws.sign("RS256", null, null, null, "1", null, null, BODY,
                TestKeys.CLIENT_SIGNING.getPrivate());

        assertThat(header(jws)).isEqualTo("{\"alg\":\"RS256\",\"UPI-TIMESTAMP\":\"1\"}");
    }

    @Test
    void corruptingFlipsTheSignatureOnly() throws Exception {
        String jws = ForgedJws.sign("RS256", "k", List.of(), "u", "1", "a", "/p", BODY,
                TestKeys.CLIENT_SIGNING.getPrivate());

        String corrupt = ForgedJws.corruptSignature(jws);

        assertThat(corrupt).hasSameSizeAs(jws).isNotEqualTo(jws)
                .startsWith(jws.substring(0, jws.indexOf("..") + 2));
        assertThat(rs256Verifies(corrupt)).isFalse();
    }
}
