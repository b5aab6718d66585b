package org.openscis.server.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import org.openscis.codec.jose.KeyMaterial;

/**
 * Everything an App Gateway client needs to talk to a switch: where it is, its own insID and private keys, and the
 * switch's public keys. Stored as a directory: {@code profile.json} naming PEM files in the same directory
 * (PKCS#8 private keys, SPKI public keys):
 *
 * <pre>{"baseUrl": "http://127.0.0.1:8080", "insID": "39990157",
 *  "signingKid": "2000000000001", "signingKey": "appgw-signing.pem",
 *  "encryptionKid": "2000000000002", "encryptionKey": "appgw-encryption.pem",
 *  "switchSigningKid": "1000000000001", "switchSigningPublicKey": "switch-signing.pub.pem",
 *  "switchEncryptionKid": "1000000000002", "switchEncryptionPublicKey": "switch-encryption.pub.pem"}</pre>
 *
 * @param signingKey                 signs the client's requests (UPI-JWS)
 * @param encryptionKey              decrypts the JWE fields the switch sends the client
 * @param switchSigningPublicKey     verifies the switch's responses and callbacks
 * @param switchEncryptionPublicKey  encrypts the sensitive fields the client sends
 */
public record ClientProfile(
        String baseUrl,
        String insId,
        String signingKid,
        PrivateKey signingKey,
        String encryptionKid,
        PrivateKey encryptionKey,
        String switchSigningKid,
        PublicKey switchSigningPublicKey,
        String switchEncryptionKid,
        PublicKey switchEncryptionPublicKey) {

    public static final String PROFILE_FILE = "profile.json";
    static final String SIGNING_KEY_FILE = "appgw-signing.pem";
    static final String ENCRYPTION_KEY_FILE = "appgw-encryption.pem";
    static final String SWITCH_SIGNING_FILE = "switch-signing.pub.pem";
    static final String SWITCH_ENCRYPTION_FILE = "switch-encryption.pub.pem";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long MAX_FILE_BYTES = 64 * 1024;

    public ClientProfile {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(insId, "insId");
        Objects.requireNonNull(signingKid, "signingKid");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(encryptionKid, "encryptionKid");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(switchSigningKid, "switchSigningKid");
        Objects.requireNonNull(switchSigningPublicKey, "switchSigningPublicKey");
        Objects.requireNonNull(switchEncryptionKid, "switchEncryptionKid");
        Objects.requireNonNull(switchEncryptionPublicKey, "switchEncryptionPublicKey");
    }

    /**
     * Reads a profile directory. Any problem (missing or malformed {@code profile.json}, a missing field, a PEM file
     * that is absent or not a key) is an IOException whose message names the file and what is wrong.
     */
    public static ClientProfile load(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Path file = absolute.resolve(PROFILE_FILE);
        JsonNode json;
        try {
            json = JSON.readTree(read(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new IOException(file + ": must hold a JSON object");
        }
        Fields f = new Fields(absolute, file, json);
        return new ClientProfile(
                f.text("baseUrl"), f.text("insID"),
                f.text("signingKid"), f.privateKey("signingKey"),
                f.text("encryptionKid"), f.privateKey("encryptionKey"),
                f.text("switchSigningKid"), f.publicKey("switchSigningPublicKey"),
                f.text("switchEncryptionKid"), f.publicKey("switchEncryptionPublicKey"));
    }

    /**
     * Writes this profile into {@code dir} (created owner-only when missing): the four PEM files under fixed names,
     * private keys owner-only, then {@code profile.json}, each replaced atomically.
     */
    public void write(Path dir) throws IOException {
        SecureFiles.createPrivateDirectories(dir);
        SecureFiles.writePrivate(dir.resolve(SIGNING_KEY_FILE), KeyMaterial.toPem(signingKey));
        SecureFiles.writePrivate(dir.resolve(ENCRYPTION_KEY_FILE), KeyMaterial.toPem(encryptionKey));
        SecureFiles.writePublic(dir.resolve(SWITCH_SIGNING_FILE), KeyMaterial.toPem(switchSigningPublicKey));
        SecureFiles.writePublic(dir.resolve(SWITCH_ENCRYPTION_FILE), KeyMaterial.toPem(switchEncryptionPublicKey));
        ObjectNode json = JSON.createObjectNode()
                .put("baseUrl", baseUrl)
                .put("insID", insId)
                .put("signingKid", signingKid)
                .put("signingKey", SIGNING_KEY_FILE)
                .put("encryptionKid", encryptionKid)
                .put("encryptionKey", ENCRYPTION_KEY_FILE)
                .put("switchSigningKid", switchSigningKid)
                .put("switchSigningPublicKey", SWITCH_SIGNING_FILE)
                .put("switchEncryptionKid", switchEncryptionKid)
                .put("switchEncryptionPublicKey", SWITCH_ENCRYPTION_FILE);
        SecureFiles.writePublic(dir.resolve(PROFILE_FILE), JSON.writeValueAsString(json) + "\n");
    }

    /** The same profile aimed at another switch address (e.g. a port chosen at run time). */
    public ClientProfile withBaseUrl(String url) {
        return new ClientProfile(url, insId, signingKid, signingKey, encryptionKid, encryptionKey, switchSigningKid,
                switchSigningPublicKey, switchEncryptionKid, switchEncryptionPublicKey);
    }

    /** Names the keys by kid only: private keys never end up in logs. */
    @Override
    public String toString() {
        return "ClientProfile[baseUrl=" + baseUrl + ", insID=" + insId + ", signingKid=" + signingKid
                + ", encryptionKid=" + encryptionKid + ", switchSigningKid=" + switchSigningKid
                + ", switchEncryptionKid=" + switchEncryptionKid + "]";
    }

    private static String read(Path file) throws IOException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IOException(file + ": larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no client profile here");
        }
    }

    /** Reads the fields of profile.json, naming the file and field in every failure. */
    private record Fields(Path dir, Path file, JsonNode json) {

        String text(String name) throws IOException {
            JsonNode value = json.get(name);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new IOException(file + ": \"" + name + "\" must be a non-empty string");
            }
            return value.asText();
        }

        PrivateKey privateKey(String name) throws IOException {
            Path pem = pemFile(name);
            try {
                return KeyMaterial.readPrivateKey(read(pem));
            } catch (IllegalArgumentException e) {
                throw new IOException(pem + " (" + name + "): not a private key: " + e.getMessage(), e);
            }
        }

        PublicKey publicKey(String name) throws IOException {
            Path pem = pemFile(name);
            try {
                return KeyMaterial.readPublicKey(read(pem));
            } catch (IllegalArgumentException e) {
                throw new IOException(pem + " (" + name + "): not a public key: " + e.getMessage(), e);
            }
        }

        /** Key files are plain names in the profile directory, so a profile can be moved or copied as a whole. */
        private Path pemFile(String name) throws IOException {
            String fileName = text(name);
            Path pem = dir.resolve(fileName).normalize();
            if (fileName.contains("/") || fileName.contains("\\") || !dir.equals(pem.getParent())) {
                throw new IOException(file + ": \"" + name + "\" must be a file name in " + dir + ", found \""
                        + fileName + "\"");
            }
            return pem;
        }
    }
}
