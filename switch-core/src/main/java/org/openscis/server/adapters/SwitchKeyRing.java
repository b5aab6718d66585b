package org.openscis.server.adapters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.KeyFactory;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.router.port.SwitchKeys;
import org.openscis.server.config.SwitchKeysConfig;

/**
 * The switch's own private keys: one signing key, and encryption keys by kid (the first is current, older ones stay
 * to decrypt during rotation). Public halves are derived for KEY_EXCHANGE answers and client profiles.
 */
public final class SwitchKeyRing implements SwitchKeys {

    private final String signingKid;
    private final PrivateKey signingKey;
    private final PublicKey signingPublicKey;
    private final Map<String, PrivateKey> encryptionKeys;
    private final String currentEncryptionKid;
    private final PublicKey currentEncryptionPublicKey;

    public SwitchKeyRing(String signingKid, PrivateKey signingKey, PublicKey signingPublicKey,
            Map<String, PrivateKey> encryptionKeys, PublicKey currentEncryptionPublicKey) {
        this.signingKid = signingKid;
        this.signingKey = signingKey;
        this.signingPublicKey = signingPublicKey;
        this.encryptionKeys = Map.copyOf(encryptionKeys);
        this.currentEncryptionKid = encryptionKeys.keySet().iterator().next();
        this.currentEncryptionPublicKey = currentEncryptionPublicKey;
    }

    /**
     * Loads the keys the config names. Each private key file may have a public twin named {@code <file>.pub} or
     * with {@code .pem} replaced by {@code .pub.pem}; RSA public keys are derived when no twin exists.
     */
    public static SwitchKeyRing load(SwitchKeysConfig config) {
        PrivateKey signing = KeyMaterial.readPrivateKey(read(Path.of(config.signingKeyFile())));
        Map<String, PrivateKey> enc = new LinkedHashMap<>();
        for (SwitchKeysConfig.KeyRef ref : config.encryptionKeys()) {
            enc.put(ref.kid(), KeyMaterial.readPrivateKey(read(Path.of(ref.file()))));
        }
        String firstEncFile = config.encryptionKeys().get(0).file();
        PrivateKey firstEnc = enc.values().iterator().next();
        return new SwitchKeyRing(config.signingKid(), signing, publicOf(config.signingKeyFile(), signing), enc,
                publicOf(firstEncFile, firstEnc));
    }

    private static PublicKey publicOf(String privateFile, PrivateKey key) {
        for (Path twin : new Path[] {Path.of(privateFile.replaceAll("\\.pem$", ".pub.pem")), Path.of(privateFile + ".pub")}) {
            if (!twin.toString().equals(privateFile) && Files.isRegularFile(twin)) {
                return KeyMaterial.readPublicKey(read(twin));
            }
        }
        if (key instanceof RSAPrivateCrtKey rsa) {
            try {
                return KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot derive the public key of " + privateFile, e);
            }
        }
        if (key instanceof ECPrivateKey) {
            throw new IllegalArgumentException("EC key " + privateFile + " needs its public key in " + privateFile
                    .replaceAll("\\.pem$", ".pub.pem"));
        }
        throw new IllegalArgumentException("unsupported key type in " + privateFile);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }

    @Override
    public String signingKid() {
        return signingKid;
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    @Override
    public PublicKey signingPublicKey() {
        return signingPublicKey;
    }

    /** RS256 for RSA signing keys, ES256 for EC. */
    public String signingAlgorithm() {
        return signingKey instanceof ECPrivateKey ? "ES256" : "RS256";
    }

    /** The private encryption key for a JWE kid; the current key when the JWE names none. */
    public PrivateKey encryptionKey(String kid) {
        return kid == null ? encryptionKeys.get(currentEncryptionKid) : encryptionKeys.get(kid);
    }

    @Override
    public String encryptionKid() {
        return currentEncryptionKid;
    }

    @Override
    public PublicKey encryptionPublicKey() {
        return currentEncryptionPublicKey;
    }

    @Override
    public String toString() {
        return "SwitchKeyRing[signingKid=" + signingKid + ", encryptionKids=" + encryptionKeys.keySet() + "]";
    }
}
