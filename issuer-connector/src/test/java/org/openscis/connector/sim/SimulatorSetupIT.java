package org.openscis.connector.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.KeyMaterial;

/** Other key and JWE settings, a seed file, restarts on a file database, and start-up failures. */
class SimulatorSetupIT {

    @Test
    void es256SignaturesAndLegacyJweForResponses() throws Exception {
        KeyPair ec = KeyMaterial.generateEcP256();
        SimConfig base = SimKeys.config();
        SimConfig cfg = new SimConfig(null, 0, base.issuerIin(), "ES256", "cbs-ec-1", ec.getPrivate(),
                base.decryptionKeys(), base.switchSigningKeys(), base.switchEncryptionKid(),
                base.switchEncryptionKey(), JweProfile.RSA1_5_A128CBC_HS256, SimConfig.inMemoryJdbcUrl(), null,
                null, 0, 0);
        try (CbsSimulator sim = CbsSimulator.start(cfg, Clock.systemUTC())) {
            assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:");
            SimTestClient client = new SimTestClient(sim.baseUrl(), Duration.ofSeconds(30), ec.getPublic(),
                    "cbs-ec-1");
            assertThat(client.send("KYC_VERIFICATION", Messages.msgId(), Messages.kyc("ES-1", "E1")).code())
                    .isEqualTo("00");
            SimTestClient.Reply open = client.send("OPEN_ACCOUNT", Messages.msgId(), Messages.openAccount("ES-1"));
            assertThat(open.signed()).isTrue();
            assertThat(open.code()).isEqualTo("00");
            String header = ((String) open.envelope().trxInfo().get("accountInfo")).split("\\.")[0];
            assertThat(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8))
                    .contains("\"RSA1_5\"", "\"A128CBC-HS256\"", SimKeys.SWITCH_ENCRYPTION_KID);
            assertThat(open.plainTrxInfo().object("accountInfo").string("lastName")).isEqualTo("Kai");
        }
    }

    @Test
    void aSeedFileAndAFileDatabaseThatSurvivesARestart(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, """
                {"products":[{"insPrd":"2001","currency":"840","openingBalance":"5.00"}],
                 "internalAccounts":[{"accountNo":"FUNDING-840","kind":"FUNDING","currency":"840"},
                                     {"accountNo":"FEE-840","kind":"FEE","currency":"840"}],
                 "customers":[{"accountNo":"555000000001","currency":"840","balance":"20.00","lastName":"Lee"}],
                 "merchants":[{"mid":"SHOP00000000001","name":"Shop","currency":"840"}]}
                """, StandardCharsets.UTF_8);
        String url = "jdbc:h2:file:" + dir.resolve("cbs").toAbsolutePath();
        SimConfig base = SimKeys.config();
        SimConfig cfg = new SimConfig(base.host(), 0, base.issuerIin(), base.signingAlg(), base.signingKid(),
                base.signingKey(), base.decryptionKeys(), base.switchSigningKeys(), base.switchEncryptionKid(),
                base.switchEncryptionKey(), null, url, seed, null, 0, 0);
        String debit = Messages.msgId();
        try (CbsSimulator sim = CbsSimulator.start(cfg, Clock.systemUTC())) {
            SimTestClient client = new SimTestClient(sim.baseUrl(), Duration.ofSeconds(30));
            SimTestClient.Reply reply = client.send("DEBIT_TRANSACTION", debit,
                    Messages.debit("555000000001", "SHOP00000000001", "5.00", "0").toBuilder()
                            .put("trxCurrency", "840").build());
            assertThat(reply.code()).isEqualTo("00");
        }
        try (CbsSimulator sim = CbsSimulator.start(cfg, Clock.systemUTC())) {
            assertThat(sim.ledger().balanceMinor("555000000001")).isEqualTo(1_500);
            assertThat(sim.ledger().movementState(debit)).hasValue("APPROVED");
            assertThat(sim.ledger().check().ok()).isTrue();
        }
    }

    @Test
    void startUpFailuresLeaveNothingRunning() throws Exception {
        SimConfig base = SimKeys.config();
        assertThatThrownBy(() -> CbsSimulator.start(new SimConfig(null, 0, base.issuerIin(), "ES256", "k",
                base.signingKey(), null, base.switchSigningKeys(), null, null, null, SimConfig.inMemoryJdbcUrl(),
                null, null, 0, 0), Clock.systemUTC()))
                .as("an RSA key cannot sign ES256").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CbsSimulator.start(base.withJdbcUrl("jdbc:postgresql://x/y"), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        try (CbsSimulator first = CbsSimulator.start(SimKeys.config(), Clock.systemUTC())) {
            SimConfig samePort = new SimConfig(base.host(), first.port(), base.issuerIin(), base.signingAlg(),
                    base.signingKid(), base.signingKey(), base.decryptionKeys(), base.switchSigningKeys(),
                    base.switchEncryptionKid(), base.switchEncryptionKey(), null, SimConfig.inMemoryJdbcUrl(), null,
                    null, 0, 0);
            Set<Thread> before = simThreads();
            assertThatThrownBy(() -> CbsSimulator.start(samePort, Clock.systemUTC()))
                    .isInstanceOf(UncheckedIOException.class);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(before).containsAll(simThreads()));
            assertThat(first.ledger().totalMinor()).as("the first one still works").isZero();
        }
    }

    private static Set<Thread> simThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("cbs-sim"))
                .collect(Collectors.toSet());
    }

    @Test
    void configurationIsValidatedAndNeverPrintsKeys() {
        SimConfig cfg = SimKeys.config();
        assertThat(cfg.toString()).doesNotContain("PRIVATE").contains("39990029");
        assertThat(cfg.maxBodyBytes()).isEqualTo(SimConfig.DEFAULT_MAX_BODY_BYTES);
        assertThat(cfg.responseJweProfile()).isEqualTo(JweProfile.RSA_OAEP_256_A128GCM);
        assertThatThrownBy(() -> new SimConfig(null, 70_000, "1", null, "k", cfg.signingKey(), null,
                cfg.switchSigningKeys(), null, null, null, "jdbc:h2:mem:x", null, null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimConfig(null, 0, "1", "HS256", "k", cfg.signingKey(), null,
                cfg.switchSigningKeys(), null, null, null, "jdbc:h2:mem:x", null, null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimConfig(null, 0, "1", null, "k", cfg.signingKey(), null,
                cfg.switchSigningKeys(), null, null, null, "jdbc:h2:mem:x", null, null, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
