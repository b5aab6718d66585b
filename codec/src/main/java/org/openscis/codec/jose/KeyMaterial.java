package org.openscis.codec.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Reading and writing keys: PEM (PKCS#8, PKCS#1 RSA, SEC1 EC P-256, SPKI, X.509 certificate) and JWK; key
 * generation for development keys. Error messages name the problem, never key bytes.
 */
public final class KeyMaterial {

    /** Key files are a few KiB; a certificate chain a few more. */
    public static final int MAX_KEY_TEXT_CHARS = 1024 * 1024;

    private KeyMaterial() {}

    /**
     * A PKCS#8 PEM ({@code PRIVATE KEY}), a PKCS#1 PEM ({@code RSA PRIVATE KEY}), a SEC1 PEM on P-256
     * ({@code EC PRIVATE KEY}) or a private JWK (RSA or EC). The first private-key block of a PEM bundle is used.
     * Throws IllegalArgumentException naming what is wrong.
     */
    public static PrivateKey readPrivateKey(String text) {
        String trimmed = checkedText(text);
        if (trimmed.startsWith("{")) {
            return privateFromJwk(trimmed);
        }
        for (Pem.Block block : pemBlocks(trimmed)) {
            switch (block.label()) {
                case Pem.PRIVATE_KEY:
                    return privateFromPkcs8(block.der());
                case Pem.RSA_PRIVATE_KEY:
                    return generatePrivate("RSA", Der.pkcs8FromPkcs1(block.der()), "RSA PRIVATE KEY");
                case Pem.EC_PRIVATE_KEY:
                    return privateFromSec1(block.der());
                case Pem.ENCRYPTED_PRIVATE_KEY:
                    throw new IllegalArgumentException(
                            "encrypted private keys are not supported; decrypt with: openssl pkcs8 -nocrypt");
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("no private key PEM block (expected PRIVATE KEY, RSA PRIVATE KEY"
                + " or EC PRIVATE KEY)");
    }

    /**
     * An SPKI PEM ({@code PUBLIC KEY}), a PKCS#1 PEM ({@code RSA PUBLIC KEY}), an X.509 certificate PEM or a JWK
     * (public or private; the public part is returned). The first public block of a PEM bundle is used. Throws
     * IllegalArgumentException naming what is wrong.
     */
    public static PublicKey readPublicKey(String text) {
        String trimmed = checkedText(text);
        if (trimmed.startsWith("{")) {
            return publicFromJwk(trimmed);
        }
        for (Pem.Block block : pemBlocks(trimmed)) {
            switch (block.label()) {
                case Pem.PUBLIC_KEY:
                    return publicFromSpki(block.der());
                case Pem.RSA_PUBLIC_KEY:
                    return generatePublic("RSA", Der.spkiFromPkcs1(block.der()), "RSA PUBLIC KEY");
                case Pem.CERTIFICATE:
                    return certificate(block.der()).getPublicKey();
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("no public key PEM block (expected PUBLIC KEY, RSA PUBLIC KEY"
                + " or CERTIFICATE)");
    }

    /**
     * Base64 of DER SubjectPublicKeyInfo, as KEY_EXCHANGE carries keys (protocol.md §3.24). Whitespace is ignored,
     * either base64 alphabet is accepted, and a DER X.509 certificate is read for its public key.
     */
    public static PublicKey readBase64Der(String base64) {
        String compact = checkedText(base64).replaceAll("\\s+", "");
        byte[] der;
        try {
            der = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(compact) : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key is not valid base64");
        }
        try {
            return publicFromSpki(der);
        } catch (IllegalArgumentException notSpki) {
            try {
                return certificate(der).getPublicKey();
            } catch (IllegalArgumentException notCertificate) {
                throw notSpki;
            }
        }
    }

    /**
     * The certificate serial number in decimal, if {@code text} holds an X.509 certificate PEM (a kid convention,
     * protocol.md §4.1); empty for other text. Throws IllegalArgumentException for a certificate block that does not
     * parse.
     */
    public static Optional<String> certificateSerial(String text) {
        if (text == null || text.length() > MAX_KEY_TEXT_CHARS || !Pem.looksLikePem(text)) {
            return Optional.empty();
        }
        for (Pem.Block block : Pem.blocks(text)) {
            if (Pem.CERTIFICATE.equals(block.label())) {
                return Optional.of(certificate(block.der()).getSerialNumber().toString());
            }
        }
        return Optional.empty();
    }

    /** {@code -----BEGIN PRIVATE KEY-----} (PKCS#8), 64-character lines. */
    public static String toPem(PrivateKey key) {
        if (key == null || !"PKCS#8".equals(key.getFormat()) || key.getEncoded() == null) {
            throw new IllegalArgumentException("private key has no PKCS#8 encoding (a hardware key?)");
        }
        return Pem.write(Pem.PRIVATE_KEY, key.getEncoded());
    }

    /** {@code -----BEGIN PUBLIC KEY-----} (SubjectPublicKeyInfo), 64-character lines. */
    public static String toPem(PublicKey key) {
        if (key == null || !"X.509".equals(key.getFormat()) || key.getEncoded() == null) {
            throw new IllegalArgumentException("public key has no SubjectPublicKeyInfo encoding");
        }
        return Pem.write(Pem.PUBLIC_KEY, key.getEncoded());
    }

    /** A fresh RSA key pair of {@code bits} (at least 2048). */
    public static KeyPair generateRsa(int bits) {
        if (bits < KeyChecks.MIN_RSA_BITS) {
            throw new IllegalArgumentException("RSA keys must have at least " + KeyChecks.MIN_RSA_BITS + " bits");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    /** A fresh EC key pair on P-256 (secp256r1). */
    public static KeyPair generateEcP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("EC key generation failed", e);
        }
    }

    /** RSA keys must be at least 2048 bits; EC keys must be P-256. */
    public static boolean strongEnough(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return KeyChecks.isStrongRsa(key);
        }
        return key instanceof ECPublicKey && KeyChecks.isP256(key);
    }

    private static String checkedText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("key text is empty");
        }
        if (text.length() > MAX_KEY_TEXT_CHARS) {
            throw new IllegalArgumentException("key text is longer than " + MAX_KEY_TEXT_CHARS + " characters");
        }
        return text.strip();
    }

    private static Iterable<Pem.Block> pemBlocks(String text) {
        if (!Pem.looksLikePem(text)) {
            throw new IllegalArgumentException("not a PEM (no -----BEGIN line) and not a JWK (no JSON object)");
        }
        return Pem.blocks(text);
    }

    private static PrivateKey privateFromPkcs8(byte[] der) {
        byte[] oid = algorithmOid(der, true, "PRIVATE KEY");
        if (Arrays.equals(oid, Der.OID_RSA)) {
            return generatePrivate("RSA", der, "PRIVATE KEY");
        }
        if (Arrays.equals(oid, Der.OID_EC)) {
            return generatePrivate("EC", der, "PRIVATE KEY");
        }
        throw new IllegalArgumentException("PRIVATE KEY uses an unsupported algorithm (expected RSA or EC)");
    }

    private static PrivateKey privateFromSec1(byte[] der) {
        byte[] curve;
        try {
            curve = Der.sec1CurveOid(der);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EC PRIVATE KEY is not a valid SEC1 structure");
        }
        if (curve == null) {
            throw new IllegalArgumentException("EC PRIVATE KEY does not name its curve; convert it with:"
                    + " openssl pkcs8 -topk8 -nocrypt");
        }
        if (!Arrays.equals(curve, Der.OID_P256)) {
            throw new IllegalArgumentException("EC PRIVATE KEY is not on P-256");
        }
        return generatePrivate("EC", Der.pkcs8FromSec1P256(der), "EC PRIVATE KEY");
    }

    private static PublicKey publicFromSpki(byte[] der) {
        byte[] oid = algorithmOid(der, false, "PUBLIC KEY");
        if (Arrays.equals(oid, Der.OID_RSA)) {
            return generatePublic("RSA", der, "PUBLIC KEY");
        }
        if (Arrays.equals(oid, Der.OID_EC)) {
            return generatePublic("EC", der, "PUBLIC KEY");
        }
        throw new IllegalArgumentException("PUBLIC KEY uses an unsupported algorithm (expected RSA or EC)");
    }

    private static byte[] algorithmOid(byte[] der, boolean pkcs8, String what) {
        try {
            return Der.algorithmOid(der, pkcs8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a valid " + (pkcs8 ? "PKCS#8" : "SubjectPublicKeyInfo")
                    + " structure");
        }
    }

    private static PrivateKey generatePrivate(String algorithm, byte[] pkcs8, String what) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(what + " is not a readable " + algorithm + " private key");
        }
    }

    private static PublicKey generatePublic(String algorithm, byte[] spki, String what) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(what + " is not a readable " + algorithm + " public key");
        }
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("CERTIFICATE is not a readable X.509 certificate");
        }
    }

    private static PrivateKey privateFromJwk(String json) {
        JWK jwk = parseJwk(json);
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("JWK has no private part");
        }
        try {
            if (jwk instanceof RSAKey rsa) {
                return rsa.toRSAPrivateKey();
            }
            if (jwk instanceof ECKey ec) {
                return ec.toECPrivateKey();
            }
        } catch (JOSEException | RuntimeException e) {
            throw new IllegalArgumentException("JWK private key is not usable");
        }
        throw unsupportedJwk(jwk);
    }

    private static PublicKey publicFromJwk(String json) {
        JWK jwk = parseJwk(json);
        try {
            if (jwk instanceof RSAKey rsa) {
                return rsa.toRSAPublicKey();
            }
            if (jwk instanceof ECKey ec) {
                return ec.toECPublicKey();
            }
        } catch (JOSEException | RuntimeException e) {
            throw new IllegalArgumentException("JWK public key is not usable");
        }
        throw unsupportedJwk(jwk);
    }

    private static JWK parseJwk(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException | RuntimeException e) {
            // nimbus messages name members, not values; still, keep only the first line.
            String detail = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("not a valid JWK" + detail);
        }
    }

    private static IllegalArgumentException unsupportedJwk(JWK jwk) {
        return new IllegalArgumentException("JWK key type " + jwk.getKeyType() + " is not supported (expected RSA"
                + " or EC " + Curve.P_256 + ")");
    }
}
