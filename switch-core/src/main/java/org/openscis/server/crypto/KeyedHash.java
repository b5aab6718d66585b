package org.openscis.server.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Lookup keys for card data that is stored encrypted: lowercase hex HMAC-SHA256 under the keyring's index key. A
 * plain hash of a PAN could be reversed by enumerating the few billion PANs of a BIN; a keyed one cannot without the
 * key. Each kind of value gets its own domain label, so equal digit strings of different kinds never collide.
 * Thread-safe.
 */
public final class KeyedHash {

    /** Hex characters of one hash (a SHA-256 output). */
    public static final int HEX_LENGTH_CHARS = 64;

    private final DataKeyring keyring;

    public KeyedHash(DataKeyring keyring) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
    }

    /** Lookup key of a PAN. */
    public String pan(String pan) {
        return hash("pan", pan);
    }

    /** Lookup key of an account number, which is unique only within its issuer. */
    public String account(String issuerIin, String accountNo) {
        return hash("account", Objects.requireNonNull(issuerIin, "issuerIin") + "|" + accountNo);
    }

    /**
     * Lookup key of {@code value} in {@code domain} (a short label such as {@code "pan"}). The domain is separated
     * from the value by a NUL byte, which neither contains.
     */
    public String hash(String domain, String value) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(value, "value");
        byte[] input = (domain + "\0" + value).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(Hmac.sha256(keyring.indexKey(), input));
    }

    @Override
    public String toString() {
        return "KeyedHash[HMAC-SHA256]";
    }
}
