package org.openscis.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import org.junit.jupiter.api.Test;

class KeyedHashTest {

    private final DataKeyring ring = DataKeyring.ephemeral(Clock.systemUTC());
    private final KeyedHash hash = new KeyedHash(ring);

    @Test
    void isLowercaseHexHmacSha256OfDomainAndValue() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(ring.indexKey());
        byte[] input = "pan\u00006200001234567890".getBytes(StandardCharsets.UTF_8);

        assertThat(hash.pan("6200001234567890")).isEqualTo(HexFormat.of().formatHex(mac.doFinal(input)))
                .hasSize(KeyedHash.HEX_LENGTH_CHARS).matches("[0-9a-f]+");
    }

    @Test
    void isStableForAKeyringAndDiffersAcrossKeyrings() {
        assertThat(hash.pan("6200001234567890")).isEqualTo(hash.pan("6200001234567890"));
        assertThat(new KeyedHash(DataKeyring.ephemeral(Clock.systemUTC())).pan("6200001234567890"))
                .isNotEqualTo(hash.pan("6200001234567890"));
    }

    @Test
    void separatesKindsAndIssuers() {
        assertThat(hash.pan("6200001234567890")).isNotEqualTo(hash.hash("account", "6200001234567890"));
        assertThat(hash.account("62000001", "4711")).isNotEqualTo(hash.account("62000002", "4711"));
        assertThat(hash.account("62000001", "4711")).isEqualTo(hash.hash("account", "62000001|4711"));
    }
}
