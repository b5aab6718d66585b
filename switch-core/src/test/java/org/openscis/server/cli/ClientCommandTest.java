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
import org.openscis.server.keys.ClientProfile;

class ClientCommandTest {

    @TempDir
    Path tmp;

    private final List<Object[]> calls = new ArrayList<>();
    private CliHarness cli;

    @BeforeEach
    void profileAndRunner() throws Exception {
        KeyPair pair = KeyMaterial.generateRsa(2048);
        new ClientProfile("http://127.0.0.1:8080", "39990157", "s", pair.getPrivate(), "e", pair.getPrivate(), "ss",
                pair.getPublic(), "se", pair.getPublic()).write(tmp.resolve("data/appgw-profile"));
        cli = new CliHarness(tmp);
        cli.runner = (profile, msgType, trxJson, msgId, out) -> {
            calls.add(new Object[] {profile, msgType, trxJson, msgId});
            out.println("responseCode 00");
            return ExitCodes.OK;
        };
    }

    @Test
    void sendsThroughTheRunnerWithTheDefaultProfile() {
        int exit = cli.run("client", "cvm_inquiry");

        assertThat(exit).isZero();
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(((ClientProfile) call[0]).insId()).isEqualTo("39990157");
            assertThat(call[1]).isEqualTo("CVM_INQUIRY");
            assertThat(call[2]).isEqualTo("{}");
            assertThat(call[3]).isNull();
        });
        assertThat(cli.out()).contains("responseCode 00");
    }

    @Test
    void passesTrxFromTextOrFileTheMsgIdAndTheUrlOverride() throws Exception {
        Files.writeString(tmp.resolve("trx.json"), "{\"token\":\"6292000000000000001\"}\n");

        assertThat(cli.run("client", "CARD_STATUS_INQUIRY", "--trx", "@trx.json", "--msg-id", "A123",
                "--url", "http://10.0.0.1:9000")).isZero();
        assertThat(cli.run("client", "KYC_VERIFICATION", "--trx", "{\"cvmInfo\":{\"firstName\":\"chen\"}}")).isZero();

        assertThat(calls.get(0)[2]).isEqualTo("{\"token\":\"6292000000000000001\"}");
        assertThat(calls.get(0)[3]).isEqualTo("A123");
        assertThat(((ClientProfile) calls.get(0)[0]).baseUrl()).isEqualTo("http://10.0.0.1:9000");
        assertThat(calls.get(1)[2]).isEqualTo("{\"cvmInfo\":{\"firstName\":\"chen\"}}");
    }

    @Test
    void theRunnersExitCodeIsTheCommands() {
        cli.runner = (profile, msgType, trxJson, msgId, out) -> ExitCodes.FAILED;

        assertThat(cli.run("client", "CVM_INQUIRY")).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void profileFollowsTheDataDirectoryVariableOrTheOption() throws Exception {
        Files.move(tmp.resolve("data"), tmp.resolve("elsewhere"));
        CliHarness viaOption = new CliHarness(tmp);
        viaOption.runner = cli.runner;

        assertThat(cli.run("client", "CVM_INQUIRY")).isEqualTo(ExitCodes.CONFIG);
        assertThat(cli.err()).contains("no client profile in " + tmp.resolve("data/appgw-profile"));
        cli.env.put("OPENSCIS_DATA_DIR", "elsewhere");
        assertThat(cli.run("client", "CVM_INQUIRY")).isZero();
        assertThat(viaOption.run("client", "CVM_INQUIRY", "--profile", "elsewhere/appgw-profile")).isZero();
    }

    @Test
    void badArgumentsAreUsageErrors() {
        CliHarness wrongType = harness();
        CliHarness switchType = harness();
        CliHarness notJson = harness();
        CliHarness notObject = harness();

        assertThat(wrongType.run("client", "PAY_ME")).isEqualTo(ExitCodes.USAGE);
        assertThat(switchType.run("client", "TRX_RESULT_NOTIFICATION")).isEqualTo(ExitCodes.USAGE);
        assertThat(notJson.run("client", "CVM_INQUIRY", "--trx", "{nope")).isEqualTo(ExitCodes.USAGE);
        assertThat(notObject.run("client", "CVM_INQUIRY", "--trx", "[1]")).isEqualTo(ExitCodes.USAGE);
        assertThat(new CliHarness(tmp).run("client")).isEqualTo(ExitCodes.USAGE);
        assertThat(wrongType.err()).contains("\"PAY_ME\" is not a message type an App Gateway sends")
                .contains("CVM_INQUIRY");
        assertThat(notJson.err()).contains("--trx: not valid JSON");
        assertThat(notObject.err()).contains("--trx: must be a JSON object");
        assertThat(calls).isEmpty();
    }

    @Test
    void aMissingTrxFileIsAnIoError() {
        assertThat(cli.run("client", "CVM_INQUIRY", "--trx", "@absent.json")).isEqualTo(ExitCodes.IO);
        assertThat(cli.err()).contains("absent.json");
    }

    @Test
    void noClientImplementationIsAClearFailure() {
        cli.runner = null;

        assertThat(cli.run("client", "CVM_INQUIRY")).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err()).contains("no App Gateway client").contains(ClientRunner.class.getName());
    }

    private CliHarness harness() {
        CliHarness harness = new CliHarness(tmp);
        harness.runner = cli.runner;
        return harness;
    }
}
