package org.openscis.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.jose.KeyMaterial;

class ClientProfileTest {

    private static KeyPair rsa;
    private static KeyPair ec;

    @TempDir
    Path tmp;

    @BeforeAll
    static void keys() {
        rsa = KeyMaterial.generateRsa(2048);
        ec = KeyMaterial.generateEcP256();
    }

    @Test
    void writesAndLoadsBack() throws Exception {
        ClientProfile profile = new ClientProfile("http://127.0.0.1:8080", "39990157", "s1", rsa.getPrivate(), "e1",
                ec.getPrivate(), "ss", rsa.getPublic(), "se", ec.getPublic());

        profile.write(tmp.resolve("p"));
        ClientProfile loaded = ClientProfile.load(tmp.resolve("p"));

        assertThat(loaded.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(loaded.insId()).isEqualTo("39990157");
        assertThat(loaded.signingKid()).isEqualTo("s1");
        assertThat(loaded.signingKey().getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());
        assertThat(loaded.encryptionKey().getEncoded()).isEqualTo(ec.getPrivate().getEncoded());
        assertThat(loaded.switchSigningPublicKey().getEncoded()).isEqualTo(rsa.getPublic().getEncoded());
        assertThat(loaded.switchEncryptionPublicKey().getEncoded()).isEqualTo(ec.getPublic().getEncoded());
        assertThat(loaded.withBaseUrl("http://h:1").baseUrl()).isEqualTo("http://h:1");
    }

    @Test
    void toStringShowsKidsButNoKeyMaterial() {
        ClientProfile profile = new ClientProfile("u", "i", "s1", rsa.getPrivate(), "e1", ec.getPrivate(), "ss",
                rsa.getPublic(), "se", ec.getPublic());

        assertThat(profile.toString()).contains("s1", "e1", "ss", "se").doesNotContain("modulus", "Private");
    }

    @Test
    void problemsNameTheFileAndField() throws Exception {
        new ClientProfile("u", "i", "s1", rsa.getPrivate(), "e1", rsa.getPrivate(), "ss", rsa.getPublic(), "se",
                rsa.getPublic()).write(tmp);
        Path json = tmp.resolve("profile.json");
        String original = Files.readString(json);

        assertThatThrownBy(() -> ClientProfile.load(tmp.resolve("nowhere"))).isInstanceOf(NoSuchFileException.class);

        Files.writeString(json, original.replace("\"insID\"", "\"insId\""));
        assertThatThrownBy(() -> ClientProfile.load(tmp)).hasMessageContaining("\"insID\" must be a non-empty string");

        Files.writeString(json, original.replace("\"appgw-signing.pem\"", "\"../appgw-signing.pem\""));
        assertThatThrownBy(() -> ClientProfile.load(tmp)).hasMessageContaining("must be a file name in");

        Files.writeString(json, original.replace("\"appgw-signing.pem\"", "\"switch-signing.pub.pem\""));
        assertThatThrownBy(() -> ClientProfile.load(tmp)).hasMessageContaining("(signingKey): not a private key");

        Files.writeString(json, "[1, 2]");
        assertThatThrownBy(() -> ClientProfile.load(tmp)).hasMessageContaining("must hold a JSON object");

        Files.writeString(json, "{");
        assertThatThrownBy(() -> ClientProfile.load(tmp)).hasMessageContaining("not valid JSON");
    }

    @Test
    void publicHalvesAreDerivedForRsaAndEc() {
        assertThat(PublicKeys.of(rsa.getPrivate()).getEncoded()).isEqualTo(rsa.getPublic().getEncoded());
        assertThat(PublicKeys.of(ec.getPrivate()).getEncoded()).isEqualTo(ec.getPublic().getEncoded());
    }
}
