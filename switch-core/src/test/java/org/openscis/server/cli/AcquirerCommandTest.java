package org.openscis.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.server.keys.ClientProfile;

class AcquirerCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The real CPM payload of protocol.md §7.9 (a test card's token, ATC 5). */
    private static final String PAYLOAD = "hQVDUFYwMWFWTwigAAADMwEBAlcRYmNgBxV2VVTSMRIBAAABiAFfNAEAYzOfJghWitz"
            + "XodVnep8nAYCfEBEHAAEDoAAAAQgzOTk5MDE1N582AgAFggIAAJ83BGNSX74=";
    private static final String BARCODE = "6212345678901234567";

    @TempDir
    Path tmp;

    private final List<Object[]> calls = new ArrayList<>();
    private CliHarness cli;

    @BeforeEach
    void profileAndRunner() throws Exception {
        KeyPair pair = KeyMaterial.generateRsa(2048);
        new ClientProfile("http://127.0.0.1:8080", "48000344", "s", pair.getPrivate(), "e", pair.getPrivate(), "ss",
                pair.getPublic(), "se", pair.getPublic()).write(tmp.resolve("data/acquirer-profile"));
        cli = new CliHarness(tmp);
        cli.runner = (profile, msgType, trxJson, msgId, out) -> {
            calls.add(new Object[] {profile, msgType, trxJson, msgId});
            out.println("responseCode 00");
            return ExitCodes.OK;
        };
    }

    private JsonNode trx(int call) throws Exception {
        return JSON.readTree((String) calls.get(call)[2]);
    }

    @Test
    void payScansABarcodeAndSendsCpqrcPaymentWithTheDemoMerchant() throws Exception {
        int exit = cli.run("acquirer", "pay", "--amount", "12.50", "--barcode", BARCODE);

        assertThat(exit).isZero();
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(((ClientProfile) call[0]).insId()).isEqualTo("48000344");
            assertThat(call[1]).isEqualTo("CPQRC_PAYMENT");
            assertThat((String) call[3]).matches("A48000344\\d{20}");
        });
        JsonNode trx = trx(0);
        assertThat(trx.get("barcodeCpqrcPayload").asText()).isEqualTo(BARCODE);
        assertThat(trx.has("emvCpqrcPayload")).isFalse();
        assertThat(trx.get("trxAmt").asText()).isEqualTo("12.50");
        assertThat(trx.get("trxCurrency").asText()).isEqualTo("344");
        JsonNode merchant = trx.get("merchantInfo");
        assertThat(merchant.get("acquirerIIN").asText()).isEqualTo("48000344");
        assertThat(merchant.get("fwdIIN").asText()).isEqualTo("00010344");
        assertThat(merchant.get("mid").asText()).isEqualTo("OPENSCISDEMO001");
        assertThat(merchant.get("merchantName").asText()).isEqualTo("OpenSCIS Demo Shop");
        assertThat(merchant.get("mcc").asText()).isEqualTo("5812");
        assertThat(merchant.get("merchantCountry").asText()).isEqualTo("344");
        assertThat(merchant.get("termId").asText()).isEqualTo("T0000001");
        assertThat(trx.get("retrivlRefNum").asText()).matches("\\d{12}");
        assertThat(trx.get("traceNum").asText()).matches("\\d{6}");
        assertThat(trx.get("transDatetime").asText()).matches("\\d{10}");
        assertThat(cli.out()).contains("scanned: barcode 6212********4567")
                .doesNotContain(BARCODE.substring(4, 15))
                .contains("refund it with:  openscis acquirer refund --orig-msg-id " + calls.get(0)[3]
                        + " --amount 12.50");
    }

    @Test
    void payScansAnEmvPayloadWithMerchantOptionsAndANote() throws Exception {
        assertThat(cli.run("acquirer", "pay", "--amount", "1.00", "--currency", "156", "--payload", PAYLOAD,
                "--mid", "M1", "--merchant-name", "Noodles", "--mcc", "5814", "--merchant-country", "156",
                "--acquirer-iin", "48000999", "--fwd-iin", "00020156", "--term-id", "T9", "--note", "table 4",
                "--msg-id", "A4800034420261126010000000001", "--url", "http://10.0.0.1:9000")).isZero();

        JsonNode trx = trx(0);
        assertThat(trx.get("emvCpqrcPayload").asText()).isEqualTo(PAYLOAD);
        assertThat(trx.get("trxCurrency").asText()).isEqualTo("156");
        assertThat(trx.get("trxNote").asText()).isEqualTo("table 4");
        assertThat(trx.get("merchantInfo").get("mid").asText()).isEqualTo("M1");
        assertThat(trx.get("merchantInfo").get("acquirerIIN").asText()).isEqualTo("48000999");
        assertThat(trx.get("merchantInfo").get("termId").asText()).isEqualTo("T9");
        assertThat(calls.get(0)[3]).isEqualTo("A4800034420261126010000000001");
        assertThat(((ClientProfile) calls.get(0)[0]).baseUrl()).isEqualTo("http://10.0.0.1:9000");
        assertThat(cli.out()).contains("scanned: EMV CPM payload, AID A000000333010102, token 6263********5554, "
                + "expiry 2311, ATC 5").doesNotContain("6263600715765554");
    }

    @Test
    void exactlyOneScannedCodeIsRequired() {
        assertThat(cli.run("acquirer", "pay", "--amount", "1.00")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("acquirer", "pay", "--amount", "1.00", "--payload", PAYLOAD, "--barcode", BARCODE))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("acquirer", "pay", "--barcode", BARCODE)).isEqualTo(ExitCodes.USAGE);
        assertThat(calls).isEmpty();
    }

    @Test
    void malformedCodesAreSentAnywayWithANote() {
        assertThat(cli.run("acquirer", "pay", "--amount", "1.00", "--payload", "not base64!")).isZero();
        assertThat(cli.run("acquirer", "pay", "--amount", "1.00", "--barcode", "12345")).isZero();

        assertThat(cli.out()).contains("scanned: not a readable EMV CPM payload (CPM_PREFIX")
                .contains("sending it anyway (the switch will answer 30)")
                .contains("not 19 digits starting 62; sending it anyway");
        assertThat(calls).hasSize(2);
    }

    @Test
    void refundAndCancelReferToThePayment() throws Exception {
        assertThat(cli.run("acquirer", "refund", "--orig-msg-id", "A4800034420261126010000000001", "--amount",
                "2.50")).isZero();
        assertThat(cli.run("acquirer", "cancel", "--orig-msg-id", "A4800034420261126010000000001", "--amount",
                "12.50", "--mid", "M1")).isZero();

        assertThat(calls.get(0)[1]).isEqualTo("REFUND");
        assertThat(trx(0).get("origMsgID").asText()).isEqualTo("A4800034420261126010000000001");
        assertThat(trx(0).get("trxAmt").asText()).isEqualTo("2.50");
        assertThat(trx(0).get("merchantInfo").get("mid").asText()).isEqualTo("OPENSCISDEMO001");
        assertThat(trx(0).get("retrivlRefNum").asText()).matches("\\d{12}");
        assertThat(calls.get(1)[1]).isEqualTo("CANCELLATION");
        assertThat(trx(1).get("trxAmt").asText()).isEqualTo("12.50");
        assertThat(trx(1).get("merchantInfo").get("mid").asText()).isEqualTo("M1");
        assertThat(cli.out()).doesNotContain("refund it with");
        assertThat(cli.run("acquirer", "refund", "--amount", "2.50")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void theRunnersExitCodeIsTheCommandsAndNoHintFollowsADecline() {
        cli.runner = (profile, msgType, trxJson, msgId, out) -> ExitCodes.FAILED;

        assertThat(cli.run("acquirer", "pay", "--amount", "1.00", "--barcode", BARCODE)).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.out()).doesNotContain("refund it with");
    }

    @Test
    void profileFollowsTheDataDirectoryVariableOrTheOption() throws Exception {
        Files.move(tmp.resolve("data"), tmp.resolve("elsewhere"));

        assertThat(cli.run("acquirer", "refund", "--orig-msg-id", "A1", "--amount", "1")).isEqualTo(ExitCodes.CONFIG);
        assertThat(cli.err()).contains("no acquirer profile in " + tmp.resolve("data/acquirer-profile"));
        cli.env.put("OPENSCIS_DATA_DIR", "elsewhere");
        assertThat(cli.run("acquirer", "refund", "--orig-msg-id", "A1", "--amount", "1")).isZero();
        assertThat(cli.run("acquirer", "cancel", "--orig-msg-id", "A1", "--amount", "1", "--profile",
                "elsewhere/acquirer-profile")).isZero();
        assertThat(calls).hasSize(2);
    }

    @Test
    void withoutASubcommandItIsAUsageError() {
        assertThat(cli.run("acquirer")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Missing command: pay, refund or cancel");
    }
}
