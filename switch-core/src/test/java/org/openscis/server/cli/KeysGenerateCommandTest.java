package org.openscis.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.jose.KeyMaterial;

class KeysGenerateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesRsaPemsThatKeyMaterialReadsBack() throws Exception {
        CliHarness cli = new CliHarness(tmp);

        int exit = cli.run("keys", "generate", "--out", "out", "--name", "partner");

        assertThat(exit).isZero();
        PrivateKey privateKey = KeyMaterial.readPrivateKey(Files.readString(tmp.resolve("out/partner.pem")));
        PublicKey publicKey = KeyMaterial.readPublicKey(Files.readString(tmp.resolve("out/partner.pub.pem")));
        assertThat(privateKey).isInstanceOf(RSAPrivateKey.class);
        assertThat(((RSAPublicKey) publicKey).getModulus()).isEqualTo(((RSAPrivateKey) privateKey).getModulus());
        assertThat(((RSAPublicKey) publicKey).getModulus().bitLength()).isEqualTo(2048);
        assertThat(Files.readString(tmp.resolve("out/partner.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(tmp.resolve("out/partner.pub.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("out/partner.pem"))))
                .isEqualTo("rw-------");
        assertThat(cli.out()).contains("RSA 2048 private key: " + tmp.resolve("out/partner.pem"));
    }

    @Test
    void writesEcAndLargerRsaKeys() throws Exception {
        assertThat(new CliHarness(tmp).run("keys", "generate", "--kind", "EC", "--name", "ec")).isZero();
        assertThat(new CliHarness(tmp).run("keys", "generate", "--kind", "rsa", "--bits", "3072", "--name", "big"))
                .isZero();

        assertThat(KeyMaterial.readPublicKey(Files.readString(tmp.resolve("ec.pub.pem"))))
                .isInstanceOf(ECPublicKey.class);
        assertThat(KeyMaterial.readPrivateKey(Files.readString(tmp.resolve("ec.pem"))).getAlgorithm()).isEqualTo("EC");
        assertThat(((RSAPublicKey) KeyMaterial.readPublicKey(Files.readString(tmp.resolve("big.pub.pem"))))
                .getModulus().bitLength()).isEqualTo(3072);
    }

    @Test
    void neverOverwritesWithoutForce() throws Exception {
        assertThat(new CliHarness(tmp).run("keys", "generate")).isZero();
        String first = Files.readString(tmp.resolve("key.pem"));
        CliHarness again = new CliHarness(tmp);

        assertThat(again.run("keys", "generate")).isEqualTo(ExitCodes.IO);
        assertThat(again.err()).contains("key.pem").contains("--force");
        assertThat(Files.readString(tmp.resolve("key.pem"))).isEqualTo(first);
        assertThat(new CliHarness(tmp).run("keys", "generate", "--force")).isZero();
        assertThat(Files.readString(tmp.resolve("key.pem"))).isNotEqualTo(first);
    }

    @Test
    void refusesWeakOrMeaninglessSizes() {
        CliHarness weak = new CliHarness(tmp);
        CliHarness ecBits = new CliHarness(tmp);
        CliHarness kind = new CliHarness(tmp);

        assertThat(weak.run("keys", "generate", "--bits", "1024")).isEqualTo(ExitCodes.USAGE);
        assertThat(ecBits.run("keys", "generate", "--kind", "ec", "--bits", "384")).isEqualTo(ExitCodes.USAGE);
        assertThat(kind.run("keys", "generate", "--kind", "dsa")).isEqualTo(ExitCodes.USAGE);
        assertThat(weak.err()).contains("RSA keys need 2048 to 8192 bits");
        assertThat(ecBits.err()).contains("EC keys are P-256");
        assertThat(tmp.resolve("key.pem")).doesNotExist();
    }
}
