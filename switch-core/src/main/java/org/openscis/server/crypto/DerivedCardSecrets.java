package org.openscis.server.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import org.openscis.router.port.CardSecrets;

/**
 * New card numbers from {@link SecureRandom}, and CVN2 derived on demand so it is never stored (decisions.md §6).
 *
 * <p>CVN2 here is a <strong>switch-specific keyed function</strong>, not the EMV/UnionPay CVN algorithm (that one
 * uses issuer DES keys in an HSM): the first 8 bytes of HMAC-SHA256(card secret key, {@code pan + "|" + expiryYymm})
 * as an unsigned number, modulo 1000, as three digits. The modulo bias is below 10<sup>-16</sup>. Only this switch
 * can compute or check these values, which is all the virtual cards it issues need. Thread-safe.
 */
public final class DerivedCardSecrets implements CardSecrets {

    /** CVN2 has this many digits. */
    public static final int CVN2_DIGITS = 3;
    private static final long CVN2_MODULUS = 1000L;

    private final DataKeyring keyring;
    private final SecureRandom random;

    public DerivedCardSecrets(DataKeyring keyring) {
        this(keyring, new SecureRandom());
    }

    /** With a given random source (tests may pass a seeded one; production must use a {@link SecureRandom}). */
    public DerivedCardSecrets(DataKeyring keyring, SecureRandom random) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String randomDigits(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("digit count must not be negative: " + count);
        }
        char[] digits = new char[count];
        for (int i = 0; i < count; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }

    @Override
    public String cvn2(String pan, String expiryYymm) {
        Objects.requireNonNull(pan, "pan");
        Objects.requireNonNull(expiryYymm, "expiryYymm");
        byte[] mac = Hmac.sha256(keyring.cardSecretKey(),
                (pan + "|" + expiryYymm).getBytes(StandardCharsets.UTF_8));
        long value = Long.remainderUnsigned(ByteBuffer.wrap(mac, 0, Long.BYTES).getLong(), CVN2_MODULUS);
        return String.format(Locale.ROOT, "%03d", value);
    }

    @Override
    public String toString() {
        return "DerivedCardSecrets[HMAC-SHA256 CVN2]";
    }
}
