package org.openscis.server.cbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.CryptoProviders;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.connector.cbs.CbsResult;
import org.openscis.server.adapters.SwitchFieldCrypto;
import org.openscis.server.adapters.SwitchKeyRing;
import org.openscis.server.cli.CliContext;
import org.openscis.server.cli.Main;
import org.openscis.server.cli.RunningSimulator;
import org.openscis.server.config.CbsConfig;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.IssuerConfig;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.TestConfigs;
import org.openscis.server.http.Transports;

/**
 * {@code openscis cbs-sim} for real, in-process on a free port: a client that signs as the switch (the switch's own
 * CBS link, configured with the settings the command prints) gets signed answers; one signing with another key is
 * refused with 72.
 */
class StandaloneSimulatorTest {

    private static final String IIN = "62000001";
    private static final String SEEDED_ACCOUNT = "100000000001";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicReference<StandaloneSimulator> running = new AtomicReference<>();
    private CompletableFuture<Integer> command;
    private EventLoopGroup group;

    @BeforeEach
    void startCommand() {
        CryptoProviders.install();
        group = Transports.group(1, "test-cbs-link");
        StandaloneSimulatorLauncher real = new StandaloneSimulatorLauncher();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of("OPENSCIS_HTTP_PORT", "0", "OPENSCIS_ADMIN_PORT", "0")::get, tmp, Optional::empty,
                Optional::empty, () -> Optional.of((config, options) -> {
                    StandaloneSimulator sim = (StandaloneSimulator) real.start(config, options);
                    running.set(sim);
                    return sim;
                }));
        command = CompletableFuture.supplyAsync(() -> Main.execute(context, "cbs-sim", "--config",
                TestConfigs.shipped().toString(), "--data-dir", "data", "--port", "0", "--database", "ledger/cbs"));
        await().atMost(Duration.ofSeconds(30)).until(() -> output().contains("Stop with Ctrl-C.")
                || command.isDone());
        assertThat(command).isNotDone();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (running.get() != null) {
                running.get().close();
            }
            assertThat(command.get(30, TimeUnit.SECONDS)).as("exit code once stopped").isZero();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSwitchsSignedRequestsGetSignedAnswersOnTheLedgerFileAsked() throws Exception {
        RunningSimulator sim = running.get();
        assertThat(sim.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
        assertThat(output()).contains("listening on " + sim.baseUrl())
                .contains("\"" + sim.signingKid() + "\": \"" + sim.signingPublicKeyFile() + "\"");
        assertThat(sim.signingPublicKeyFile()).isEqualTo(tmp.resolve("data/keys/cbs-62000001-signing.pub.pem"));
        assertThat(sim.encryptionPublicKeyFile()).isEqualTo(tmp.resolve("data/keys/cbs-62000001-encryption.pub.pem"));
        assertThat(tmp.resolve("ledger/cbs.mv.db")).isRegularFile();

        OpenScisConfig cfg = switchConfig();
        SwitchKeyRing switchKeys = SwitchKeyRing.load(cfg.switchKeys());
        CbsResult answer = balance(cfg, switchKeys);

        assertThat(answer).isInstanceOfSatisfying(CbsResult.Answered.class, a -> {
            assertThat(a.responseCode()).isEqualTo("00");
            assertThat(a.trxInfo().list("balList")).hasSize(2);
        });
        assertThat(running.get().simulator().ledger().balanceMinor(SEEDED_ACCOUNT)).isEqualTo(100_000);
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefusedWith72() throws Exception {
        OpenScisConfig cfg = switchConfig();
        SwitchKeyRing real = SwitchKeyRing.load(cfg.switchKeys());
        KeyPair other = KeyMaterial.generateRsa(2048);
        SwitchKeyRing impostor = new SwitchKeyRing(real.signingKid(), other.getPrivate(), other.getPublic(),
                Map.of(real.encryptionKid(), real.encryptionKey(real.encryptionKid())), real.encryptionPublicKey());

        assertThat(balance(cfg, impostor)).isInstanceOfSatisfying(CbsResult.Answered.class,
                a -> assertThat(a.responseCode()).isEqualTo("72"));
    }

    /** The switch's configuration, loaded as serve loads it (the command generated its keys in the data dir). */
    private OpenScisConfig switchConfig() throws Exception {
        return ConfigLoader.builder().env(Map.of("OPENSCIS_HTTP_PORT", "0", "OPENSCIS_ADMIN_PORT", "0")::get)
                .dataDirOverride(tmp.resolve("data")).build().load(TestConfigs.shipped());
    }

    /** ACCOUNT_BALANCE_INQUIRY over the switch's CBS link, configured with the settings the command printed. */
    private CbsResult balance(OpenScisConfig cfg, SwitchKeyRing switchKeys) throws Exception {
        RunningSimulator sim = running.get();
        IssuerConfig shipped = cfg.issuers().get(0);
        CbsConfig http = new CbsConfig(CbsConfig.HTTP, sim.baseUrl(), Duration.ofSeconds(3), Duration.ofSeconds(1),
                2, 8, 8, Map.of(), Map.of(sim.signingKid(), sim.signingPublicKeyFile().toString()),
                sim.encryptionKid(), sim.encryptionPublicKeyFile().toString(), JweProfile.RSA_OAEP_256_A128GCM,
                CbsConfig.SimulatorConfig.defaults());
        IssuerConfig issuer = new IssuerConfig(IIN, shipped.name(), shipped.products(), http, shipped.merchants());
        try (CbsLinks links = CbsLinks.open(List.of(issuer), switchKeys,
                new SwitchFieldCrypto(switchKeys, kid -> Optional.empty()), group, tmp, Clock.systemUTC(),
                new SimpleMeterRegistry(), 1L)) {
            assertThat(links.simulator(IIN)).as("no embedded simulator in http mode").isEmpty();
            String msgId = "U" + IIN + STAMP.format(Instant.now()) + "000001";
            return links.clients().get(IIN).call("ACCOUNT_BALANCE_INQUIRY", msgId, TrxInfo.builder()
                            .put("accountInfo", TrxInfo.builder().put("accountNo", SEEDED_ACCOUNT).build()).build(),
                    Instant.now().plusSeconds(10)).get(15, TimeUnit.SECONDS);
        }
    }
}
