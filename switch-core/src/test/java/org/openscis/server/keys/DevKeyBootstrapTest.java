package org.openscis.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.ListenerConfig;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.TestConfigs;
import org.openscis.server.config.TlsConfig;

class DevKeyBootstrapTest {

    @TempDir
    Path tmp;

    @Test
    void shippedConfigStartsFromNothingAndTheProfileLoadsBack() throws Exception {
        Path data = tmp.resolve("data");

        OpenScisConfig config = loader(data).load(TestConfigs.shipped());

        Path keys = data.resolve("keys");
        assertThat(keys.resolve("switch-signing.pem")).isRegularFile();
        assertThat(keys.resolve("switch-signing.pub.pem")).isRegularFile();
        assertThat(keys.resolve("switch-encryption.pem")).isRegularFile();
        assertThat(keys.resolve("switch-encryption.pub.pem")).isRegularFile();
        assertThat(keys.resolve("appgw-signing.pub.pem")).isRegularFile();
        assertThat(keys.resolve("appgw-encryption.pub.pem")).isRegularFile();

        ClientProfile profile = ClientProfile.load(data.resolve("appgw-profile"));
        assertThat(profile.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(profile.insId()).isEqualTo("39990157");
        assertThat(profile.signingKid()).isEqualTo("2000000000001");
        assertThat(profile.encryptionKid()).isEqualTo("2000000000002");
        assertThat(profile.switchSigningKid()).isEqualTo("1000000000001");
        assertThat(profile.switchEncryptionKid()).isEqualTo("1000000000002");
        // The profile's private keys match the public keys the switch was configured with, and vice versa.
        assertThat(signsFor(profile.signingKey(), publicKey(keys.resolve("appgw-signing.pub.pem")))).isTrue();
        assertThat(encoded(profile.switchSigningPublicKey()))
                .isEqualTo(encoded(publicKey(keys.resolve("switch-signing.pub.pem"))));
        assertThat(encoded(profile.switchEncryptionPublicKey()))
                .isEqualTo(encoded(publicKey(keys.resolve("switch-encryption.pub.pem"))));
        assertThat(encoded(KeyMaterial.readPublicKey(Files.readString(keys.resolve("appgw-encryption.pub.pem")))))
                .isEqualTo(encoded(PublicKeys.of(profile.encryptionKey())));
        assertThat(config.participants().get(0).encryptionKeyFile())
                .isEqualTo(keys.resolve("appgw-encryption.pub.pem").toString());
    }

    @Test
    void shippedConfigAlsoWritesTheDemoAcquirersProfile() throws Exception {
        Path data = tmp.resolve("data");

        OpenScisConfig config = loader(data).load(TestConfigs.shipped());

        Path keys = data.resolve("keys");
        ClientProfile acquirer = ClientProfile.load(data.resolve("acquirer-profile"));
        assertThat(acquirer.insId()).isEqualTo("48000344");
        assertThat(acquirer.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(acquirer.signingKid()).isEqualTo("3000000000001");
        assertThat(acquirer.encryptionKid()).isEqualTo("3000000000002");
        assertThat(acquirer.switchSigningKid()).isEqualTo("1000000000001");
        assertThat(signsFor(acquirer.signingKey(), publicKey(keys.resolve("acquirer-signing.pub.pem")))).isTrue();
        assertThat(encoded(KeyMaterial.readPublicKey(Files.readString(keys.resolve("acquirer-encryption.pub.pem")))))
                .isEqualTo(encoded(PublicKeys.of(acquirer.encryptionKey())));
        assertThat(encoded(acquirer.switchSigningPublicKey()))
                .isEqualTo(encoded(publicKey(keys.resolve("switch-signing.pub.pem"))));
        assertThat(permissions(data.resolve("acquirer-profile/appgw-signing.pem"))).isEqualTo("rw-------");
        assertThat(ClientProfile.load(data.resolve("appgw-profile")).insId()).isEqualTo("39990157");
        assertThat(new DevKeyBootstrap().ensure(config).profileDirs()).isEmpty();
    }

    @Test
    void profileJsonNamesFilesInItsOwnDirectory() throws Exception {
        Path data = tmp.resolve("data");
        loader(data).load(TestConfigs.shipped());

        Path dir = data.resolve("appgw-profile");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("profile.json").toFile());
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactly("baseUrl", "insID", "signingKid", "signingKey", "encryptionKid",
                "encryptionKey", "switchSigningKid", "switchSigningPublicKey", "switchEncryptionKid",
                "switchEncryptionPublicKey");
        for (String key : List.of("signingKey", "encryptionKey")) {
            assertThat(Files.readString(dir.resolve(json.get(key).asText()))).startsWith("-----BEGIN PRIVATE KEY-----");
        }
        for (String key : List.of("switchSigningPublicKey", "switchEncryptionPublicKey")) {
            assertThat(Files.readString(dir.resolve(json.get(key).asText()))).startsWith("-----BEGIN PUBLIC KEY-----");
        }
    }

    @Test
    void secondRunKeepsEveryExistingKey() throws Exception {
        Path data = tmp.resolve("data");
        OpenScisConfig config = loader(data).load(TestConfigs.shipped());
        Map<Path, byte[]> before = snapshot(data);

        DevKeyBootstrap.Result second = new DevKeyBootstrap().ensure(config);
        loader(data).load(TestConfigs.shipped());

        assertThat(second.generatedAnything()).isFalse();
        assertThat(second.profileDirs()).isEmpty();
        Map<Path, byte[]> after = snapshot(data);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((file, bytes) -> assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes));
    }

    @Test
    void privateKeysAreReadableByTheirOwnerOnly() throws Exception {
        Path data = tmp.resolve("data");
        loader(data).load(TestConfigs.shipped());

        for (String privateKey : List.of("keys/switch-signing.pem", "keys/switch-encryption.pem",
                "appgw-profile/appgw-signing.pem", "appgw-profile/appgw-encryption.pem")) {
            assertThat(permissions(data.resolve(privateKey))).as(privateKey).isEqualTo("rw-------");
        }
        assertThat(permissions(data.resolve("appgw-profile"))).isEqualTo("rwx------");
        assertThat(permissions(data.resolve("keys/switch-signing.pub.pem"))).isEqualTo("rw-r--r--");
    }

    @Test
    void nothingIsGeneratedWhenGenerationIsOff() throws Exception {
        Path conf = TestConfigs.write(tmp.resolve("conf"),
                TestConfigs.MINIMAL.replace("generateIfMissing: true", "generateIfMissing: false"));
        Path data = tmp.resolve("data");

        ConfigLoader loader = ConfigLoader.builder().workingDir(tmp).env(name -> null).dataDirOverride(data)
                .beforeFileChecks(new DevKeyBootstrap()).build();

        assertThat(catchThrowable(() -> loader.load(conf)))
                .hasMessageContaining("switchKeys.signingKeyFile");
        assertThat(data).doesNotExist();
    }

    @Test
    void keysOutsideTheDataDirectoryAreTheOperatorsAndNeverGenerated() throws Exception {
        Path conf = TestConfigs.write(tmp.resolve("conf"), TestConfigs.MINIMAL.replace(
                "\"data:keys/appgw-signing.pub.pem\"", "partners/appgw-signing.pub.pem"));
        Path data = tmp.resolve("data");
        ConfigLoader loader = ConfigLoader.builder().workingDir(tmp).env(name -> null).dataDirOverride(data)
                .beforeFileChecks(new DevKeyBootstrap()).build();

        Throwable failure = catchThrowable(() -> loader.load(conf));

        assertThat(failure).hasMessageContaining("participants[0].signingKeys.2000000000001")
                .hasMessageContaining("does not exist");
        assertThat(tmp.resolve("conf/partners")).doesNotExist();
        assertThat(data.resolve("keys/switch-signing.pem")).isRegularFile();
        assertThat(data.resolve("appgw-profile")).doesNotExist();
    }

    @Test
    void aMissingAppGatewayKeyIsRegeneratedFromTheEarlierProfile() throws Exception {
        Path data = tmp.resolve("data");
        loader(data).load(TestConfigs.shipped());
        byte[] signingBefore = Files.readAllBytes(data.resolve("appgw-profile/appgw-signing.pem"));
        Files.delete(data.resolve("keys/appgw-encryption.pub.pem"));

        loader(data).load(TestConfigs.shipped());

        ClientProfile profile = ClientProfile.load(data.resolve("appgw-profile"));
        assertThat(Files.readAllBytes(data.resolve("appgw-profile/appgw-signing.pem"))).isEqualTo(signingBefore);
        assertThat(encoded(PublicKeys.of(profile.encryptionKey())))
                .isEqualTo(encoded(publicKey(data.resolve("keys/appgw-encryption.pub.pem"))));
    }

    @Test
    void baseUrlIsReachableFromThisMachine() {
        assertThat(DevKeyBootstrap.baseUrl(new ListenerConfig("0.0.0.0", 9000, null)))
                .isEqualTo("http://127.0.0.1:9000");
        assertThat(DevKeyBootstrap.baseUrl(new ListenerConfig("::1", 9000,
                new TlsConfig("c", "k", null, List.of("TLSv1.3")))))
                .isEqualTo("https://[::1]:9000");
        assertThat(DevKeyBootstrap.baseUrl(new ListenerConfig("switch.example", 443, null)))
                .isEqualTo("http://switch.example:443");
    }

    private ConfigLoader loader(Path data) {
        return TestConfigs.loader(tmp, Map.of()).dataDirOverride(data).beforeFileChecks(new DevKeyBootstrap())
                .build();
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static PublicKey publicKey(Path file) throws Exception {
        return KeyMaterial.readPublicKey(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static byte[] encoded(PublicKey key) {
        return key.getEncoded();
    }

    private static boolean signsFor(PrivateKey privateKey, PublicKey publicKey) throws Exception {
        byte[] message = "proof".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static Map<Path, byte[]> snapshot(Path dir) throws Exception {
        Map<Path, byte[]> files = new TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Iterator<Path> it = walk.filter(Files::isRegularFile).iterator(); it.hasNext(); ) {
                Path file = it.next();
                files.put(dir.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
