package org.openscis.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataCipherTest {

    private final DataKeyring ring = DataKeyring.ephemeral(Clock.systemUTC());
    private final DataCipher cipher = new DataCipher(ring);

    @Test
    void roundTripsUnderTheSameAad() {
        byte[] sealed = cipher.encryptString("6200001234567890", "cards.pan_enc:c1");
        assertThat(cipher.decryptString(sealed, "cards.pan_enc:c1")).isEqualTo("6200001234567890");
    }

    @Test
    void writesVersionKeyIdNonceAndTag() {
        String keyId = ring.currentKeyId();
        byte[] sealed = cipher.encrypt(new byte[5], "x");

        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(sealed[1]).isEqualTo((byte) keyId.length());
        assertThat(new String(sealed, 2, keyId.length(), StandardCharsets.US_ASCII)).isEqualTo(keyId);
        assertThat(sealed).hasSize(2 + keyId.length() + 12 + 5 + 16);
    }

    @Test
    void sameValueEncryptsDifferentlyEachTime() {
        assertThat(cipher.encryptString("6200001234567890", "a"))
                .isNotEqualTo(cipher.encryptString("6200001234567890", "a"));
    }

    @Test
    void anotherAadFailsAuthentication() {
        byte[] sealed = cipher.encryptString("6200001234567890", "cards.pan_enc:c1");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "cards.pan_enc:c2"))
                .isInstanceOf(StoredDataException.class)
                .hasMessageContaining("failed authentication")
                .hasMessageNotContaining("6200001234567890");
    }

    @Test
    void valuesWrittenBeforeARotationStayReadable() throws IOException {
        byte[] old = cipher.encryptString("old", "a");
        String newKey = ring.rotate();
        byte[] fresh = cipher.encryptString("new", "a");

        assertThat(new String(fresh, 2, fresh[1], StandardCharsets.US_ASCII)).isEqualTo(newKey);
        assertThat(cipher.decryptString(old, "a")).isEqualTo("old");
        assertThat(cipher.decryptString(fresh, "a")).isEqualTo("new");
    }

    @Test
    void anotherKeyringCannotDecrypt() {
        byte[] sealed = cipher.encryptString("secret", "a");
        DataCipher other = new DataCipher(DataKeyring.ephemeral(Clock.systemUTC()));
        assertThatThrownBy(() -> other.decrypt(sealed, "a"))
                .isInstanceOf(StoredDataException.class).hasMessageContaining("unknown data key");
    }

    @Test
    void malformedValuesAreReportedAsStoredDataErrors() {
        assertThatThrownBy(() -> cipher.decrypt(new byte[0], "a")).isInstanceOf(StoredDataException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[] {2, 1, 'x'}, "a"))
                .isInstanceOf(StoredDataException.class).hasMessageContaining("unknown format");
        assertThatThrownBy(() -> cipher.decrypt(new byte[] {1, 0}, "a"))
                .isInstanceOf(StoredDataException.class).hasMessageContaining("truncated");
        byte[] sealed = cipher.encrypt(new byte[0], "a");
        byte[] cut = Arrays.copyOf(sealed, sealed.length - 1);
        assertThatThrownBy(() -> cipher.decrypt(cut, "a")).isInstanceOf(StoredDataException.class);
    }
}
