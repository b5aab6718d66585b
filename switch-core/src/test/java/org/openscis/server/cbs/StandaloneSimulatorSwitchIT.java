package org.openscis.server.cbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.bank.Ledger;
import org.openscis.server.cli.CliContext;
import org.openscis.server.cli.Main;
import org.openscis.server.client.SignedExchange;
import org.openscis.server.config.CbsConfig;

/**
 * The switch as an operator would run it against {@code openscis cbs-sim}: the shipped configuration with the
 * {@code cbs} section the command printed pasted in, and a BILL_PAYMENT that moves money on the standalone simulator.
 */
class StandaloneSimulatorSwitchIT {

    private static final String IIN = "62000001";
    private static final String BILLER = "BILLER000000001";
    /** The shipped issuer's embedded CBS, which the printed section replaces. */
    private static final String EMBEDDED = "    cbs:\n      mode: embedded ";

    @TempDir
    Path root;

    @Test
    void aSwitchLinkedWithThePrintedSettingsPaysABillAtTheStandaloneSimulator() throws Exception {
        Path yaml = ShippedSwitch.configCopy(root, text -> text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicReference<StandaloneSimulator> sim = new AtomicReference<>();
        StandaloneSimulatorLauncher real = new StandaloneSimulatorLauncher();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.<String, String>of()::get,
                root, Optional::empty, Optional::empty, () -> Optional.of((config, options) -> {
                    StandaloneSimulator started = (StandaloneSimulator) real.start(config, options);
                    sim.set(started);
                    return started;
                }));
        CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() -> Main.execute(context, "cbs-sim",
                "--config", yaml.toString(), "--data-dir", "data", "--port", "0"));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> out.toString(StandardCharsets.UTF_8).contains("Stop with Ctrl-C.") || command.isDone());
            assertThat(command).isNotDone();
            String printed = printedCbsSection(out.toString(StandardCharsets.UTF_8));
            String text = Files.readString(yaml);
            assertThat(text).contains(EMBEDDED);
            Files.writeString(yaml, text.replace(EMBEDDED, printed + "      # was: mode: embedded "));

            try (ShippedSwitch sw = ShippedSwitch.start(root, yaml)) {
                assertThat(sw.config.issuers().get(0).cbs().mode()).isEqualTo(CbsConfig.HTTP);
                assertThat(sw.config.issuers().get(0).cbs().baseUrl()).isEqualTo(sim.get().baseUrl());
                assertThat(sw.server.cbsLinks().simulator(IIN)).as("nothing embedded").isEmpty();
                Ledger ledger = sim.get().simulator().ledger();
                long billerBefore = ledger.balanceMinor(BILLER);

                String token = sw.openAccount("sim-cli-device", "sim-cli-user");
                SignedExchange bill = sw.call("BILL_PAYMENT", TrxInfo.builder().put("deviceID", "sim-cli-device")
                        .put("userID", "sim-cli-user").put("token", token).put("trxAmt", "12.50")
                        .put("trxCurrency", "344").put("trxFeeAmt", "1.00").put("trxNote", "water")
                        .put("merchantInfo", TrxInfo.builder().put("mid", BILLER).put("merchantName", "Demo Biller")
                                .build()).build(), sw.client.newMsgId());

                assertThat(bill.responseCode()).isEqualTo("00");
                assertThat(ledger.balanceMinor(BILLER)).isEqualTo(billerBefore + 1_250);
                assertThat(ledger.balanced()).isTrue();
                assertThat(sw.server.cbsLinks().stats()).containsKey(IIN);
            }
        } finally {
            if (sim.get() != null) {
                sim.get().close();
            }
            assertThat(command.get(30, TimeUnit.SECONDS)).isZero();
        }
        assertThat(root.resolve("data/cbs-sim-62000001.mv.db")).as("the embedded simulator's ledger file").isRegularFile();
    }

    /** The {@code cbs} section of the command's output, from {@code cbs:} to {@code encryptionKeyFile}, with newlines. */
    private static String printedCbsSection(String output) {
        String[] lines = output.split("\\R");
        int from = Arrays.asList(lines).indexOf("    cbs:");
        assertThat(from).as("printed cbs section in:%n%s", output).isNotNegative();
        StringBuilder section = new StringBuilder();
        for (int i = from; i < lines.length; i++) {
            section.append(lines[i]).append('\n');
            if (lines[i].startsWith("      encryptionKeyFile:")) {
                return section.toString();
            }
        }
        throw new AssertionError("no encryptionKeyFile line in:\n" + output);
    }
}
