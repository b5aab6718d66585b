package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code client} command's behaviour against {@link FakeSwitch}: output, masking and exit codes. */
class ClientCommandRunnerIT {

    private static final String ENROL = "{\"deviceID\":\"d1\",\"wantPan\":\"Y\",\"cvmInfo\":{\"pan\":\""
            + SignedEcho.PAN + "\",\"cvn2\":\"123\"}}";

    private FakeSwitch server;
    private AppGatewayClient client;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() {
        server = FakeSwitch.start();
        server.respond(new SignedEcho());
        client = client(server.url().toString());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static AppGatewayClient client(String url) {
        return new AppGatewayClient(ClientOptions.builder(url).ioThreads(1).requestTimeout(Duration.ofSeconds(5))
                .build(), TestKeys.client());
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private int run(Map<String, String> env, String msgType, String trxJson, String msgId) {
        return new ClientCommandRunner(env::get).run(client, msgType, trxJson, msgId, out);
    }

    @Test
    void anApprovedCallPrintsMaskedRequestAndDecryptedMaskedResponse() {
        int exit = run(Map.of(), "CARD_ENROLLMENT", ENROL, null);

        assertThat(exit).isZero();
        assertThat(output()).contains("> POST " + server.url() + "/scis/switch/cardenrollment", "< HTTP 200",
                "< signature valid", "< msgResponse 00 Approved", "6233********0060", "\"cvn2\" : \"***\"",
                "\"accountNo\" : \"**********\"", "\"timeStamp\" : \"20", "\"firstName\" : \"***\"")
                .doesNotContain(SignedEcho.PAN).doesNotContain("(clear)");
    }

    @Test
    void theFullPanIsPrintedOnlyWhenAsked() {
        int exit = run(Map.of(ClientCommandRunner.SHOW_PAN_ENV, "1"), "CARD_ENROLLMENT", ENROL, null);

        assertThat(exit).isZero();
        assertThat(output()).contains("< pan (clear) " + SignedEcho.PAN, "< accountInfo.pan (clear) " + SignedEcho.PAN);
    }

    @Test
    void theGivenMsgIdIsSent() {
        run(Map.of(), "CVM_INQUIRY", "", "A3999015720260304050607123456");

        assertThat(output()).contains("\"msgID\" : \"A3999015720260304050607123456\"");
        assertThat(new String(server.requests().get(0).body(), StandardCharsets.UTF_8))
                .contains("\"msgID\":\"A3999015720260304050607123456\"");
    }

    @Test
    void anotherResponseCodeExitsOne() {
        server.respond(r -> new SignedEcho().apply(new FakeSwitch.Received(r.method(), r.path(), Map.of(), r.body())));

        int exit = run(Map.of(), "CVM_INQUIRY", "{}", null);

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("< msgResponse A0");
    }

    @Test
    void anUnverifiableResponseExitsFour() {
        server.respond(new SignedEcho(SignedEcho.Tamper.BODY_AFTER_SIGNING));

        int exit = run(Map.of(), "CVM_INQUIRY", "{}", null);

        assertThat(exit).isEqualTo(4);
        assertThat(output()).contains("< signature INVALID (signature does not verify");
    }

    @Test
    void unusableArgumentsExitTwo() {
        assertThat(run(Map.of(), "PAY_ME", "{}", null)).isEqualTo(2);
        assertThat(run(Map.of(), "CVM_INQUIRY", "[1]", null)).isEqualTo(2);
        assertThat(run(Map.of(), "CVM_INQUIRY", "{nope", null)).isEqualTo(2);
        assertThat(output()).contains("PAY_ME is not a message type", "trxInfo must be one JSON object");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnreachableSwitchExitsFour() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        client.close();
        client = client("http://127.0.0.1:" + port);

        assertThat(run(Map.of(), "CVM_INQUIRY", "{}", null)).isEqualTo(4);
        assertThat(output()).contains("error: no response");
    }
}
