package org.openscis.server.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.openscis.codec.jose.KeyMaterial;

/**
 * The key pairs of the core-banking simulator of one issuer, kept in the data directory
 * ({@code keys/cbs-<iin>-signing.pem} and {@code keys/cbs-<iin>-encryption.pem}, public halves beside them as
 * {@code .pub.pem}) and created on first use. They are the simulator's identity, not the switch's: the embedded
 * simulator and {@code openscis cbs-sim} share them, and a switch configured for {@code mode: http} against that
 * simulator points its {@code signingKeys} and {@code encryptionKeyFile} at the public halves.
 */
public record CbsSimulatorKeys(String signingKid, PrivateKey signingKey, PublicKey signingPublicKey,
        String encryptionKid, PrivateKey encryptionKey, PublicKey encryptionPublicKey) {

    private static final int RSA_BITS = 2048;
    private static final String KEYS_DIR = "keys";

    /** Loads the keys of issuer {@code iin} from {@code dataDir}, generating any that are missing. */
    public static CbsSimulatorKeys loadOrCreate(Path dataDir, String iin) throws IOException {
        SecureFiles.createPrivateDirectories(dataDir.resolve(KEYS_DIR));
        KeyPair signing = pair(signingKeyFile(dataDir, iin));
        KeyPair encryption = pair(encryptionKeyFile(dataDir, iin));
        return new CbsSimulatorKeys("cbs-" + iin + "-sign", signing.getPrivate(), signing.getPublic(),
                "cbs-" + iin + "-enc", encryption.getPrivate(), encryption.getPublic());
    }

    /** The private signing key file of issuer {@code iin}'s simulator; its public half is {@link #publicFile}. */
    public static Path signingKeyFile(Path dataDir, String iin) {
        return dataDir.resolve(KEYS_DIR).resolve("cbs-" + iin + "-signing.pem");
    }

    /** The private encryption key file of issuer {@code iin}'s simulator; its public half is {@link #publicFile}. */
    public static Path encryptionKeyFile(Path dataDir, String iin) {
        return dataDir.resolve(KEYS_DIR).resolve("cbs-" + iin + "-encryption.pem");
    }

    /** The public half's file name for a private key file. */
    public static Path publicFile(Path privateFile) {
        String name = privateFile.getFileName().toString();
        return privateFile.resolveSibling(name.substring(0, name.length() - ".pem".length()) + ".pub.pem");
    }

    private static KeyPair pair(Path privateFile) throws IOException {
        PrivateKey priv;
        if (Files.exists(privateFile)) {
            priv = KeyMaterial.readPrivateKey(Files.readString(privateFile));
        } else {
            KeyPair generated = KeyMaterial.generateRsa(RSA_BITS);
            SecureFiles.writePrivate(privateFile, KeyMaterial.toPem(generated.getPrivate()));
            priv = generated.getPrivate();
        }
        PublicKey pub = PublicKeys.of(priv);
        Path pubFile = publicFile(privateFile);
        if (!Files.exists(pubFile)) {
            SecureFiles.writePublic(pubFile, KeyMaterial.toPem(pub));
        }
        return new KeyPair(pub, priv);
    }

    @Override
    public String toString() {
        return "CbsSimulatorKeys[" + signingKid + ", " + encryptionKid + "]";
    }
}
