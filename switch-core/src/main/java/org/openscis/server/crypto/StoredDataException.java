package org.openscis.server.crypto;

/**
 * Ciphertext read back from storage cannot be decrypted: unknown key id, malformed bytes, or an authentication
 * failure (tampering, or a value moved to another row or column). This is an integrity fault of the switch's own
 * data, not bad input from a participant, so it is an exception; the message never contains data.
 */
public final class StoredDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoredDataException(String message) {
        super(message);
    }

    public StoredDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
