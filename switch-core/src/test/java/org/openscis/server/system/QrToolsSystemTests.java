package org.openscis.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openscis.server.cli.CliContext;
import org.openscis.server.cli.ExitCodes;
import org.openscis.server.cli.Main;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.ClientCommandRunner;
import org.openscis.server.client.DemoJourney;
import org.openscis.server.client.ReceivedCallback;
import org.openscis.server.keys.ClientProfile;
import org.openscis.server.keys.DevKeyBootstrap;
import org.openscis.server.system.Wallet.Card;

/**
 * The QR tools end to end: {@code openscis client qr mpm|png|pay} run in-process against the real switch with the
 * shipped configuration (its QR host file, its demo currency), and the demo journey with its QR steps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QrToolsSystemTests {

    private static final String FIXED_URL = DemoJourney.DEMO_URL_QR;
    private static final String OPEN_URL = "https://qr.95516.com/00010000/62000000000000000000000002";

    private final ClearTextWatch watch = new ClearTextWatch();
    private RunningSwitch sw;
    private Wallet wallet;
    private Path workDir;

    abstract boolean postgres();

    @BeforeAll
    void start() throws Exception {
        watch.start();
        sw = RunningSwitch.start(postgres(), RunningSwitch.Setup.shipped().withCallbacks());
        wallet = new Wallet(sw, watch);
        workDir = Files.createTempDirectory("openscis-qr-tools-");
    }

    @AfterAll
    void stop() {
        try {
            watch.stop();
        } finally {
            sw.close();
        }
    }

    /** Runs {@code openscis client qr ...} in-process; returns the exit code and the output. */
    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get, workDir,
                Optional::empty, () -> Optional.of(new ClientCommandRunner()));
        int exit = Main.execute(context, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {}

    private Run pay(Card card, String... more) {
        String[] base = {"client", "qr", "pay", "--profile", sw.dataDir.resolve(DevKeyBootstrap.PROFILE_DIR).toString(),
            "--url", sw.profile.baseUrl(), "--token", card.token(), "--device-id", card.deviceId(), "--user-id",
            card.userId()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return cli(all);
    }

    @Test
    void aBuiltMerchantQrIsPaidFromItsPng() {
        Card card = wallet.enrolSeeded();
        Run built = cli("client", "qr", "mpm", "--acquirer-iin", "25000344", "--fwd-iin", "00020344", "--mid",
                "500034470110001", "--name", "Demo Cafe", "--city", "Hong Kong", "--mcc", "5812", "--currency",
                Wallet.CURRENCY, "--amount", "12.50", "--tip", "fixed:1.00", "--bill-no", "INV-7", "--png", "cafe.png");
        assertThat(built.exit()).as(built.err()).isZero();

        Run paid = pay(card, "--png", "cafe.png");

        assertThat(paid.exit()).as(paid.out()).isEqualTo(ExitCodes.OK);
        assertThat(paid.out()).contains("/scis/switch/qremvpayment", "< signature valid", "< msgResponse 00",
                "\"trxAmt\" : \"12.50\"", "\"trxFeeAmt\" : \"1.00\"", "\"billNo\" : \"INV-7\"")
                .containsPattern("\"qrcVoucherNo\" : \"\\d{20}\"");
    }

    @Test
    void anEmvCodeWithoutAmountTakesThePayersAmountAndTip() {
        Card card = wallet.enrolSeeded();
        Run built = cli("client", "qr", "mpm", "--acquirer-iin", "25000344", "--fwd-iin", "00020344", "--mid",
                "500034470110001", "--name", "Demo Bar", "--city", "Hong Kong", "--mcc", "5813", "--currency",
                Wallet.CURRENCY, "--tip", "prompt");
        String payload = built.out().strip();

        Run paid = pay(card, "--payload", payload, "--amount", "20.00", "--tip", "2.00");

        assertThat(paid.exit()).as(paid.out()).isEqualTo(ExitCodes.OK);
        assertThat(paid.out()).contains("note: tip 2.00 added to 20.00", "\"trxAmt\" : \"22.00\"",
                "< msgResponse 00");
    }

    @Test
    void theShippedFixedAmountUrlCodeIsInquiredThenPaid() {
        Card card = wallet.enrolSeeded();

        Run paid = pay(card, "--payload", FIXED_URL);

        assertThat(paid.exit()).as(paid.out()).isEqualTo(ExitCodes.OK);
        assertThat(paid.out()).contains("/scis/switch/qrcinfoinquiry", "/scis/switch/qrurlpayment",
                "order: Demo Noodle House (mcc 5812), 25.00 " + Wallet.CURRENCY, "\"origTrxMsgID\"",
                "\"trxAmt\" : \"25.00\"").containsPattern("\"qrcVoucherNo\" : \"\\d{20}\"");
        assertThat(paid.out().split("< msgResponse 00", -1)).hasSize(3);
    }

    @Test
    void anOpenAmountUrlCodeTakesThePayersAmount() {
        Card card = wallet.enrolSeeded();

        assertThat(pay(card, "--payload", OPEN_URL).exit()).isEqualTo(ExitCodes.FAILED);
        Run paid = pay(card, "--payload", OPEN_URL, "--amount", "8.00");

        assertThat(paid.exit()).as(paid.out()).isEqualTo(ExitCodes.OK);
        assertThat(paid.out()).contains("open-amount order: paying 8.00", "\"trxAmt\" : \"8.00\"");
    }

    @Test
    void aRefusalByTheSwitchIsExitCodeOne() {
        Card card = wallet.enrolSeeded();

        // the seeded account holds 1,000.00
        Run paid = pay(card, "--payload", OPEN_URL, "--amount", "1000.01");
        Run unknown = pay(card, "--payload", "https://qr.95516.com/00010000/62999999999999999999999999");

        assertThat(paid.exit()).as(paid.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(paid.out()).contains("< msgResponse 13"); // above the order's upper limit, 1,000.00
        assertThat(unknown.exit()).as(unknown.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.out()).contains("< msgResponse 03").doesNotContain("/scis/switch/qrurlpayment");
    }

    @Test
    void moreThanTheAccountHoldsIsRefusedByTheCbs() {
        Card card = wallet.enrolSeeded();
        String payload = cli("client", "qr", "mpm", "--acquirer-iin", "25000344", "--fwd-iin", "00020344", "--mid",
                "500034470110001", "--name", "Demo Jeweller", "--city", "Hong Kong", "--mcc", "5944", "--currency",
                Wallet.CURRENCY, "--amount", "1500.00").out().strip();

        Run paid = pay(card, "--payload", payload);

        assertThat(paid.exit()).as(paid.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(paid.out()).contains("< msgResponse 51");
    }

    @Test
    void theDemoJourneyApprovesEveryStepQrPaymentsIncluded() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ClientProfile acquirerProfile = ClientProfile.load(sw.dataDir.resolve(DevKeyBootstrap.ACQUIRER_PROFILE_DIR))
                .withBaseUrl(sw.profile.baseUrl());

        boolean ok;
        try (AppGatewayClient acquirer = AppGatewayClient.forProfile(acquirerProfile)) {
            ok = new DemoJourney(sw.client, acquirer, sw.callbacks, out, Wallet.CURRENCY).run();
        }

        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(ok).as(table).isTrue();
        assertThat(table).contains("MPQRC_PAYMENT_EMV            00", "QRC_INFO_INQUIRY             00",
                "MPQRC_PAYMENT_URL            00", "QRC_GENERATION               00",
                "ADDITIONAL_PROCESSING        00", "ADDITIONAL_PROCESSING_RESULT 00", "REFUND                       00",
                "every step approved");
        assertThat(table.lines().filter(l -> l.contains("CPQRC_PAYMENT                00"))).hasSize(2);
        List<ReceivedCallback> asked = sw.callbacks.received("ADDITIONAL_PROCESSING");
        assertThat(asked).isNotEmpty().allMatch(ReceivedCallback::signatureValid);
        String token = asked.get(asked.size() - 1).trxInfo().string("token");
        List<ReceivedCallback> notices = sw.callbacks.received("TRX_RESULT_NOTIFICATION").stream()
                .filter(c -> token.equals(c.trxInfo().string("token"))
                        && "CPQRC_PAYMENT".equals(c.trxInfo().string("trxMsgType")))
                .toList();
        assertThat(notices).hasSize(2).allMatch(ReceivedCallback::signatureValid)
                .allMatch(c -> "APPROVED".equals(c.trxInfo().string("paymentStatus")));
        assertThat(table).contains("TRX_RESULT_NOTIFICATION  CPQRC_PAYMENT");
    }

    @Test
    void theDemoCommandFindsTheAcquirerProfileNextToTheAppGatewayProfile() {
        Run run = cli("demo", "--profile", sw.dataDir.resolve(DevKeyBootstrap.PROFILE_DIR).toString(), "--url",
                sw.profile.baseUrl(), "--callback-port", "0");

        assertThat(run.err()).as(run.out()).doesNotContain("no acquirer profile");
        assertThat(run.out()).contains("CPQRC_PAYMENT                00",
                "not sent: above the cvm limit needs the callback receiver");
        assertThat(run.exit()).as("a step was not sent").isEqualTo(ExitCodes.FAILED);
    }
}
