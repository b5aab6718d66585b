package org.openscis.server.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for values at rest. Stored format:
 * <pre>
 *   version (1 byte, = 1) | key-id length (1 byte) | key id (ASCII) | nonce (12 bytes) | ciphertext + tag (16 bytes)
 * </pre>
 * The caller supplies associated data naming where the value lives (e.g. {@code "cards.pan_enc:" + cardId}); it is
 * authenticated together with the header, so a ciphertext copied to another row or column fails to decrypt.
 * New values use the keyring's current key; decryption looks the key up by the id in the header, so values written
 * before a rotation remain readable. Thread-safe.
 */
public final class DataCipher {

    /** The only format version so far. */
    static final byte VERSION = 1;
    /** GCM's recommended nonce length; random nonces are safe far beyond the write volume of one data key. */
    static final int NONCE_LENGTH_BYTES = 12;
    static final int TAG_LENGTH_BYTES = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final DataKeyring keyring;
    private final SecureRandom random = new SecureRandom();

    public DataCipher(DataKeyring keyring) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
    }

    /** Encrypts {@code plaintext} under the current data key, bound to {@code aad}. */
    public byte[] encrypt(byte[] plaintext, String aad) {
        Objects.requireNonNull(plaintext, "plaintext");
        DataKey key = keyring.currentKey();
        byte[] id = key.id().getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_LENGTH_BYTES];
        random.nextBytes(nonce);
        byte[] header = header(id);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_LENGTH_BYTES * 8, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(aadBytes(aad));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(header.length + nonce.length + sealed.length)
                    .put(header).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every JRE; failing here means a broken platform, not bad data.
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** {@link #encrypt(byte[], String)} of the UTF-8 bytes of {@code plaintext}. */
    public byte[] encryptString(String plaintext, String aad) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), aad);
    }

    /**
     * Decrypts a value written by {@link #encrypt} with the same {@code aad}.
     *
     * @throws StoredDataException if the format is wrong, the key id is unknown, or authentication fails
     */
    public byte[] decrypt(byte[] stored, String aad) {
        Objects.requireNonNull(stored, "stored");
        if (stored.length < 2 || stored[0] != VERSION) {
            throw new StoredDataException("stored value has an unknown format");
        }
        int idLength = stored[1] & 0xFF;
        int headerLength = 2 + idLength;
        if (idLength == 0 || stored.length < headerLength + NONCE_LENGTH_BYTES + TAG_LENGTH_BYTES) {
            throw new StoredDataException("stored value is truncated");
        }
        String keyId = new String(stored, 2, idLength, StandardCharsets.US_ASCII);
        Optional<DataKey> key = keyring.key(keyId);
        if (key.isEmpty()) {
            throw new StoredDataException("stored value uses unknown data key " + printable(keyId));
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.get().key(),
                    new GCMParameterSpec(TAG_LENGTH_BYTES * 8, stored, headerLength, NONCE_LENGTH_BYTES));
            cipher.updateAAD(stored, 0, headerLength);
            cipher.updateAAD(aadBytes(aad));
            int offset = headerLength + NONCE_LENGTH_BYTES;
            return cipher.doFinal(stored, offset, stored.length - offset);
        } catch (AEADBadTagException e) {
            throw new StoredDataException("stored value failed authentication under data key " + keyId
                    + " (tampered, or read with the wrong associated data)");
        } catch (GeneralSecurityException e) {
            throw new StoredDataException("stored value cannot be decrypted: " + e.getClass().getSimpleName(), e);
        }
    }

    /** {@link #decrypt} decoded as UTF-8. */
    public String decryptString(byte[] stored, String aad) {
        return new String(decrypt(stored, aad), StandardCharsets.UTF_8);
    }

    private static byte[] header(byte[] keyId) {
        if (keyId.length == 0 || keyId.length > 255) {
            throw new IllegalStateException("data key id length " + keyId.length + " does not fit the format");
        }
        byte[] header = new byte[2 + keyId.length];
        header[0] = VERSION;
        header[1] = (byte) keyId.length;
        System.arraycopy(keyId, 0, header, 2, keyId.length);
        return header;
    }

    private static byte[] aadBytes(String aad) {
        return Objects.requireNonNull(aad, "aad").getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(String keyId) {
        return keyId.matches("[A-Za-z0-9._-]{1,64}") ? keyId : "(unprintable id)";
    }

    @Override
    public String toString() {
        return "DataCipher[AES-256-GCM, current key " + keyring.currentKeyId() + "]";
    }
}
