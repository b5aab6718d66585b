package org.openscis.server.storage;

import java.util.Objects;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.StoredDataException;

/**
 * {@link TrxInfo} objects at rest: compact JSON sealed with {@link DataCipher} under the caller's associated data.
 * JSON numbers come back as {@link java.math.BigDecimal}s (strings, nested objects and arrays as they were), which is
 * how every {@code trxInfo} read from the wire holds them. Null stays null. Thread-safe.
 */
final class SealedTrxInfo {

    private final DataCipher cipher;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    SealedTrxInfo(DataCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    byte[] seal(TrxInfo value, String aad) {
        return value == null ? null : cipher.encrypt(codec.encodeObject(value), aad);
    }

    /** @throws StoredDataException if the value does not decrypt under {@code aad} or is not a JSON object */
    TrxInfo open(byte[] stored, String aad) {
        if (stored == null) {
            return null;
        }
        TrxInfo value = codec.decodeObject(cipher.decrypt(stored, aad));
        if (value == null) {
            throw new StoredDataException("stored value decrypted but is not a JSON object");
        }
        return value;
    }
}
