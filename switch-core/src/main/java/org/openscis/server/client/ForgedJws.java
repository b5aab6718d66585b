package org.openscis.server.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.List;

/**
 * Builds a detached UPI-JWS by hand, for requests that must be wrong on purpose (a refused {@code alg}, a
 * {@code crit} list the switch does not accept, a header naming one algorithm and signed with another). The codec's
 * signer rightly refuses to produce such headers. The signature is computed with the algorithm the header names
 * when the key supports it, else with the key's own algorithm.
 */
final class ForgedJws {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private ForgedJws() {}

    /** Members with a null value are left out; {@code crit} null leaves out the member. */
    static String sign(String alg, String kid, List<String> crit, String uuid, String timestamp, String appId,
            String reqPath, byte[] body, PrivateKey key) {
        String header = B64URL.encodeToString(headerJson(alg, kid, crit, uuid, timestamp, appId, reqPath));
        String signingInput = header + "." + B64URL.encodeToString(body);
        return header + ".." + B64URL.encodeToString(signature(alg, signingInput, key));
    }

    private static byte[] headerJson(String alg, String kid, List<String> crit, String uuid, String timestamp,
            String appId, String reqPath) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            writeIfPresent(g, "alg", alg);
            writeIfPresent(g, "kid", kid);
            if (crit != null) {
                g.writeArrayFieldStart("crit");
                for (String c : crit) {
                    g.writeString(c);
                }
                g.writeEndArray();
            }
            writeIfPresent(g, "UPI-UUID", uuid);
            writeIfPresent(g, "UPI-TIMESTAMP", timestamp);
            writeIfPresent(g, "UPI-APPID", appId);
            writeIfPresent(g, "UPI-REQPATH", reqPath);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeIfPresent(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static byte[] signature(String alg, String signingInput, PrivateKey key) {
        try {
            Signature s;
            if (key instanceof ECKey) {
                s = Signature.getInstance("SHA256withECDSAinP1363Format");
            } else if (JwsAlgorithms.PS256.equals(alg)) {
                s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                s = Signature.getInstance("SHA256withRSA");
            }
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with the given key: " + e.getMessage(), e);
        }
    }

    /** Flips one bit in the signature segment, keeping it valid base64url, so only verification fails. */
    static String corruptSignature(String detached) {
        int dot = detached.lastIndexOf('.');
        if (dot < 0 || dot == detached.length() - 1) {
            return detached + "AAAA";
        }
        byte[] sig = Base64.getUrlDecoder().decode(detached.substring(dot + 1).replace('+', '-').replace('/', '_')
                .replace("=", ""));
        sig[sig.length / 2] ^= 0x01;
        return detached.substring(0, dot + 1) + B64URL.encodeToString(sig);
    }
}
