package org.openscis.router.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.openscis.codec.jose.JweResult;
import org.openscis.router.port.FieldCrypto;
import org.openscis.router.port.Participant;

/**
 * A reversible stand-in for JWE: {@code fakejwe.<base64url(plaintext)>} for the switch, and
 * {@code fakejwe-to-<insID>.<base64url(plaintext)>} for a participant. {@code fakejwe-badkid.…} decrypts as
 * UNKNOWN_KID and {@code fakejwe-tampered.…} as DECRYPT_FAILED; anything else is MALFORMED.
 */
public final class FakeFieldCrypto implements FieldCrypto {

    private static final String SWITCH_PREFIX = "fakejwe.";
    private static final String PARTICIPANT_PREFIX = "fakejwe-to-";

    /** What an App Gateway would send: {@code plaintext} "encrypted" to the switch. */
    public static String sealForSwitch(String plaintext) {
        return sealForSwitch(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public static String sealForSwitch(byte[] plaintext) {
        return SWITCH_PREFIX + b64(plaintext);
    }

    /** Opens what {@link #encryptFor} produced for {@code insId}; throws if it was not for that participant. */
    public static String openFor(String insId, String sealed) {
        String prefix = PARTICIPANT_PREFIX + insId + ".";
        if (sealed == null || !sealed.startsWith(prefix)) {
            throw new IllegalArgumentException("not sealed for " + insId);
        }
        return new String(Base64.getUrlDecoder().decode(sealed.substring(prefix.length())), StandardCharsets.UTF_8);
    }

    @Override
    public JweResult decryptForSwitch(String compactJwe) {
        if (compactJwe.startsWith("fakejwe-badkid.")) {
            return new JweResult.Failed(JweResult.Failure.UNKNOWN_KID, "unknown kid");
        }
        if (compactJwe.startsWith("fakejwe-tampered.")) {
            return new JweResult.Failed(JweResult.Failure.DECRYPT_FAILED, "tag mismatch");
        }
        if (!compactJwe.startsWith(SWITCH_PREFIX)) {
            return new JweResult.Failed(JweResult.Failure.MALFORMED, "not a fake JWE");
        }
        try {
            return new JweResult.Ok(Base64.getUrlDecoder().decode(compactJwe.substring(SWITCH_PREFIX.length())),
                    "fake-switch-kid");
        } catch (IllegalArgumentException e) {
            return new JweResult.Failed(JweResult.Failure.MALFORMED, "bad base64");
        }
    }

    @Override
    public String encryptFor(Participant participant, byte[] plaintext) {
        return PARTICIPANT_PREFIX + participant.insId() + "." + b64(plaintext);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
