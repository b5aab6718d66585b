package org.openscis.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerivedCardSecretsTest {

    /** CVN2 of PAN 6200001234567890, expiry 2903, under card secret key 0x01..0x20. */
    private static final String KNOWN_CVN2 = "436";

    private final DerivedCardSecrets secrets = new DerivedCardSecrets(DataKeyring.ephemeral(Clock.systemUTC()));

    @Test
    void cvn2IsPinnedForAKnownKey(@TempDir Path dir) throws Exception {
        // Changing this value would invalidate every CVN2 already issued.
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i + 1);
        }
        Path file = dir.resolve("k.json");
        Files.writeString(file, "{\"format\":\"openscis-data-keyring\",\"version\":1,"
                + "\"indexKey\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\","
                + "\"cardSecretKey\":\"" + Base64.getEncoder().encodeToString(key) + "\","
                + "\"dataKeys\":[{\"id\":\"dk1\",\"createdAt\":\"2026-03-01T10:00:00Z\","
                + "\"key\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}]}");
        OwnerOnly.restrict(file);
        DerivedCardSecrets known = new DerivedCardSecrets(DataKeyring.open(file, false));

        assertThat(known.cvn2("6200001234567890", "2903"))
                .isEqualTo(reference(key, "6200001234567890|2903"))
                .isEqualTo(KNOWN_CVN2);
    }

    /** The documented derivation, written out independently. */
    private static String reference(byte[] key, String input) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        long first8 = ByteBuffer.wrap(mac.doFinal(input.getBytes(StandardCharsets.UTF_8))).getLong();
        return String.format(Locale.ROOT, "%03d", Long.remainderUnsigned(first8, 1000));
    }

    @Test
    void cvn2IsThreeDigitsAndDeterministic() {
        String cvn2 = secrets.cvn2("6200001234567890", "2903");
        assertThat(cvn2).matches("\\d{3}");
        assertThat(secrets.cvn2("6200001234567890", "2903")).isEqualTo(cvn2);
    }

    @Test
    void cvn2DependsOnPanExpiryAndKey() {
        Set<String> byPan = new HashSet<>();
        Set<String> byExpiry = new HashSet<>();
        Set<String> byKey = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            byPan.add(secrets.cvn2("62000012345" + String.format(Locale.ROOT, "%05d", i), "2903"));
            byExpiry.add(secrets.cvn2("6200001234567890",
                    String.format(Locale.ROOT, "%02d%02d", 26 + i / 12, 1 + i % 12)));
            byKey.add(new DerivedCardSecrets(DataKeyring.ephemeral(Clock.systemUTC()))
                    .cvn2("6200001234567890", "2903"));
        }
        // 200 draws from 1000 values give about 181 distinct; far fewer would mean a broken derivation.
        assertThat(byPan).hasSizeGreaterThan(150);
        assertThat(byExpiry).hasSizeGreaterThan(150);
        assertThat(byKey).hasSizeGreaterThan(150);
    }

    @Test
    void randomDigitsHaveTheRequestedLengthAndSpreadEvenly() {
        assertThat(secrets.randomDigits(0)).isEmpty();
        assertThat(secrets.randomDigits(19)).matches("\\d{19}");
        int[] counts = new int[10];
        for (char c : secrets.randomDigits(20_000).toCharArray()) {
            counts[c - '0']++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(1_700, 2_300);
        }
        assertThatThrownBy(() -> secrets.randomDigits(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
