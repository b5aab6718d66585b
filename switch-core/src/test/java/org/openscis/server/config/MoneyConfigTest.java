package org.openscis.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.router.MessageType;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.ProductLimits;

/** The issue-3 parts of the configuration: CBS link, simulator faults, merchants, product limits, money, outbox. */
class MoneyConfigTest {

    @TempDir
    Path tmp;

    /** MINIMAL with lines added to the issuer (after its name) and to its product (after its card faces). */
    private static String issuerExtras(String issuerLines, String productLines) {
        String yaml = TestConfigs.MINIMAL.replace("    name: Test Bank\n", "    name: Test Bank\n" + issuerLines + "\n");
        return yaml + productLines + "\n";
    }

    @Test
    void limitsMerchantsAndCbsOptionsAreBound() throws Exception {
        OpenScisConfig config = load(issuerExtras(String.join("\n",
                "    cbs:",
                "      mode: http",
                "      baseUrl: http://127.0.0.1:9090",
                "      paths: {DEBIT_TRANSACTION: /core/debit}",
                "      signingKeys: {\"5000000000001\": cbs.pub.pem}",
                "      encryptionKid: \"5000000000002\"",
                "      encryptionKeyFile: cbs-enc.pub.pem",
                "      maxQueued: 10",
                "    merchants:",
                "      - {mid: BILLER000000001, name: Water, role: BILLER, mcc: \"4900\"}",
                "      - {mid: AGENT0000000001, role: agent}"), String.join("\n",
                "        limits:",
                "          perTransaction: \"50.00\"",
                "          daily: \"100\"",
                "          openingBalance: \"10.5\"",
                "          blockedMccs: [\"7995\"]",
                "          blockedCountries: [\"408\"]",
                "          cutOff: {start: \"23:55\", end: \"00:05\", zone: Asia/Hong_Kong}",
                "          minimumTier: {P2P_TRANSFER: 2}",
                "          cashOutTokenValidity: 2h"))
                + "money:\n  kycValidity: 10m\noutbox:\n  maxBackoff: 1m\n");
        IssuerConfig issuer = config.issuers().get(0);
        assertThat(issuer.cbs().mode()).isEqualTo(CbsConfig.HTTP);
        assertThat(issuer.cbs().paths()).containsEntry("DEBIT_TRANSACTION", "/core/debit");
        assertThat(issuer.cbs().signingKeys()).containsKey("5000000000001");
        assertThat(issuer.cbs().maxQueued()).isEqualTo(10);
        assertThat(issuer.merchants()).containsExactly(
                new Merchant("BILLER000000001", "Water", Merchant.Role.BILLER, "4900", "344"),
                new Merchant("AGENT0000000001", "AGENT0000000001", Merchant.Role.AGENT, "0000", "344"));
        ProductLimits limits = issuer.products().get(0).limits();
        assertThat(limits.perTransactionMinor()).isEqualTo(5000);
        assertThat(limits.dailyMinor()).isEqualTo(10000);
        assertThat(limits.openingBalanceMinor()).isEqualTo(1050);
        assertThat(limits.blockedMccs()).containsExactly("7995");
        assertThat(limits.blockedCountries()).containsExactly("408");
        assertThat(limits.cutOffStart()).isEqualTo(LocalTime.of(23, 55));
        assertThat(limits.cutOffEnd()).isEqualTo(LocalTime.of(0, 5));
        assertThat(limits.cutOffZone().getId()).isEqualTo("Asia/Hong_Kong");
        assertThat(limits.minimumTier()).containsEntry(MessageType.P2P_TRANSFER, 2);
        assertThat(limits.cashOutTokenValidityMinutes()).isEqualTo(120);
        assertThat(config.money().kycValidity()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.outbox().maxBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.outbox().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void missingLimitsMeanNone() throws Exception {
        OpenScisConfig config = load(TestConfigs.MINIMAL);
        assertThat(config.issuers().get(0).products().get(0).limits()).isEqualTo(ProductLimits.NONE);
        assertThat(config.issuers().get(0).merchants()).isEmpty();
        assertThat(config.money()).isEqualTo(MoneyConfig.defaults());
        assertThat(config.outbox()).isEqualTo(OutboxConfig.defaults());
    }

    @Test
    void theEmbeddedSimulatorListensOnAFreePortUnlessOneIsConfigured() throws Exception {
        assertThat(load(TestConfigs.MINIMAL).issuers().get(0).cbs().simulator().port())
                .isEqualTo(CbsConfig.SimulatorConfig.ANY_PORT).isZero();
        assertThat(load(issuerExtras(String.join("\n",
                "    cbs:",
                "      simulator:",
                "        faults: []"), "")).issuers().get(0).cbs().simulator().port()).isZero();
        CbsConfig.SimulatorConfig fixed = load(issuerExtras(String.join("\n",
                "    cbs:",
                "      mode: embedded",
                "      simulator:",
                "        port: 9191"), "")).issuers().get(0).cbs().simulator();
        assertThat(fixed.port()).isEqualTo(9191);
        assertThat(fixed.databaseFile()).as("the other settings keep their defaults").endsWith("cbs-sim-62000001");
        assertThat(fixed.faults()).isEmpty();
    }

    @Test
    void aSimulatorPortOutOfRangeIsNamed() {
        assertThat(problems(issuerExtras(String.join("\n",
                "    cbs:",
                "      simulator:",
                "        port: 70000"), ""))).anySatisfy(p -> assertThat(p)
                .startsWith("issuers[0].cbs.simulator.port: must be between 0 and 65535"));
        assertThat(problems(issuerExtras(String.join("\n",
                "    cbs:",
                "      simulator:",
                "        port: nine"), ""))).anySatisfy(p -> assertThat(p)
                .startsWith("issuers[0].cbs.simulator.port: must be a whole number"));
    }

    @Test
    void badMoneyValuesAreNamed() {
        List<String> problems = problems(issuerExtras(String.join("\n",
                "    cbs:",
                "      mode: http",
                "      paths: {DEBIT: /x, CREDIT_TRANSACTION: nope}",
                "      simulator:",
                "        faults:",
                "          - {action: EXPLODE, probability: 2}",
                "          - {action: RESPOND}",
                "    merchants:",
                "      - {mid: \"BILLER000000001-TOO-LONG\", role: BILLER}",
                "      - {mid: X, role: CASHIER, mcc: \"12\"}"), String.join("\n",
                "        limits:",
                "          perTransaction: \"1.234\"",
                "          cutOff: {start: \"25:00\", end: \"01:00\"}",
                "          minimumTier: {P2P_TRANSFER: high, NOPE: 1}"))
                + "money:\n  resolveBackoff: 0s\n");
        assertThat(String.join("\n", problems)).contains(
                "issuers[0].cbs.baseUrl: is required when mode is http",
                "issuers[0].cbs.signingKeys: is required when mode is http",
                "issuers[0].cbs.paths.DEBIT: is not a CBS message type",
                "issuers[0].cbs.paths.CREDIT_TRANSACTION: must be a path starting with /",
                "issuers[0].cbs.simulator.faults[0].action: must be DELAY, NO_ANSWER, DROP or RESPOND",
                "issuers[0].cbs.simulator.faults[0].probability: must be a number from 0 to 1",
                "issuers[0].cbs.simulator.faults[1].responseCode: is required for RESPOND",
                "issuers[0].merchants[0].mid",
                "issuers[0].merchants[1].role",
                "issuers[0].merchants[1].mcc",
                "issuers[0].products[0].limits.perTransaction: must be a positive amount",
                "issuers[0].products[0].limits.cutOff.start: must be a time of day",
                "issuers[0].products[0].limits.minimumTier.P2P_TRANSFER",
                "issuers[0].products[0].limits.minimumTier.NOPE",
                "money.resolveBackoff");
    }

    private OpenScisConfig load(String yaml) throws Exception {
        return TestConfigs.loader(tmp, Map.of()).build().load(TestConfigs.write(tmp.resolve("conf"), yaml));
    }

    private List<String> problems(String yaml) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> load(yaml));
        assertThat(t).isInstanceOf(ConfigException.class);
        return ((ConfigException) t).problems();
    }
}
