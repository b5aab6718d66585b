package org.openscis.codec.jose;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Set;
import java.util.function.Function;
import org.openscis.codec.jose.JweResult.Failure;

/** JWE compact serialization for sensitive fields (decisions.md §3, protocol.md §4.6). */
public final class JweCodec {

    /** The HTTP body limit is 64 KiB (decisions.md §2); no field can be longer. */
    public static final int MAX_COMPACT_CHARS = 64 * 1024;
    /** A real protected header (with an ECDH {@code epk}) is under 300 characters. */
    static final int MAX_HEADER_CHARS = 4 * 1024;
    private static final int SEGMENTS = 5;

    private static final Set<EncryptionMethod> GCM = Set.of(EncryptionMethod.A128GCM, EncryptionMethod.A256GCM);
    private static final Set<JWEAlgorithm> ECDH = Set.of(
            JWEAlgorithm.ECDH_ES, JWEAlgorithm.ECDH_ES_A128KW, JWEAlgorithm.ECDH_ES_A256KW);

    private static final IdentityCache<PrivateKey, JWEDecrypter> DECRYPTERS = new IdentityCache<>();
    private static final IdentityCache<PublicKey, JWEEncrypter> ENCRYPTERS = new IdentityCache<>();

    private JweCodec() {}

    /**
     * Decrypts a compact JWE. Accepts RSA1_5/A128CBC-HS256 and RSA-OAEP-256 with A128GCM or A256GCM, and for EC
     * P-256 keys ECDH-ES, ECDH-ES+A128KW and ECDH-ES+A256KW with A128GCM or A256GCM. The key is found by the
     * header's {@code kid} (null if the header has none); a lookup returning null (or throwing) is UNKNOWN_KID.
     * Every cryptographic failure is the same DECRYPT_FAILED, so the result is no padding oracle. Never throws.
     */
    public static JweResult decrypt(String compact, Function<String, PrivateKey> privateKeyByKid) {
        try {
            return decryptChecked(compact, privateKeyByKid);
        } catch (RuntimeException e) {
            // Expected failures are all handled below; this keeps the "never throws" promise.
            return failed(Failure.MALFORMED, "unreadable JWE");
        }
    }

    private static JweResult decryptChecked(String compact, Function<String, PrivateKey> privateKeyByKid) {
        if (compact == null || compact.isEmpty()) {
            return failed(Failure.MALFORMED, "JWE missing");
        }
        if (compact.length() > MAX_COMPACT_CHARS) {
            return failed(Failure.MALFORMED, "JWE too long");
        }
        String shape = shapeProblem(compact);
        if (shape != null) {
            return failed(Failure.MALFORMED, shape);
        }
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(compact);
        } catch (ParseException e) {
            return failed(Failure.MALFORMED, "JWE header is not valid");
        }
        JWEHeader header = jwe.getHeader();
        JWEAlgorithm alg = header.getAlgorithm();
        if (header.getCompressionAlgorithm() != null) {
            return failed(Failure.ALGORITHM_NOT_ALLOWED, "JWE compression not allowed");
        }
        if (!allowed(alg, header.getEncryptionMethod())) {
            return failed(Failure.ALGORITHM_NOT_ALLOWED, "JWE alg/enc not allowed");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return failed(Failure.MALFORMED, "JWE header has critical parameters");
        }
        boolean direct = JWEAlgorithm.ECDH_ES.equals(alg);
        boolean hasEncryptedKey = jwe.getEncryptedKey() != null && !jwe.getEncryptedKey().toString().isEmpty();
        if (direct == hasEncryptedKey) {
            return failed(Failure.MALFORMED, direct ? "JWE encrypted key must be empty for ECDH-ES"
                    : "JWE encrypted key missing");
        }
        String kid = header.getKeyID();
        PrivateKey key;
        try {
            key = privateKeyByKid == null ? null : privateKeyByKid.apply(kid);
        } catch (RuntimeException e) {
            key = null;
        }
        if (key == null) {
            return failed(Failure.UNKNOWN_KID, "no decryption key for the JWE kid");
        }
        boolean ecAlg = ECDH.contains(alg);
        if (ecAlg ? !KeyChecks.isP256(key) : !KeyChecks.isRsa(key)) {
            return failed(Failure.ALGORITHM_NOT_ALLOWED, "JWE alg does not fit the key of that kid");
        }
        try {
            jwe.decrypt(DECRYPTERS.get(key, JweCodec::newDecrypter));
            return new JweResult.Ok(jwe.getPayload().toBytes(), kid);
        } catch (JOSEException | RuntimeException e) {
            // One reason for every cause (bad padding, bad tag, wrong key): anything finer is an oracle.
            return failed(Failure.DECRYPT_FAILED, "JWE decryption failed");
        }
    }

    /** Encrypts to {@code recipient} with {@code kid} in the header and the default profile. */
    public static String encrypt(byte[] plaintext, PublicKey recipient, String kid) {
        return encrypt(plaintext, recipient, kid, JweProfile.RSA_OAEP_256_A128GCM);
    }

    /**
     * Encrypts to {@code recipient} with {@code kid} in the header and the given algorithms. For an EC P-256
     * recipient the key is wrapped with ECDH-ES+A128KW and the content uses A256GCM for
     * {@link JweProfile#RSA_OAEP_256_A256GCM}, else A128GCM. Throws IllegalArgumentException for a recipient key
     * that is neither RSA >= 2048 bits nor EC P-256.
     */
    public static String encrypt(byte[] plaintext, PublicKey recipient, String kid, JweProfile profile) {
        if (plaintext == null || recipient == null || profile == null) {
            throw new IllegalArgumentException("plaintext, recipient and profile are required");
        }
        if (!KeyMaterial.strongEnough(recipient)) {
            throw new IllegalArgumentException("recipient key must be RSA >= " + KeyChecks.MIN_RSA_BITS
                    + " bits or EC P-256");
        }
        JWEHeader header = new JWEHeader.Builder(algorithm(profile, recipient), encryptionMethod(profile, recipient))
                .keyID(kid)
                .build();
        try {
            JWEObject jwe = new JWEObject(header, new Payload(plaintext));
            jwe.encrypt(ENCRYPTERS.get(recipient, JweCodec::newEncrypter));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("JWE encryption failed with " + header.getAlgorithm() + "/"
                    + header.getEncryptionMethod(), e);
        }
    }

    private static boolean allowed(JWEAlgorithm alg, EncryptionMethod enc) {
        if (JWEAlgorithm.RSA1_5.equals(alg)) {
            return EncryptionMethod.A128CBC_HS256.equals(enc);
        }
        if (JWEAlgorithm.RSA_OAEP_256.equals(alg) || ECDH.contains(alg)) {
            return GCM.contains(enc);
        }
        return false;
    }

    /** Five canonical base64url segments; IV, ciphertext and tag present. Null when fine. */
    private static String shapeProblem(String compact) {
        int start = 0;
        for (int i = 0; i < SEGMENTS; i++) {
            int dot = compact.indexOf('.', start);
            boolean last = i == SEGMENTS - 1;
            if (last != (dot < 0)) {
                return "JWE is not five segments";
            }
            String segment = compact.substring(start, last ? compact.length() : dot);
            if (!Base64Url.isCanonicalUnpadded(segment)) {
                return "JWE segment is not canonical base64url";
            }
            if (i == 0 && (segment.isEmpty() || segment.length() > MAX_HEADER_CHARS)) {
                return segment.isEmpty() ? "JWE header missing" : "JWE header too long";
            }
            if ((i == 2 || i == 4) && segment.isEmpty()) {
                return i == 2 ? "JWE IV missing" : "JWE tag missing";
            }
            start = dot + 1;
        }
        return null;
    }

    private static JWEAlgorithm algorithm(JweProfile profile, PublicKey recipient) {
        if (recipient instanceof ECPublicKey) {
            return JWEAlgorithm.ECDH_ES_A128KW;
        }
        return profile == JweProfile.RSA1_5_A128CBC_HS256 ? JWEAlgorithm.RSA1_5 : JWEAlgorithm.RSA_OAEP_256;
    }

    private static EncryptionMethod encryptionMethod(JweProfile profile, PublicKey recipient) {
        return switch (profile) {
            case RSA_OAEP_256_A256GCM -> EncryptionMethod.A256GCM;
            case RSA1_5_A128CBC_HS256 -> recipient instanceof ECPublicKey
                    ? EncryptionMethod.A128GCM : EncryptionMethod.A128CBC_HS256;
            default -> EncryptionMethod.A128GCM;
        };
    }

    private static JWEDecrypter newDecrypter(PrivateKey key) throws JOSEException {
        if (key instanceof ECPrivateKey ec) {
            return new ECDHDecrypter(ec);
        }
        return new RSADecrypter(key);
    }

    private static JWEEncrypter newEncrypter(PublicKey key) throws JOSEException {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAEncrypter(rsa);
        }
        if (key instanceof ECPublicKey ec) {
            return new ECDHEncrypter(ec);
        }
        throw new JOSEException("unsupported recipient key type");
    }

    private static JweResult failed(Failure failure, String reason) {
        return new JweResult.Failed(failure, reason);
    }
}
