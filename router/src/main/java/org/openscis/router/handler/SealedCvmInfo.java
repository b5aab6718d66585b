package org.openscis.router.handler;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweResult;
import org.openscis.router.port.FieldCrypto;

/**
 * Opens a {@code cvmInfo} compact JWE addressed to the switch (protocol.md §2.6, §4.6): a JWE that cannot be decrypted
 * is A0, plaintext that is not one JSON object is 30. The object may also come wrapped as a JWT claim
 * {@code {"sub":"<json>"}}, a mistake one real client makes: it is unwrapped when none of the caller's expected
 * members is present at the top. The decrypted bytes are wiped once parsed.
 */
final class SealedCvmInfo {

    /** Bounds the JWE text; the whole body is limited to 64 KiB anyway. */
    static final int MAX_CHARS = 64 * 1024;

    private SealedCvmInfo() {}

    /** The opened object, or the refusal to answer with. */
    sealed interface Opened {}

    record Ok(TrxInfo cvm) implements Opened {}

    record Refused(ResponseCode code, String detail) implements Opened {}

    /**
     * @param expectedMembers members whose presence shows the object is not wrapped in {@code sub}
     */
    static Opened open(FieldCrypto crypto, EnvelopeCodec json, String compactJwe, Set<String> expectedMembers) {
        JweResult decrypted = crypto.decryptForSwitch(compactJwe);
        if (decrypted instanceof JweResult.Failed failed) {
            return new Refused(ResponseCode.SIGNATURE_FAILURE, jweFailure(failed.failure()));
        }
        TrxInfo cvm = read(json, ((JweResult.Ok) decrypted).plaintext(), expectedMembers);
        return cvm == null
                ? new Refused(ResponseCode.FORMAT_ERROR, "cvmInfo: content is not a JSON object")
                : new Ok(cvm);
    }

    private static TrxInfo read(EnvelopeCodec json, byte[] plaintext, Set<String> expectedMembers) {
        try {
            TrxInfo object = json.decodeObject(plaintext);
            if (object == null || expectedMembers.stream().anyMatch(object::has)) {
                return object;
            }
            String wrapped = object.string("sub");
            return wrapped == null ? object : json.decodeObject(wrapped.getBytes(StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static String jweFailure(JweResult.Failure failure) {
        return switch (failure) {
            case MALFORMED -> "cvmInfo: not a compact JWE";
            case ALGORITHM_NOT_ALLOWED -> "cvmInfo: JWE algorithms not accepted";
            case UNKNOWN_KID -> "cvmInfo: JWE kid is not a switch encryption key";
            case DECRYPT_FAILED -> "cvmInfo: JWE cannot be decrypted";
        };
    }
}
