package org.openscis.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openscis.codec.jose.KeyMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the files the configuration names: keys exist and parse and are strong enough (decisions.md §3), card art
 * is a PNG or JPEG image of sensible size, TLS material is readable. Runs after the development key bootstrap; until
 * it has run, missing key files inside the data directory are left alone when {@code switchKeys.generateIfMissing}
 * is on, because the bootstrap would create them.
 */
final class ConfigFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigFiles.class);
    /** Card art travels base64-encoded in one response; anything this large is a wrong file. */
    static final long MAX_CARD_FACE_BYTES = 1024 * 1024;
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final Problems problems;
    private final ConfigFilePaths paths;
    private final boolean keysMayBeGenerated;

    ConfigFiles(Problems problems, ConfigFilePaths paths, boolean keysMayBeGenerated) {
        this.problems = problems;
        this.paths = paths;
        this.keysMayBeGenerated = keysMayBeGenerated;
    }

    void check(OpenScisConfig config) {
        tls("listeners.http.tls", config.listeners().http().tls());
        tls("listeners.admin.tls", config.listeners().admin().tls());
        SwitchKeysConfig keys = config.switchKeys();
        privateKey("switchKeys.signingKeyFile", keys.signingKeyFile());
        for (int i = 0; i < keys.encryptionKeys().size(); i++) {
            privateKey("switchKeys.encryptionKeys[" + i + "].file", keys.encryptionKeys().get(i).file());
        }
        if (keys.dataKeysFile() != null && Files.exists(Path.of(keys.dataKeysFile()))
                && !Files.isRegularFile(Path.of(keys.dataKeysFile()))) {
            problems.add("switchKeys.dataKeysFile", keys.dataKeysFile() + " is not a regular file");
        }
        List<ParticipantConfig> participants = config.participants();
        for (int i = 0; i < participants.size(); i++) {
            ParticipantConfig p = participants.get(i);
            String at = "participants[" + i + "]";
            for (Map.Entry<String, String> key : p.signingKeys().entrySet()) {
                publicKey(at + ".signingKeys." + key.getKey(), key.getValue());
            }
            publicKey(at + ".encryptionKeyFile", p.encryptionKeyFile());
        }
        for (int i = 0; i < config.issuers().size(); i++) {
            List<ProductConfig> products = config.issuers().get(i).products();
            for (int j = 0; j < products.size(); j++) {
                List<CardFaceConfig> faces = products.get(j).cardFaces();
                for (int k = 0; k < faces.size(); k++) {
                    cardFace("issuers[" + i + "].products[" + j + "].cardFaces[" + k + "].file", faces.get(k).file());
                }
            }
        }
    }

    private void tls(String at, TlsConfig tls) {
        if (tls == null) {
            return;
        }
        readable(at + ".certFile", tls.certFile());
        readable(at + ".keyFile", tls.keyFile());
        readable(at + ".clientCaFile", tls.clientCaFile());
    }

    private void privateKey(String key, String file) {
        String text = keyText(key, file);
        if (text == null) {
            return;
        }
        try {
            if (!strongEnough(KeyMaterial.readPrivateKey(text))) {
                problems.add(key, file + " holds a weak key: RSA keys need at least 2048 bits, EC keys P-256");
                return;
            }
        } catch (IllegalArgumentException e) {
            problems.add(key, file + " is not a usable private key: " + e.getMessage());
            return;
        }
        warnIfOthersCanRead(key, Path.of(file));
    }

    private void publicKey(String key, String file) {
        String text = keyText(key, file);
        if (text == null) {
            return;
        }
        try {
            PublicKey publicKey = KeyMaterial.readPublicKey(text);
            if (!KeyMaterial.strongEnough(publicKey)) {
                problems.add(key, file + " holds a weak key: RSA keys need at least 2048 bits, EC keys P-256");
            }
        } catch (IllegalArgumentException e) {
            problems.add(key, file + " is not a usable public key or certificate: " + e.getMessage());
        }
    }

    /** The key file's text; null when absent (reported unless the bootstrap will create it) or unreadable. */
    private String keyText(String key, String file) {
        if (file == null) {
            return null;
        }
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            if (!(keysMayBeGenerated && paths.inDataDir(path))) {
                problems.add(key, file + " does not exist");
            }
            return null;
        }
        if (!regularAndReadable(key, path)) {
            return null;
        }
        try {
            if (Files.size(path) > MAX_KEY_FILE_BYTES) {
                problems.add(key, file + " is too large for a key file");
                return null;
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(key, file + " cannot be read: " + e.getMessage());
            return null;
        }
    }

    private void cardFace(String key, String file) {
        if (file == null || !readable(key, file)) {
            return;
        }
        Path path = Path.of(file);
        try {
            long size = Files.size(path);
            if (size > MAX_CARD_FACE_BYTES) {
                problems.add(key, file + " is " + size + " bytes; card art must be at most " + MAX_CARD_FACE_BYTES);
                return;
            }
            byte[] head = new byte[4];
            try (var in = Files.newInputStream(path)) {
                int n = in.readNBytes(head, 0, head.length);
                if (!(startsWith(head, n, PNG_MAGIC) || startsWith(head, n, JPEG_MAGIC))) {
                    problems.add(key, file + " is not a PNG or JPEG image");
                }
            }
        } catch (IOException e) {
            problems.add(key, file + " cannot be read: " + e.getMessage());
        }
    }

    private boolean readable(String key, String file) {
        if (file == null) {
            return false;
        }
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            problems.add(key, file + " does not exist");
            return false;
        }
        return regularAndReadable(key, path);
    }

    private boolean regularAndReadable(String key, Path path) {
        if (!Files.isRegularFile(path)) {
            problems.add(key, path + " is not a regular file");
            return false;
        }
        if (!Files.isReadable(path)) {
            problems.add(key, path + " is not readable by this user");
            return false;
        }
        return true;
    }

    /** A readable private key is not an error (containers often run as another user), but it deserves a warning. */
    private static void warnIfOthersCanRead(String key, Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("{}: private key file {} is readable by group or others; restrict it to its owner (chmod 600)",
                        key, path);
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("cannot read permissions of {}", path, e);
        }
    }

    private static boolean strongEnough(PrivateKey key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength() >= 2048;
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() == 256;
        }
        return false;
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
