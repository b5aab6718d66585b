package org.openscis.server.client;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.JweResult;

/**
 * JWE for the App Gateway side of protocol.md §4.6: structured sensitive fields are encrypted to the switch's
 * encryption key before sending; JWE fields in responses and callbacks are decrypted with our encryption key for
 * printing and assertions.
 */
public final class SensitiveFields {

    /** Fields the App Gateway encrypts to the switch. */
    public static final List<String> REQUEST_FIELDS = List.of("cvmInfo", "creditAccountInfo", "debitAccountInfo",
            "accountInfo");
    /** Fields the switch encrypts to the App Gateway. */
    public static final List<String> RESPONSE_FIELDS = List.of("pan", "accountInfo", "cvmInfo");

    private static final int JWE_PARTS = 5;

    private final ClientIdentity identity;
    private final JweProfile profile;
    private final EnvelopeCodec codec;

    public SensitiveFields(ClientIdentity identity, JweProfile profile, EnvelopeCodec codec) {
        this.identity = identity;
        this.profile = profile;
        this.codec = codec;
    }

    /**
     * Returns a copy where each of {@link #REQUEST_FIELDS} that is a JSON object, or a string that is not already a
     * compact JWE, is replaced by a JWE to the switch's encryption key. A string holding a JSON object is sent as
     * that object's compact JSON; any other string is encrypted as it is. Throws IllegalStateException when such a
     * field is present and the switch's encryption key is not configured.
     */
    public TrxInfo encryptSensitiveFields(TrxInfo trx) {
        if (trx == null) {
            return null;
        }
        TrxInfo.Builder out = null;
        for (String field : REQUEST_FIELDS) {
            byte[] plaintext = plaintextOf(trx.get(field));
            if (plaintext == null) {
                continue;
            }
            if (identity.switchEncryptionKey() == null) {
                throw new IllegalStateException("cannot encrypt " + field + ": no switch encryption key configured");
            }
            if (out == null) {
                out = trx.toBuilder();
            }
            out.put(field, JweCodec.encrypt(plaintext, identity.switchEncryptionKey(), identity.switchEncryptionKid(),
                    profile));
        }
        return out == null ? trx : out.build();
    }

    private byte[] plaintextOf(Object value) {
        if (value instanceof TrxInfo object) {
            return codec.encodeObject(object);
        }
        if (value instanceof String s && !isCompactJwe(s)) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            TrxInfo object = codec.decodeObject(utf8);
            return object != null ? codec.encodeObject(object) : utf8;
        }
        return null;
    }

    /**
     * Decrypts each of {@link #RESPONSE_FIELDS} holding a compact JWE with our encryption key. Never throws for bad
     * input: failures are reported per field.
     */
    public FieldDecryption decryptResponseFields(TrxInfo trx) {
        if (trx == null) {
            return new FieldDecryption(null, Map.of());
        }
        TrxInfo.Builder out = null;
        Map<String, String> failures = new LinkedHashMap<>();
        for (String field : RESPONSE_FIELDS) {
            String value = trx.string(field);
            if (value == null || !isCompactJwe(value)) {
                continue;
            }
            if (identity.encryptionKey() == null) {
                failures.put(field, "no client encryption key configured");
                continue;
            }
            JweResult result = JweCodec.decrypt(value, this::ourKey);
            if (result instanceof JweResult.Ok ok) {
                if (out == null) {
                    out = trx.toBuilder();
                }
                out.put(field, plainValue(field, ok.plaintext()));
            } else if (result instanceof JweResult.Failed failed) {
                failures.put(field, failed.failure() + ": " + failed.reason());
            }
        }
        return new FieldDecryption(out == null ? trx : out.build(), Map.copyOf(failures));
    }

    private PrivateKey ourKey(String kid) {
        return kid == null || kid.equals(identity.encryptionKid()) ? identity.encryptionKey() : null;
    }

    private Object plainValue(String field, byte[] plaintext) {
        if (!field.equals("pan")) {
            TrxInfo object = codec.decodeObject(plaintext);
            if (object != null) {
                return object;
            }
        }
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    /** Five base64url segments separated by dots (the encrypted-key segment may be empty for other algorithms). */
    public static boolean isCompactJwe(String value) {
        if (value == null) {
            return false;
        }
        int parts = 1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.') {
                parts++;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return parts == JWE_PARTS && !value.startsWith(".");
    }
}
