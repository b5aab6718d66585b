package org.openscis.server.client;

import java.util.Map;
import org.openscis.codec.envelope.TrxInfo;

/**
 * The result of {@link SensitiveFields#decryptResponseFields(TrxInfo)}: a copy of the object with decrypted fields in
 * plain text (structured fields as nested objects, {@code pan} as digits) and, per field that could not be
 * decrypted, the reason. Failed fields keep their JWE value.
 */
public record FieldDecryption(TrxInfo trxInfo, Map<String, String> failures) {

    public boolean ok() {
        return failures.isEmpty();
    }
}
