package org.openscis.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DataCipherProperties {

    private static final DataCipher CIPHER = new DataCipher(DataKeyring.ephemeral(Clock.systemUTC()));

    @Property(tries = 300)
    void decryptInvertsEncrypt(@ForAll @Size(max = 2048) byte[] plaintext, @ForAll String aad) {
        assertThat(CIPHER.decrypt(CIPHER.encrypt(plaintext, aad), aad)).isEqualTo(plaintext);
    }

    @Property(tries = 300)
    void anyFlippedBitIsDetected(@ForAll @Size(max = 64) byte[] plaintext, @ForAll @IntRange(min = 0) int position,
            @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] sealed = CIPHER.encrypt(plaintext, "aad");
        sealed[position % sealed.length] ^= (byte) (1 << bit);
        assertThatThrownBy(() -> CIPHER.decrypt(sealed, "aad")).isInstanceOf(StoredDataException.class);
    }

    @Property(tries = 500)
    void arbitraryBytesNeverEscapeAsAnotherException(@ForAll @Size(max = 128) byte[] garbage) {
        assertThatThrownBy(() -> CIPHER.decrypt(garbage, "aad")).isInstanceOf(StoredDataException.class);
    }
}
