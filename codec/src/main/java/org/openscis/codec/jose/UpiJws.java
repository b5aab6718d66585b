package org.openscis.codec.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Detached {@code UPI-JWS} signatures over raw body bytes (protocol.md §4.2-4.3, §4.9). */
public final class UpiJws {

    /**
     * A real header value is about 400 characters; anything near this bound is hostile and is refused before any
     * decoding work.
     */
    public static final int MAX_HEADER_VALUE_CHARS = 8 * 1024;

    /** The UPI names nimbus must leave to us (protocol.md §4.9); without them it rejects every UPI-JWS. */
    private static final Set<String> DEFERRED_CRIT = new HashSet<>(UpiJwsHeader.critFor(true));

    private static final IdentityCache<PublicKey, JWSVerifier> VERIFIERS = new IdentityCache<>();
    private static final IdentityCache<PrivateKey, JWSSigner> SIGNERS = new IdentityCache<>();

    private UpiJws() {}

    /**
     * Parses a header value: three segments with an empty middle, a JSON protected header with {@code alg} in
     * RS256/PS256/ES256 ({@code none} and HMAC always refused), {@code crit} listing only understood names and
     * containing the UPI names the header carries. With {@code lenientSignature}, the signature segment may use the
     * standard base64 alphabet and padding, and the header segment may be padded. Never throws.
     */
    public static JwsParseResult parse(String headerValue, boolean lenientSignature) {
        try {
            return parseChecked(headerValue, lenientSignature);
        } catch (UpiJwsHeaderJson.Rejected e) {
            return new JwsParseResult.Failed(e.getMessage());
        } catch (RuntimeException e) {
            // Every expected failure is handled above; this keeps the "never throws" promise if a library surprises.
            return new JwsParseResult.Failed("unreadable UPI-JWS");
        }
    }

    private static JwsParseResult parseChecked(String value, boolean lenient) throws UpiJwsHeaderJson.Rejected {
        if (value == null || value.isEmpty()) {
            return new JwsParseResult.Failed("UPI-JWS missing");
        }
        if (value.length() > MAX_HEADER_VALUE_CHARS) {
            return new JwsParseResult.Failed("UPI-JWS too long");
        }
        int firstDot = value.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : value.indexOf('.', firstDot + 1);
        if (secondDot < 0 || value.indexOf('.', secondDot + 1) >= 0) {
            return new JwsParseResult.Failed("UPI-JWS is not three segments");
        }
        if (secondDot != firstDot + 1) {
            return new JwsParseResult.Failed("UPI-JWS payload segment is not empty");
        }
        String encodedHeader = value.substring(0, firstDot);
        String encodedSignature = value.substring(secondDot + 1);
        byte[] headerJson = lenient ? Base64Url.decodeLenientUrl(encodedHeader)
                : Base64Url.decodeUnpadded(encodedHeader);
        if (headerJson == null) {
            return new JwsParseResult.Failed("UPI-JWS header segment is not base64url");
        }
        UpiJwsHeader header = UpiJwsHeaderJson.read(headerJson);
        String problem = UpiJwsHeaderRules.problem(header);
        if (problem != null) {
            return new JwsParseResult.Failed(problem);
        }
        byte[] signature = lenient ? Base64Url.decodeLenient(encodedSignature)
                : Base64Url.decodeUnpadded(encodedSignature);
        if (signature == null || signature.length == 0) {
            return new JwsParseResult.Failed(lenient ? "UPI-JWS signature segment is not base64"
                    : "UPI-JWS signature segment is not unpadded base64url");
        }
        return new JwsParseResult.Ok(new ParsedJws(header, encodedHeader, signature));
    }

    /** Verifies over {@code BASE64URL(header) . BASE64URL(body)}, then the padded-payload variant. Never throws. */
    public static boolean verify(ParsedJws jws, byte[] body, PublicKey key) {
        if (jws == null || jws.header() == null || jws.encodedHeader() == null || jws.signature() == null
                || body == null || key == null) {
            return false;
        }
        try {
            JwsAlg alg = JwsAlg.of(jws.header().alg());
            if (alg == null || !alg.fits(key)) {
                return false;
            }
            JWSVerifier verifier = VERIFIERS.get(key, UpiJws::newVerifier);
            var nimbusHeader = alg.nimbusHeader(jws.header().reqPath() != null);
            Base64URL signature = Base64URL.encode(jws.signature());
            if (verifier.verify(nimbusHeader, signingInput(jws.encodedHeader(), body, false), signature)) {
                return true;
            }
            // protocol.md §4.9: the UPI-sample helper pads the payload segment. Same bytes when no padding arises.
            return body.length % 3 != 0
                    && verifier.verify(nimbusHeader, signingInput(jws.encodedHeader(), body, true), signature);
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Signs {@code body} and returns the detached compact form {@code header..signature}. The header's
     * {@code crit} may be null (it is then derived from whether {@code reqPath} is set) or must be exactly that list.
     * Throws IllegalArgumentException for a header the switch itself would refuse or a key that does not fit
     * {@code alg}.
     */
    public static String sign(UpiJwsHeader header, byte[] body, PrivateKey key) {
        if (header == null || body == null || key == null) {
            throw new IllegalArgumentException("header, body and key are required");
        }
        List<String> crit = UpiJwsHeader.critFor(header.reqPath() != null);
        if (header.crit() != null && !header.crit().equals(crit)) {
            throw new IllegalArgumentException("crit must be " + crit);
        }
        UpiJwsHeader complete = new UpiJwsHeader(header.alg(), header.kid(), crit, header.uuid(), header.timestamp(),
                header.appId(), header.reqPath());
        String problem = UpiJwsHeaderRules.problem(complete);
        if (problem != null) {
            throw new IllegalArgumentException("UPI-JWS header not signable: " + problem);
        }
        JwsAlg alg = JwsAlg.of(complete.alg());
        if (!alg.fits(key)) {
            throw new IllegalArgumentException("private key does not fit " + alg
                    + (alg == JwsAlg.ES256 ? " (needs EC P-256)" : " (needs RSA >= " + KeyChecks.MIN_RSA_BITS + " bits)"));
        }
        String encodedHeader = Base64Url.encode(UpiJwsHeaderJson.write(complete, crit));
        try {
            JWSSigner signer = SIGNERS.get(key, UpiJws::newSigner);
            Base64URL signature = signer.sign(alg.nimbusHeader(complete.reqPath() != null),
                    signingInput(encodedHeader, body, false));
            return encodedHeader + ".." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException("UPI-JWS signing failed with " + alg, e);
        }
    }

    /** A fresh {@code UPI-UUID}: 32 lower-case hex characters. */
    public static String newUuid() {
        UUID uuid = UUID.randomUUID();
        return hex16(uuid.getMostSignificantBits()) + hex16(uuid.getLeastSignificantBits());
    }

    private static String hex16(long bits) {
        String hex = Long.toHexString(bits);
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }

    /** {@code encodedHeader "." BASE64URL(body)} as ASCII bytes (protocol.md §4.2 step 2). */
    private static byte[] signingInput(String encodedHeader, byte[] body, boolean paddedPayload) {
        byte[] payload = Base64Url.encodeAscii(body, paddedPayload);
        int headerLength = encodedHeader.length();
        byte[] input = new byte[headerLength + 1 + payload.length];
        for (int i = 0; i < headerLength; i++) {
            char c = encodedHeader.charAt(i);
            if (c > 0x7F) {
                throw new IllegalArgumentException("header segment is not ASCII");
            }
            input[i] = (byte) c;
        }
        input[headerLength] = '.';
        System.arraycopy(payload, 0, input, headerLength + 1, payload.length);
        return input;
    }

    private static JWSVerifier newVerifier(PublicKey key) throws JOSEException {
        if (key instanceof RSAPublicKey rsa) {
            return new RSASSAVerifier(rsa, DEFERRED_CRIT);
        }
        if (key instanceof ECPublicKey ec) {
            return new ECDSAVerifier(ec, DEFERRED_CRIT);
        }
        throw new JOSEException("unsupported public key type");
    }

    private static JWSSigner newSigner(PrivateKey key) throws JOSEException {
        if (key instanceof ECPrivateKey ec) {
            return new ECDSASigner(ec);
        }
        return new RSASSASigner(key);
    }
}
