package org.openscis.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.codec.qr.MpmParser;
import org.openscis.codec.qr.MpmPolicy;
import org.openscis.codec.qr.MpmResult;
import org.openscis.server.client.qr.QrVectors;
import org.openscis.server.keys.ClientProfile;

class QrCommandTest {

    private static final String URL = "https://qr.95516.com/00010000/62000000000000000000000001";

    @TempDir
    Path tmp;

    private final List<QrPayRequest> payments = new ArrayList<>();
    private CliHarness cli;

    @BeforeEach
    void harness() {
        cli = new CliHarness(tmp);
        cli.runner = new ClientRunner() {
            @Override
            public int run(ClientProfile profile, String msgType, String trxJson, String msgId,
                    java.io.PrintStream out) {
                return ExitCodes.FAILED;
            }

            @Override
            public int qrPay(ClientProfile profile, QrPayRequest request, java.io.PrintStream out) {
                payments.add(request);
                out.println("paid via " + profile.baseUrl());
                return ExitCodes.OK;
            }
        };
    }

    private String decoded(String file) {
        CliHarness reader = new CliHarness(tmp);
        assertThat(reader.run("client", "qr", "decode", "--in", file)).isZero();
        return reader.out().stripTrailing();
    }

    @Test
    void pngThenDecodeGivesTheSameTextForAChineseNamedMpm() {
        String mpm = QrVectors.validMpm("mpm-p14-emvco-annex-b");

        assertThat(cli.run("client", "qr", "png", "--text", mpm, "--out", "p14.png", "--size", "400")).isZero();

        assertThat(cli.out()).contains("wrote " + tmp.resolve("p14.png")).contains("error correction M");
        assertThat(Files.exists(tmp.resolve("p14.png"))).isTrue();
        assertThat(decoded("p14.png")).isEqualTo(mpm);
    }

    @Test
    void pngOfAUrl() {
        assertThat(cli.run("client", "qr", "png", "--text", URL, "--out", "url.png")).isZero();

        assertThat(decoded("url.png")).isEqualTo(URL);
    }

    @Test
    void mpmPrintsAValidPayloadAndWritesItsPng() {
        int exit = cli.run("client", "qr", "mpm", "--acquirer-iin", "25000344", "--fwd-iin", "00020344",
                "--mid", "500034470110001", "--name", "Demo Cafe", "--city", "Hong Kong", "--mcc", "5812",
                "--currency", "344", "--amount", "12.50", "--tip", "percent:5", "--bill-no", "INV-1",
                "--png", "cafe.png");

        assertThat(exit).isZero();
        String payload = cli.out().stripTrailing();
        assertThat(payload).doesNotContain("\n").startsWith("000201010212");
        assertThat(new MpmParser(MpmPolicy.strict()).parse(payload)).isInstanceOf(MpmResult.Parsed.class);
        assertThat(cli.err()).contains("wrote " + tmp.resolve("cafe.png"));
        assertThat(decoded("cafe.png")).isEqualTo(payload);
    }

    @Test
    void mpmRefusesValuesThatMakeNoValidCode() {
        assertThat(cli.run("client", "qr", "mpm", "--acquirer-iin", "250003", "--fwd-iin", "00020344",
                "--mid", "500034470110001", "--name", "Demo Cafe", "--city", "Hong Kong", "--mcc", "5812",
                "--currency", "344")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("ID 15");
        CliHarness tip = new CliHarness(tmp);
        assertThat(tip.run("client", "qr", "mpm", "--acquirer-iin", "25000344", "--fwd-iin", "00020344",
                "--mid", "500034470110001", "--name", "Demo Cafe", "--city", "Hong Kong", "--mcc", "5812",
                "--currency", "344", "--tip", "always")).isEqualTo(ExitCodes.USAGE);
        assertThat(tip.err()).contains("--tip: one of prompt");
    }

    @Test
    void payPassesThePayloadOrTheDecodedPngToTheRunner() throws Exception {
        KeyPair pair = KeyMaterial.generateRsa(2048);
        new ClientProfile("http://127.0.0.1:8080", "39990157", "s", pair.getPrivate(), "e", pair.getPrivate(), "ss",
                pair.getPublic(), "se", pair.getPublic()).write(tmp.resolve("data/appgw-profile"));
        assertThat(new CliHarness(tmp).run("client", "qr", "png", "--text", URL, "--out", "url.png")).isZero();

        assertThat(cli.run("client", "qr", "pay", "--token", "6292000000000000001", "--device-id", "dev-1",
                "--png", "url.png", "--url", "http://127.0.0.1:9999")).isZero();
        assertThat(cli.run("client", "qr", "pay", "--token", "6292000000000000001", "--device-id", "dev-1",
                "--user-id", "u-1", "--payload", "000201", "--amount", "3.00", "--tip", "0.30")).isZero();

        assertThat(payments).containsExactly(
                new QrPayRequest("6292000000000000001", "dev-1", "openscis-cli", URL, null, null),
                new QrPayRequest("6292000000000000001", "dev-1", "u-1", "000201", "3.00", "0.30"));
        assertThat(cli.out()).contains("paid via http://127.0.0.1:9999").contains("paid via http://127.0.0.1:8080");
    }

    @Test
    void payNeedsExactlyOneSourceAndAReadableImage() throws Exception {
        assertThat(cli.run("client", "qr", "pay", "--token", "t", "--device-id", "d")).isEqualTo(ExitCodes.USAGE);
        CliHarness both = new CliHarness(tmp);
        assertThat(both.run("client", "qr", "pay", "--token", "t", "--device-id", "d", "--payload", "x",
                "--png", "x.png")).isEqualTo(ExitCodes.USAGE);
        Files.write(tmp.resolve("noise.png"), new byte[] {1, 2, 3});
        CliHarness noise = new CliHarness(tmp);
        noise.runner = cli.runner;
        assertThat(noise.run("client", "qr", "pay", "--token", "t", "--device-id", "d", "--png", "noise.png"))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(noise.err()).contains("not an image format");
        CliHarness missing = new CliHarness(tmp);
        assertThat(missing.run("client", "qr", "decode", "--in", "nowhere.png")).isEqualTo(ExitCodes.IO);
        assertThat(payments).isEmpty();
    }

    @Test
    void theGroupsAndTheOldClientCommandStillExplainThemselves() {
        assertThat(cli.run("client", "qr")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Missing command: png, decode, mpm or pay");
        CliHarness bare = new CliHarness(tmp);
        assertThat(bare.run("client")).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err()).contains("Missing required parameter: MSG_TYPE");
        CliHarness help = new CliHarness(tmp);
        assertThat(help.run("client", "qr", "pay", "--help")).isZero();
        assertThat(help.out()).contains("MPQRC_PAYMENT_EMV").contains("QRC_INFO_INQUIRY");
    }
}
